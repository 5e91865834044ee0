import type { Database } from '../database';

/** The demo's points mall (积分商城): coupons of the demo offers for points; fixed ids. */
export const DEMO_POINTS_MALL_ITEMS = [
  {
    id: 'demo-mall-199-minus-30',
    title: '满199减30 优惠券',
    subtitle: '兑换后 30 天内有效',
    points_cost: 600,
    coupon_template_id: 'demo-199-minus-30',
    per_user_limit: 2,
    total_stock: 1000,
    sort: 1,
  },
  {
    id: 'demo-mall-10-off',
    title: '9折券 最高减¥50',
    subtitle: '全场通用，兑换后 30 天内有效',
    points_cost: 1000,
    coupon_template_id: 'demo-10-off-cap-50',
    per_user_limit: 1,
    total_stock: 500,
    sort: 2,
  },
] as const;

/**
 * Demo points-mall items over the demo coupon templates (seedPromotions first). Idempotent:
 * `on conflict do nothing`, so stock already exchanged is never reset. Returns how many it added.
 */
export async function seedPointsMall(db: Database, now: Date): Promise<number> {
  const inserted = await db
    .insertInto('points_mall_items')
    .values(DEMO_POINTS_MALL_ITEMS.map((item) => ({ ...item, created_at: now })))
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}
