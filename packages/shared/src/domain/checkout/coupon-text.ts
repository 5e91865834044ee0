import { formatFen } from '../../money';
import type { CouponKind } from './coupon';
import type { PricingProblemCode } from './pricing-problem';

export interface CouponRuleFields {
  kind: CouponKind;
  thresholdFen: number;
  amountFen: number;
  percentOffBps: number;
  capFen: number | null;
}

const yuan = (fen: number) => formatFen(fen, { symbol: false, trimZeros: true });

/** "9折" for 1000 bps off, "8.5折" for 1500: how Chinese shops write a discount. */
export function discountText(percentOffBps: number): string {
  const tenths = (10_000 - percentOffBps) / 1000;
  return `${Number.parseFloat(tenths.toFixed(2))}折`;
}

/**
 * A coupon's rule the way shoppers read it on a coupon card.
 *
 * @example couponRuleText({ kind: 'threshold_amount', thresholdFen: 19900, amountFen: 3000, … }) // '满199减30'
 * @example couponRuleText({ kind: 'percent', thresholdFen: 0, percentOffBps: 1000, capFen: 5000, … }) // '9折，最高减50'
 */
export function couponRuleText(coupon: CouponRuleFields): string {
  switch (coupon.kind) {
    case 'threshold_amount':
      return `满${yuan(coupon.thresholdFen)}减${yuan(coupon.amountFen)}`;
    case 'no_threshold':
      return `无门槛减${yuan(coupon.amountFen)}`;
    case 'percent': {
      const base = coupon.thresholdFen > 0 ? `满${yuan(coupon.thresholdFen)}享` : '';
      const cap = coupon.capFen !== null ? `，最高减${yuan(coupon.capFen)}` : '';
      return `${base}${discountText(coupon.percentOffBps)}${cap}`;
    }
  }
}

const PROBLEM_TEXT: Record<PricingProblemCode, string> = {
  COUPON_EXPIRED: '优惠券已过期',
  COUPON_NOT_STARTED: '优惠券未到使用时间',
  COUPON_ALREADY_USED: '优惠券已使用',
  COUPON_NOT_APPLICABLE: '所选商品不在此券适用范围',
  COUPON_NEW_USER_ONLY: '仅限新用户首单使用',
  COUPON_BELOW_THRESHOLD: '未达到使用门槛',
  POINTS_OVER_BALANCE: '积分余额不足',
  POINTS_OVER_CAP: '超出本单可用积分上限',
};

/** Why a coupon or points amount cannot be used here, in the words the checkout shows. */
export function pricingProblemText(code: PricingProblemCode): string {
  return PROBLEM_TEXT[code];
}
