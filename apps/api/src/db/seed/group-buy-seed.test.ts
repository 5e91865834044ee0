import { groupBuyActivityProblems } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../database';
import { migrateToLatest } from '../migrate';
import { seedDemoIfAsked } from './demo-seed';
import { DEMO_GROUP_BUY, DEMO_OPEN_GROUP, seedGroupBuys } from './group-buy-seed';

// Seeding is plain inserts, the same on both databases: PGlite alone keeps this file fast.
describe('demo group-buy', () => {
  let handle: DatabaseHandle;
  const now = new Date('2026-06-01T04:00:00Z');
  beforeAll(async () => {
    handle = await createDatabase({});
    await migrateToLatest(handle.db);
    await seedDemoIfAsked(handle.db, true, now);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('is a valid live 2-person activity in the group-buy campaign’s window, on a SKU with an image', async () => {
    const db = handle.db;
    const [activity, campaign, sku, product] = await Promise.all([
      db.selectFrom('group_buy_activities').selectAll().where('id', '=', DEMO_GROUP_BUY.id).executeTakeFirstOrThrow(),
      db.selectFrom('campaigns').selectAll().where('id', '=', 'cmp-group-tee').executeTakeFirstOrThrow(),
      db.selectFrom('skus').selectAll().where('id', '=', DEMO_GROUP_BUY.sku_id).executeTakeFirstOrThrow(),
      db.selectFrom('products').selectAll().where('id', '=', DEMO_GROUP_BUY.product_id).executeTakeFirstOrThrow(),
    ]);
    expect(campaign.kind).toBe('group_buy');
    expect(sku.product_id).toBe(product.id);
    expect(product.images.length).toBeGreaterThan(0);
    expect(activity).toMatchObject({ group_size: 2, tiers: { 2: 6900 }, status: 'active' });
    expect(activity.starts_at).toEqual(campaign.starts_at);
    expect(activity.ends_at).toEqual(campaign.ends_at);
    expect(activity.starts_at.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(
      groupBuyActivityProblems({
        groupSize: activity.group_size,
        tiers: activity.tiers,
        skuPriceFen: sku.price_fen,
        windowHours: activity.window_hours,
        perUserLimit: activity.per_user_limit,
        startsAt: activity.starts_at,
        endsAt: activity.ends_at,
      }),
    ).toEqual([]);
  });

  it('has an open group led by a demo shopper (seat 1 paid), and seeds only once', async () => {
    const db = handle.db;
    const group = await db
      .selectFrom('group_buy_groups as g')
      .innerJoin('users as u', 'u.id', 'g.leader_user_id')
      .select(['g.status', 'g.expires_at', 'g.unit_price_fen', 'u.demo_key'])
      .where('g.id', '=', DEMO_OPEN_GROUP.id)
      .executeTakeFirstOrThrow();
    expect(group).toMatchObject({ status: 'forming', unit_price_fen: 6900, demo_key: 'laowang' });
    expect(group.expires_at.getTime()).toBe(now.getTime() + 24 * 3600_000);
    const seats = await db
      .selectFrom('group_buy_members')
      .selectAll()
      .where('group_id', '=', DEMO_OPEN_GROUP.id)
      .execute();
    expect(seats).toMatchObject([{ seat_no: 1, status: 'paid' }]);
    expect(await seedGroupBuys(db, now)).toBe(0);
  });
});
