import { type MigrationResultSet, Migrator, NO_MIGRATIONS } from 'kysely';
import type { Database } from './database';
import { migrations } from './migrations';

function migrator(db: Database): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Features land in parallel with numbers reserved up front (0003 orders may land after
    // 0007 addresses): a database already at 0007 must still apply 0003 when it arrives,
    // rather than refuse to start. Every migration only adds its own tables.
    allowUnorderedMigrations: true,
  });
}

/** Applies pending migrations in one go; throws the first failure. */
export async function migrateToLatest(db: Database): Promise<MigrationResultSet> {
  const result = await migrator(db).migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

/** Rolls every migration back: the schema is gone afterwards (db:reset). */
export async function migrateDownAll(db: Database): Promise<void> {
  const { error } = await migrator(db).migrateTo(NO_MIGRATIONS);
  if (error) throw error;
}
