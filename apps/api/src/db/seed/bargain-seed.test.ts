import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../database';
import { migrateToLatest } from '../migrate';
import { DEMO_BARGAIN_ACTIVITY, DEMO_BARGAIN_OWNER, seedBargains } from './bargain-seed';
import { seedDemoIfAsked } from './demo-seed';

// Seeding is plain inserts and one transaction per help: PGlite alone keeps this file fast.
describe('demo bargain', () => {
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

  it('is a live activity in the bargain campaign’s window, with a bargain two friends helped, seeded once', async () => {
    const db = handle.db;
    const [activity, campaign] = await Promise.all([
      db
        .selectFrom('bargain_activities')
        .selectAll()
        .where('id', '=', DEMO_BARGAIN_ACTIVITY.id)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('campaigns')
        .select(['starts_at', 'ends_at'])
        .where('id', '=', 'cmp-bargain-lipstick')
        .executeTakeFirstOrThrow(),
    ]);
    expect(activity).toMatchObject({ floor_price_fen: 0, helps_target: 5, window_hours: 12 });
    expect(activity.starts_at).toEqual(campaign.starts_at);
    expect(activity.ends_at).toEqual(campaign.ends_at);
    expect(activity.starts_at.getTime()).toBeLessThanOrEqual(now.getTime());

    const bargain = await db
      .selectFrom('bargains as b')
      .innerJoin('users as u', 'u.id', 'b.owner_user_id')
      .selectAll('b')
      .select('u.demo_key')
      .where('b.activity_id', '=', activity.id)
      .executeTakeFirstOrThrow();
    expect(bargain).toMatchObject({
      demo_key: DEMO_BARGAIN_OWNER,
      status: 'open',
      helps_done: 2,
      start_price_fen: 12900,
    });
    const helps = await db.selectFrom('bargain_helps').selectAll().where('bargain_id', '=', bargain.id).execute();
    expect(helps).toHaveLength(2);
    expect(12900 - helps.reduce((sum, h) => sum + h.cut_fen, 0)).toBe(bargain.current_price_fen);
    expect(helps.every((h) => h.reward_user_coupon_id !== null)).toBe(true);

    expect(await seedBargains(db, now)).toEqual({ activities: 0, helps: 0 });
    expect(
      await db.selectFrom('bargain_helps').selectAll().where('bargain_id', '=', bargain.id).execute(),
    ).toHaveLength(2);
  });
});
