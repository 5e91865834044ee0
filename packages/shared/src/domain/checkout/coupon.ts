import type { PricingProblem } from './pricing-problem';

/**
 * Coupon kinds. 新人券 is not a kind but a flag (`newUserOnly`) on any kind, so a shop can
 * offer a new-user ¥10 无门槛 or a new-user 满99减20 with the same rules.
 * - `threshold_amount` 满减: `amountFen` off when the applicable goods reach `thresholdFen`.
 * - `percent`          折扣: `percentOffBps` off (1000 = 10% off, "9折"), at most `capFen`,
 *                      when the applicable goods reach `thresholdFen` (0: no threshold).
 * - `no_threshold`     无门槛: `amountFen` off, whatever the amount.
 * A discount never exceeds the goods it applies to.
 */
export const COUPON_KINDS = ['threshold_amount', 'percent', 'no_threshold'] as const;
export type CouponKind = (typeof COUPON_KINDS)[number];

/** What priceOrder needs to know about the coupon the shopper picked (one of their own). */
export interface PricingCoupon {
  userCouponId: string;
  kind: CouponKind;
  title: string;
  thresholdFen: number;
  /** For threshold_amount and no_threshold; 0 for percent. */
  amountFen: number;
  /** For percent: basis points off, 1..9999. 0 otherwise. */
  percentOffBps: number;
  /** For percent: the most it takes off; null for no cap. */
  capFen: number | null;
  newUserOnly: boolean;
  /** null: every category (店铺券); otherwise the categories it applies to (品类券). */
  categoryIds: readonly string[] | null;
  /** Validity window, half-open: valid from `validFrom` up to, not including, `validUntil`. */
  validFrom: Date;
  validUntil: Date;
  /** 'available' until an order uses it; the API marks expired ones lazily. */
  status: 'available' | 'used' | 'expired';
}

export interface CouponLine {
  categoryId?: string | null;
  subtotalFen: number;
}

export type CouponOutcome =
  | { ok: true; discountFen: number; applicable: boolean[] }
  | { ok: false; problem: PricingProblem };

/** Whether a line is inside the coupon's scope. */
export function couponAppliesToLine(coupon: Pick<PricingCoupon, 'categoryIds'>, line: CouponLine): boolean {
  if (coupon.categoryIds === null) return true;
  return line.categoryId != null && coupon.categoryIds.includes(line.categoryId);
}

/**
 * The discount `coupon` gives on `lines`, or why it cannot be used. Percent discounts round
 * down to the fen (the shop never gives more than the printed rate).
 *
 * @example 满199减30 on ¥219.00 of goods -> 3000; 9折 capped at ¥50 on ¥800.00 -> 5000
 */
export function couponDiscount(
  coupon: PricingCoupon,
  lines: readonly CouponLine[],
  context: { now: Date; isFirstOrder: boolean },
): CouponOutcome {
  const id = coupon.userCouponId;
  if (coupon.status === 'used') return { ok: false, problem: { code: 'COUPON_ALREADY_USED', userCouponId: id } };
  if (coupon.status === 'expired' || context.now.getTime() >= coupon.validUntil.getTime()) {
    return { ok: false, problem: { code: 'COUPON_EXPIRED', userCouponId: id } };
  }
  if (context.now.getTime() < coupon.validFrom.getTime()) {
    return { ok: false, problem: { code: 'COUPON_NOT_STARTED', userCouponId: id } };
  }
  if (coupon.newUserOnly && !context.isFirstOrder) {
    return { ok: false, problem: { code: 'COUPON_NEW_USER_ONLY', userCouponId: id } };
  }
  const applicable = lines.map((line) => couponAppliesToLine(coupon, line));
  const applicableFen = lines.reduce((sum, line, i) => (applicable[i] ? sum + line.subtotalFen : sum), 0);
  if (applicableFen === 0) return { ok: false, problem: { code: 'COUPON_NOT_APPLICABLE', userCouponId: id } };
  if (coupon.kind !== 'no_threshold' && applicableFen < coupon.thresholdFen) {
    return {
      ok: false,
      problem: {
        code: 'COUPON_BELOW_THRESHOLD',
        userCouponId: id,
        thresholdFen: coupon.thresholdFen,
        shortByFen: coupon.thresholdFen - applicableFen,
      },
    };
  }
  let discountFen: number;
  if (coupon.kind === 'percent') {
    discountFen = Math.floor((applicableFen * coupon.percentOffBps) / 10_000);
    if (coupon.capFen !== null) discountFen = Math.min(discountFen, coupon.capFen);
  } else {
    discountFen = coupon.amountFen;
  }
  return { ok: true, discountFen: Math.min(discountFen, applicableFen), applicable };
}
