/**
 * Why a coupon or a points amount cannot be used on this order. priceOrder returns these
 * (it never throws for them); the codes are the API's error codes, so the preview and the
 * order routes answer them as they are.
 */
export const PRICING_PROBLEM_CODES = [
  'COUPON_EXPIRED',
  'COUPON_NOT_STARTED',
  'COUPON_ALREADY_USED',
  'COUPON_NOT_APPLICABLE',
  'COUPON_NEW_USER_ONLY',
  'COUPON_BELOW_THRESHOLD',
  'POINTS_OVER_BALANCE',
  'POINTS_OVER_CAP',
] as const;
export type PricingProblemCode = (typeof PRICING_PROBLEM_CODES)[number];

export type PricingProblem =
  | { code: 'COUPON_EXPIRED' | 'COUPON_NOT_STARTED' | 'COUPON_ALREADY_USED'; userCouponId: string }
  | { code: 'COUPON_NOT_APPLICABLE' | 'COUPON_NEW_USER_ONLY'; userCouponId: string }
  | { code: 'COUPON_BELOW_THRESHOLD'; userCouponId: string; thresholdFen: number; shortByFen: number }
  | { code: 'POINTS_OVER_BALANCE'; requested: number; balance: number }
  | { code: 'POINTS_OVER_CAP'; requested: number; maxPoints: number };
