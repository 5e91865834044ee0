import type { Database } from '../database';
import { seedBargains } from './bargain-seed';
import { catalog } from './catalog.data';
import { seedFlashSales } from './flash-sale-seed';
import { seedGroupBuys } from './group-buy-seed';
import { seedLotteries } from './lottery-seed';
import { seedPointsMall } from './points-mall-seed';
import { seedPresales } from './presale-seed';
import { seedPromotions } from './promotions-seed';
import { isCatalogEmpty, type SeedResult, seedCatalog } from './seed';

/**
 * Start-up seeding for the demo (`npm start` sets SEED_DEMO=1): the demo catalog, shoppers,
 * coupon offers and points go into an empty database only when asked, so an API started
 * against a real shop's database never adds demo products to it. Returns what was seeded
 * (the catalog's counts), or null.
 */
export async function seedDemoIfAsked(db: Database, seedDemo: boolean, now: Date): Promise<SeedResult | null> {
  if (!seedDemo || !(await isCatalogEmpty(db))) return null;
  const seeded = await seedCatalog(db, catalog, now);
  // Coupon offers and the demo shoppers' points, after the shoppers exist.
  await seedPromotions(db, now);
  await seedPointsMall(db, now);
  await seedFlashSales(db, now);
  await seedPresales(db, now);
  await seedGroupBuys(db, now);
  await seedBargains(db, now);
  await seedLotteries(db, now);
  return seeded;
}
