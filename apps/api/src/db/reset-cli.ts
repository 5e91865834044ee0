import { systemClock } from '../clock';
import { loadConfig } from '../config';
import { createDatabase } from './database';
import { migrateDownAll, migrateToLatest } from './migrate';
import { describeDatabase } from './open-database';
import { catalog } from './seed/catalog.data';
import { seedCatalog } from './seed/seed';

/** `npm run db:reset -w @wematrix/api`: drop every table, migrate and seed afresh. Destroys data. */
const config = loadConfig();
const database = await createDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
try {
  await migrateDownAll(database.db);
  await migrateToLatest(database.db);
  const seeded = await seedCatalog(database.db, catalog, systemClock());
  console.log(`reset ${describeDatabase(config)}: ${JSON.stringify(seeded)}`);
} finally {
  await database.close();
}
