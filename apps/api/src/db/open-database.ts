import type { ApiConfig } from '../config';
import { createDatabase, type DatabaseHandle } from './database';
import { migrateToLatest } from './migrate';

/** The configured database (PostgreSQL if DATABASE_URL, else PGlite on disk), migrated. */
export async function openDatabase(config: ApiConfig): Promise<DatabaseHandle> {
  const handle = await createDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/** For log lines: where the data lives, without credentials. */
export function describeDatabase(config: ApiConfig): string {
  if (!config.databaseUrl) return `PGlite in ${config.pgliteDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
