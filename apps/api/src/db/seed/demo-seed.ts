import type { Database } from '../database';
import { catalog } from './catalog.data';
import { isCatalogEmpty, type SeedResult, seedCatalog } from './seed';

/**
 * Start-up seeding for the demo (`npm start` sets SEED_DEMO=1): the demo catalog and shoppers
 * go into an empty database only when asked, so an API started against a real shop's
 * database never adds demo products to it. Returns what was seeded, or null.
 */
export async function seedDemoIfAsked(db: Database, seedDemo: boolean, now: Date): Promise<SeedResult | null> {
  if (!seedDemo || !(await isCatalogEmpty(db))) return null;
  return seedCatalog(db, catalog, now);
}
