import type { Migration } from 'kysely';
import * as m0001 from './0001-initial';

/**
 * Every migration, by name, in order. A static map rather than a folder scan so it works
 * the same under tsx, Vitest and a bundler. Add new files here; never rename old ones.
 */
export const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
};
