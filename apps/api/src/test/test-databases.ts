import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type DatabaseHandle } from '../db/database';

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

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function openFreshPostgres(adminUrl: string): Promise<DatabaseHandle> {
  const name = `wm_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await createDatabase({ databaseUrl: url.toString() });
  return {
    ...handle,
    async close() {
      await handle.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
