import {
  DEFAULT_POINTS_RULE,
  DEFAULT_SHIPPING_RULE,
  type PricingContext,
  type PricingSettings,
  pointsRuleSchema,
  shippingRuleSchema,
} from '@wematrix/shared';
import { sql } from 'kysely';
import type { Executor } from '../../db/executor';
import { findUserCoupon } from './coupon.repository';
import { pointsBalance } from './points.repository';
import { PromotionError } from './promotions.errors';
import { userCouponRowToPricing } from './promotions.service';

/**
 * The shipping and points rules from pricing_settings. A missing row falls back to the
 * shared default; a row that fails its schema is an operator error worth a 500, not a guess.
 */
export async function loadPricingSettings(db: Executor): Promise<PricingSettings> {
  const rows = await db.selectFrom('pricing_settings').select(['key', 'value']).execute();
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  return {
    shipping: byKey.has('shipping') ? shippingRuleSchema.parse(byKey.get('shipping')) : DEFAULT_SHIPPING_RULE,
    points: byKey.has('points') ? pointsRuleSchema.parse(byKey.get('points')) : DEFAULT_POINTS_RULE,
  };
}

/** True until the shopper has an order that was paid (新人券 are for the first order). */
export async function isFirstOrder(db: Executor, userId: string): Promise<boolean> {
  const { rows } = await sql<{ paid: boolean }>`
    select exists (select 1 from orders where user_id = ${userId}::uuid and paid_at is not null) as paid
  `.execute(db);
  return !rows[0]?.paid;
}

/**
 * Everything priceOrder needs besides the lines and the shopper's choices. A coupon id that
 * is unknown or another shopper's throws COUPON_NOT_FOUND (404): inside a flow's transaction
 * that rolls everything back. Expired, used or inapplicable coupons are not refused here:
 * priceOrder reports them as problems.
 */
export async function loadPricingContext(
  executor: Executor,
  { userId, userCouponId, now }: { userId: string; userCouponId?: string | null; now: Date },
): Promise<PricingContext> {
  const [settings, balance, firstOrder, couponRow] = await Promise.all([
    loadPricingSettings(executor),
    pointsBalance(executor, userId),
    isFirstOrder(executor, userId),
    userCouponId ? findUserCoupon(executor, { userId, userCouponId }) : Promise.resolve(undefined),
  ]);
  if (userCouponId && !couponRow) throw new PromotionError('COUPON_NOT_FOUND', { details: { userCouponId } });
  return {
    now,
    settings,
    coupon: couponRow ? userCouponRowToPricing(couponRow, now) : null,
    pointsBalance: balance,
    isFirstOrder: firstOrder,
  };
}
