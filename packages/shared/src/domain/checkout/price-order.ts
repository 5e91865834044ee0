import { allocateFen, assertFen, MoneyError, sumFen } from '../../money';
import { couponDiscount, type PricingCoupon } from './coupon';
import { maxPointsByCap, maxUsablePoints, type PointsRule } from './points';
import type { PricingProblem } from './pricing-problem';
import { type ShippingRegion, type ShippingRule, shippingFee } from './shipping-fee';

export interface PricingLine {
  skuId: string;
  quantity: number;
  /** The SKU's price now, read by the API (never the client's figure). */
  unitPriceFen: number;
  /** Needed only for category coupons (品类券). */
  categoryId?: string | null;
}

export interface PricingSettings {
  shipping: ShippingRule;
  points: PointsRule;
}

/** Everything besides the lines and the shopper's choices: what the API loads per user. */
export interface PricingContext {
  now: Date;
  settings: PricingSettings;
  /** The coupon the shopper picked, already known to be theirs; null for none. */
  coupon: PricingCoupon | null;
  pointsBalance: number;
  /** No earlier order that was paid (for 新人券). */
  isFirstOrder: boolean;
}

export interface PricingInput extends PricingContext {
  lines: readonly PricingLine[];
  /** Points the shopper wants to spend; 0 for none. */
  pointsToUse: number;
  region: ShippingRegion | null;
}

export interface QuoteLine {
  skuId: string;
  quantity: number;
  unitPriceFen: number;
  subtotalFen: number;
  couponShareFen: number;
  pointsShareFen: number;
  /** subtotal - coupon share - points share: what refunding this whole line gives back. */
  payFen: number;
}

export interface OrderQuote {
  subtotalFen: number;
  couponDiscountFen: number;
  shippingFeeFen: number;
  pointsUsed: number;
  pointsDiscountFen: number;
  /** What the shopper pays: sum of lines' payFen + shippingFeeFen. */
  totalFen: number;
  lines: QuoteLine[];
  /** The coupon applied, or null (none picked, or it has a problem). */
  userCouponId: string | null;
  /** The most points this order could take with this coupon and balance (for "use max"). */
  maxUsablePoints: number;
  /** Empty when every choice was applied. Otherwise the failing choice was left out of the figures. */
  problems: PricingProblem[];
}

/**
 * The price of an order: the ONE function the mall shows and the API charges.
 *
 * Order of operations: subtotal → coupon (one per order, on the goods in its scope) →
 * shipping fee (threshold on the goods after the coupon; remote surcharge) → points (on the
 * goods after the coupon, within the cap and the balance) → total. Coupon and points
 * discounts are spread over lines by largest remainder (coupon by line subtotal within the
 * coupon's scope, points by what is left of each line), so each line's shares add up to
 * the discounts exactly and refunding a line returns its `payFen`. Shipping stays on the
 * order. A coupon or points amount that cannot be used is reported in `problems` and left
 * out; callers that create orders refuse any quote with problems.
 *
 * Throws MoneyError only for malformed input (no lines, fractional or negative numbers),
 * which the API's schemas refuse before.
 */
export function priceOrder(input: PricingInput): OrderQuote {
  if (input.lines.length === 0) throw new MoneyError('priceOrder needs at least one line');
  const problems: PricingProblem[] = [];

  const subtotals = input.lines.map((line) => {
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      throw new MoneyError(`quantity must be a positive integer, got ${line.quantity}`);
    }
    assertFen(line.unitPriceFen, `unit price of ${line.skuId}`);
    const subtotal = line.unitPriceFen * line.quantity;
    assertFen(subtotal, `subtotal of ${line.skuId}`);
    return subtotal;
  });
  const subtotalFen = sumFen(subtotals);

  let couponShares = subtotals.map(() => 0);
  let couponDiscountFen = 0;
  let userCouponId: string | null = null;
  if (input.coupon) {
    const outcome = couponDiscount(
      input.coupon,
      input.lines.map((line, i) => ({ categoryId: line.categoryId, subtotalFen: subtotals[i] ?? 0 })),
      { now: input.now, isFirstOrder: input.isFirstOrder },
    );
    if (outcome.ok) {
      couponDiscountFen = outcome.discountFen;
      userCouponId = input.coupon.userCouponId;
      const weights = subtotals.map((s, i) => (outcome.applicable[i] ? s : 0));
      couponShares = allocateFen(couponDiscountFen, weights);
    } else {
      problems.push(outcome.problem);
    }
  }

  const afterCoupon = subtotals.map((s, i) => s - (couponShares[i] ?? 0));
  const goodsAfterCouponFen = subtotalFen - couponDiscountFen;
  const shippingFeeFen = shippingFee(goodsAfterCouponFen, input.region, input.settings.shipping);

  const pointsRule = input.settings.points;
  const requested = input.pointsToUse;
  if (!Number.isSafeInteger(requested) || requested < 0) {
    throw new MoneyError(`points must be a non-negative integer, got ${requested}`);
  }
  let pointsUsed = 0;
  if (requested > 0) {
    const capPoints = maxPointsByCap(goodsAfterCouponFen, pointsRule);
    if (requested > input.pointsBalance) {
      problems.push({ code: 'POINTS_OVER_BALANCE', requested, balance: input.pointsBalance });
    } else if (requested > capPoints) {
      problems.push({ code: 'POINTS_OVER_CAP', requested, maxPoints: capPoints });
    } else {
      pointsUsed = requested;
    }
  }
  const pointsDiscountFen = pointsUsed * pointsRule.fenPerPoint;
  const pointsShares = pointsDiscountFen > 0 ? allocateFen(pointsDiscountFen, afterCoupon) : afterCoupon.map(() => 0);

  const lines = input.lines.map((line, i): QuoteLine => {
    const lineSubtotal = subtotals[i] ?? 0;
    const couponShareFen = couponShares[i] ?? 0;
    const pointsShareFen = pointsShares[i] ?? 0;
    return {
      skuId: line.skuId,
      quantity: line.quantity,
      unitPriceFen: line.unitPriceFen,
      subtotalFen: lineSubtotal,
      couponShareFen,
      pointsShareFen,
      payFen: lineSubtotal - couponShareFen - pointsShareFen,
    };
  });

  return {
    subtotalFen,
    couponDiscountFen,
    shippingFeeFen,
    pointsUsed,
    pointsDiscountFen,
    totalFen: goodsAfterCouponFen - pointsDiscountFen + shippingFeeFen,
    lines,
    userCouponId,
    maxUsablePoints: maxUsablePoints(goodsAfterCouponFen, input.pointsBalance, pointsRule),
    problems,
  };
}
