import { systemClock } from '../clock';
import { loadConfig } from '../config';
import { describeDatabase, openDatabase } from './open-database';
import { catalog } from './seed/catalog.data';
import { seedPointsMall } from './seed/points-mall-seed';
import { seedPromotions } from './seed/promotions-seed';
import { seedCatalog } from './seed/seed';

/** `npm run db:seed -w @wematrix/api`: add the demo catalog, coupon offers and points (only what is missing). */
const config = loadConfig();
const database = await openDatabase(config);
try {
  const now = systemClock();
  const seeded = await seedCatalog(database.db, catalog, now);
  const promotions = await seedPromotions(database.db, now);
  const pointsMallItems = await seedPointsMall(database.db, now);
  console.log(`seeded ${describeDatabase(config)}: ${JSON.stringify({ ...seeded, ...promotions, pointsMallItems })}`);
} finally {
  await database.close();
}
