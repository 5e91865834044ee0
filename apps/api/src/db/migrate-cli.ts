import { loadConfig } from '../config';
import { describeDatabase, openDatabase } from './open-database';

/** `npm run db:migrate -w @wematrix/api`: apply pending migrations and exit. */
const config = loadConfig();
const database = await openDatabase(config);
await database.close();
console.log(`migrated ${describeDatabase(config)}`);
