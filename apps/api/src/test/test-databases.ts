import { createDatabase, type DatabaseHandle } from '../db/database';
import { createScratchPostgres } from './scratch-postgres';

export interface TestDatabase {
  /** Goes into test names, so a failure says which database it ran on. */
  name: 'PGlite' | 'PostgreSQL';
  /** A brand-new, empty database (not migrated). */
  open(): Promise<DatabaseHandle>;
}

/**
 * Where API tests run: always an in-memory PGlite; also PostgreSQL when DATABASE_URL is
 * set, in a database created for the caller (`wm_test_<random>`) and dropped on close.
 * Use as `describe.each(testDatabases())('... on $name', (database) => ...)`.
 */
export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [{ name: 'PGlite', open: () => createDatabase({}) }];
  const url = process.env.DATABASE_URL;
  if (url) list.push({ name: 'PostgreSQL', open: () => openFreshPostgres(url) });
  return list;
}

async function openFreshPostgres(adminUrl: string): Promise<DatabaseHandle> {
  const scratch = await createScratchPostgres(adminUrl, 'wm_test');
  const handle = await createDatabase({ databaseUrl: scratch.url });
  return {
    ...handle,
    async close() {
      await handle.close();
      await scratch.drop();
    },
  };
}
