import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/test-databases';
import type { DatabaseHandle } from '../database';
import { migrateToLatest } from '../migrate';
import { catalog } from './catalog.data';
import { DEMO_POINTS_MALL_ITEMS, seedPointsMall } from './points-mall-seed';
import { DEMO_COUPON_TEMPLATES, DEMO_POINTS, seedPromotions } from './promotions-seed';
import { seedCatalog } from './seed';

describe.each(testDatabases())('demo coupon offers and points on $name', (database) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await database.open();
    await migrateToLatest(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });
  const now = new Date('2026-06-01T04:00:00Z');

  it('adds the offers and each demo shopper’s points once, however often it runs', async () => {
    await seedCatalog(handle.db, catalog, now);
    expect(await seedPromotions(handle.db, now)).toEqual({
      templates: DEMO_COUPON_TEMPLATES.length,
      pointsGrants: catalog.shoppers.length,
    });
    expect(await seedPromotions(handle.db, now)).toEqual({ templates: 0, pointsGrants: 0 });
    const balances = await handle.db.selectFrom('points_accounts').select('balance').execute();
    expect(balances.map((b) => b.balance)).toEqual(catalog.shoppers.map(() => DEMO_POINTS));
    const titles = await handle.db.selectFrom('coupon_templates').select('title').orderBy('id').execute();
    expect(titles.map((t) => t.title).sort()).toEqual(DEMO_COUPON_TEMPLATES.map((t) => t.title).sort());
  });
});

describe.each(testDatabases())('demo points mall on $name', (database) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await database.open();
    await migrateToLatest(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });
  const now = new Date('2026-06-01T04:00:00Z');

  it('adds the items over the demo coupon templates once, however often it runs', async () => {
    await seedCatalog(handle.db, catalog, now);
    await seedPromotions(handle.db, now);
    expect(await seedPointsMall(handle.db, now)).toBe(DEMO_POINTS_MALL_ITEMS.length);
    expect(await seedPointsMall(handle.db, now)).toBe(0);
    const items = await handle.db.selectFrom('points_mall_items').select(['id', 'coupon_template_id']).execute();
    expect(items.map((i) => i.id).sort()).toEqual(DEMO_POINTS_MALL_ITEMS.map((i) => i.id).sort());
  });
});
