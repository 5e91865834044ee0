import { lotteryOdds } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../database';
import { migrateToLatest } from '../migrate';
import { seedDemoIfAsked } from './demo-seed';
import { DEMO_LOTTERY, seedLotteries } from './lottery-seed';

// Seeding is plain inserts, the same on both databases: PGlite alone keeps this file fast.
describe('demo lottery', () => {
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

  it('is seeded live in the lottery campaign’s window with its prizes and shown odds, and only once', async () => {
    const [lottery, campaign, prizes] = await Promise.all([
      handle.db.selectFrom('lotteries').selectAll().where('id', '=', DEMO_LOTTERY.id).executeTakeFirstOrThrow(),
      handle.db
        .selectFrom('campaigns')
        .select(['starts_at', 'ends_at', 'kind'])
        .where('id', '=', 'cmp-lottery-candle')
        .executeTakeFirstOrThrow(),
      handle.db
        .selectFrom('lottery_prizes')
        .selectAll()
        .where('lottery_id', '=', DEMO_LOTTERY.id)
        .orderBy('position')
        .execute(),
    ]);
    expect(campaign.kind).toBe('lottery');
    expect(lottery).toMatchObject({ campaign_id: 'cmp-lottery-candle', daily_draws: 3 });
    expect(lottery.starts_at).toEqual(campaign.starts_at);
    expect(lottery.ends_at).toEqual(campaign.ends_at);
    expect(lottery.starts_at.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(lottery.ends_at.getTime()).toBeGreaterThan(now.getTime());
    expect(prizes.map((p) => p.kind)).toEqual(['product', 'coupon', 'coupon', 'points', 'points']);
    expect(prizes[0]).toMatchObject({ sku_id: 'sku-fragrance-04-1', image: 'products/p-fragrance-04.jpg' });
    expect(lotteryOdds(prizes.map((p) => ({ probabilityPpm: p.probability_ppm }))).map((l) => l.percent)).toEqual([
      '1%',
      '10%',
      '15%',
      '20%',
      '30%',
      '24%',
    ]);
    // The prize coupons are not offered in 领券中心.
    const claimable = await handle.db
      .selectFrom('coupon_templates')
      .select('id')
      .where('id', 'like', 'demo-lottery-%')
      .where('claim_ends_at', '>', now)
      .execute();
    expect(claimable).toEqual([]);
    expect(await seedLotteries(handle.db, now)).toBe(0);
  });
});
