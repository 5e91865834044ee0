import { systemClock } from '../clock';
import { loadConfig } from '../config';
import { describeDatabase, openDatabase } from './open-database';
import { catalog } from './seed/catalog.data';
import { seedCatalog } from './seed/seed';

/** `npm run db:seed -w @wematrix/api`: add the demo catalog (only what is missing). */
const config = loadConfig();
const database = await openDatabase(config);
try {
  const seeded = await seedCatalog(database.db, catalog, systemClock());
  console.log(`seeded ${describeDatabase(config)}: ${JSON.stringify(seeded)}`);
} finally {
  await database.close();
}
