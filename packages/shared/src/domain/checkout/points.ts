/**
 * Points (积分) as a way to pay part of the goods. Both numbers are settings:
 * `fenPerPoint` (1: 100 points = ¥1) and `maxShareBps`, the most points may pay of the goods
 * after the coupon, in basis points (5000 = half). Shipping is never paid with points.
 */
export interface PointsRule {
  fenPerPoint: number;
  maxShareBps: number;
}

export const DEFAULT_POINTS_RULE: PointsRule = { fenPerPoint: 1, maxShareBps: 5000 };

/**
 * The most points usable on `goodsAfterCouponFen`, within the cap and the balance. The cap
 * rounds down to whole points, so points never pay more than the share allows.
 *
 * @example maxUsablePoints(10_000, 99_999, { fenPerPoint: 1, maxShareBps: 5000 }) // 5000
 */
export function maxUsablePoints(goodsAfterCouponFen: number, balance: number, rule: PointsRule): number {
  return Math.min(maxPointsByCap(goodsAfterCouponFen, rule), Math.max(0, balance));
}

/** The cap alone, in points: floor(goods × share ÷ fenPerPoint). */
export function maxPointsByCap(goodsAfterCouponFen: number, rule: PointsRule): number {
  if (rule.fenPerPoint <= 0) return 0;
  // A share above 100% would let points pay more than the goods: clamp it.
  const shareBps = Math.min(Math.max(rule.maxShareBps, 0), 10_000);
  const capFen = Math.floor((goodsAfterCouponFen * shareBps) / 10_000);
  return Math.floor(capFen / rule.fenPerPoint);
}
