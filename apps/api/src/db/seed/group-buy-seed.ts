import type { Database } from '../database';

/** The demo's 拼团 activity: the heavyweight tee, 2 people at ¥69 (the seed campaign's price). */
export const DEMO_GROUP_BUY = {
  id: 'demo-group-tee',
  campaign_id: 'cmp-group-tee',
  product_id: 'p-men-01',
  sku_id: 'sku-men-01-2',
  title: '2人团 · 重磅纯棉 T 恤 白色 M',
  group_size: 2,
  tiers: { 2: 6900 },
  leader_free: false,
  window_hours: 24,
  per_user_limit: 1,
  new_user_only: false,
} as const;

/** 老王's open group, so the demo has a group to join from the start. */
export const DEMO_OPEN_GROUP = {
  id: '6b0e5f2a-0000-4000-8000-00000000a001',
  leaderMemberId: '6b0e5f2a-0000-4000-8000-00000000b001',
  leaderDemoKey: 'laowang',
} as const;

const HOUR_MS = 3600_000;

/**
 * The demo activity in the window of the seed's 2-person group-buy campaign, and one open
 * group led by a demo shopper whose seat counts as paid. That seat has no order behind it
 * (the demo seeds no payments): the group fills and succeeds like any other, and if it fails
 * the refund job has nothing to give back for it. Idempotent (`on conflict do nothing`).
 * Returns how many activities it added (0 also when the campaign is not in this catalog).
 */
export async function seedGroupBuys(db: Database, now: Date): Promise<number> {
  const campaign = await db
    .selectFrom('campaigns')
    .select(['starts_at', 'ends_at'])
    .where('id', '=', DEMO_GROUP_BUY.campaign_id)
    .executeTakeFirst();
  if (!campaign) return 0;
  const inserted = await db
    .insertInto('group_buy_activities')
    .values({
      ...DEMO_GROUP_BUY,
      tiers: JSON.stringify(DEMO_GROUP_BUY.tiers),
      starts_at: campaign.starts_at,
      ends_at: campaign.ends_at,
      created_at: now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  const leader = await db
    .selectFrom('users')
    .select('id')
    .where('demo_key', '=', DEMO_OPEN_GROUP.leaderDemoKey)
    .executeTakeFirst();
  if (inserted.length === 0 || !leader || now >= campaign.ends_at) return inserted.length;
  const expiresAt = new Date(
    Math.min(now.getTime() + DEMO_GROUP_BUY.window_hours * HOUR_MS, campaign.ends_at.getTime()),
  );
  await db
    .insertInto('group_buy_groups')
    .values({
      id: DEMO_OPEN_GROUP.id,
      activity_id: DEMO_GROUP_BUY.id,
      leader_user_id: leader.id,
      status: 'forming',
      size: DEMO_GROUP_BUY.group_size,
      unit_price_fen: DEMO_GROUP_BUY.tiers[2],
      expires_at: expiresAt,
      created_at: now,
      succeeded_at: null,
      failed_at: null,
      rebated_at: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db
    .insertInto('group_buy_members')
    .values({
      id: DEMO_OPEN_GROUP.leaderMemberId,
      group_id: DEMO_OPEN_GROUP.id,
      activity_id: DEMO_GROUP_BUY.id,
      user_id: leader.id,
      seat_no: 1,
      order_id: null,
      status: 'paid',
      created_at: now,
      paid_at: now,
      released_at: null,
      refunded_at: null,
      refund_requested_at: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return inserted.length;
}
