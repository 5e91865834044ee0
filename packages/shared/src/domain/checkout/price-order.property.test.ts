import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUPON_KINDS, type PricingCoupon } from './coupon';
import { type PricingInput, priceOrder } from './price-order';
import { DEFAULT_REMOTE_PROVINCES } from './shipping-fee';

const now = new Date('2026-06-01T12:00:00Z');

const lineArb = fc.record({
  skuId: fc.constantFrom('a', 'b', 'c', 'd'),
  quantity: fc.integer({ min: 1, max: 20 }),
  unitPriceFen: fc.integer({ min: 0, max: 500_000 }),
  categoryId: fc.constantFrom('skin', 'makeup', null),
});

const couponArb: fc.Arbitrary<PricingCoupon> = fc.record({
  userCouponId: fc.constant('uc'),
  kind: fc.constantFrom(...COUPON_KINDS),
  title: fc.constant('券'),
  thresholdFen: fc.integer({ min: 0, max: 1_000_000 }),
  amountFen: fc.integer({ min: 1, max: 200_000 }),
  percentOffBps: fc.integer({ min: 1, max: 9999 }),
  capFen: fc.option(fc.integer({ min: 1, max: 100_000 })),
  newUserOnly: fc.boolean(),
  categoryIds: fc.option(fc.subarray(['skin', 'makeup'])),
  validFrom: fc.constant(new Date('2026-05-01T00:00:00Z')),
  validUntil: fc.constant(new Date('2026-07-01T00:00:00Z')),
  status: fc.constant('available' as const),
});

const inputArb: fc.Arbitrary<PricingInput> = fc.record({
  now: fc.constant(now),
  settings: fc.record({
    shipping: fc.record({
      freeThresholdFen: fc.integer({ min: 0, max: 100_000 }),
      baseFeeFen: fc.integer({ min: 0, max: 5000 }),
      remoteSurchargeFen: fc.integer({ min: 0, max: 5000 }),
      remoteProvinces: fc.constant(DEFAULT_REMOTE_PROVINCES),
    }),
    points: fc.record({
      fenPerPoint: fc.integer({ min: 1, max: 100 }),
      maxShareBps: fc.integer({ min: 0, max: 10_000 }),
    }),
  }),
  coupon: fc.option(couponArb),
  pointsBalance: fc.integer({ min: 0, max: 1_000_000 }),
  isFirstOrder: fc.boolean(),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 6 }),
  pointsToUse: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000_000 })),
  region: fc.option(fc.record({ province: fc.constantFrom('新疆', '浙江省', '西藏自治区', '上海市') })),
});

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe('priceOrder, for any order', () => {
  it('is integer fen, never negative, and the total is goods - coupon - points + shipping', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const q = priceOrder(input);
        for (const fen of [
          q.subtotalFen,
          q.couponDiscountFen,
          q.shippingFeeFen,
          q.pointsDiscountFen,
          q.totalFen,
          q.pointsUsed,
        ]) {
          expect(Number.isSafeInteger(fen)).toBe(true);
          expect(fen).toBeGreaterThanOrEqual(0);
        }
        expect(q.totalFen).toBe(q.subtotalFen - q.couponDiscountFen - q.pointsDiscountFen + q.shippingFeeFen);
        expect(q.totalFen).toBeGreaterThanOrEqual(q.shippingFeeFen);
      }),
      { numRuns: 2000 },
    );
  });

  it('respects coupon thresholds and caps, and never discounts more than the goods in scope', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const q = priceOrder(input);
        const c = input.coupon;
        if (!c || q.userCouponId === null) {
          expect(q.couponDiscountFen).toBe(0);
          return;
        }
        const inScope = input.lines
          .filter((l) => c.categoryIds === null || (l.categoryId != null && c.categoryIds.includes(l.categoryId)))
          .reduce((s, l) => s + l.unitPriceFen * l.quantity, 0);
        if (c.kind !== 'no_threshold') expect(inScope).toBeGreaterThanOrEqual(c.thresholdFen);
        if (c.kind === 'percent') {
          if (c.capFen !== null) expect(q.couponDiscountFen).toBeLessThanOrEqual(c.capFen);
          expect(q.couponDiscountFen * 10_000).toBeLessThanOrEqual(inScope * c.percentOffBps);
        } else {
          expect(q.couponDiscountFen).toBeLessThanOrEqual(c.amountFen);
        }
        expect(q.couponDiscountFen).toBeLessThanOrEqual(inScope);
        if (c.newUserOnly) expect(input.isFirstOrder).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps points within the balance and the share of the goods after the coupon', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const q = priceOrder(input);
        const rule = input.settings.points;
        expect(q.pointsUsed).toBeLessThanOrEqual(input.pointsBalance);
        expect(q.pointsDiscountFen).toBe(q.pointsUsed * rule.fenPerPoint);
        expect(q.pointsDiscountFen * 10_000).toBeLessThanOrEqual(
          (q.subtotalFen - q.couponDiscountFen) * rule.maxShareBps,
        );
        expect(q.maxUsablePoints).toBeLessThanOrEqual(input.pointsBalance);
        // Whatever was asked, it is either applied in full or refused with a reason.
        if (input.pointsToUse > 0 && q.pointsUsed === 0) {
          expect(q.problems.some((p) => p.code === 'POINTS_OVER_BALANCE' || p.code === 'POINTS_OVER_CAP')).toBe(true);
        }
        // Asking for exactly the suggested maximum always works.
        const max = priceOrder({ ...input, pointsToUse: q.maxUsablePoints });
        expect(max.pointsUsed).toBe(q.maxUsablePoints);
      }),
      { numRuns: 2000 },
    );
  });

  it('spreads each discount over the lines exactly, so refunding every line returns what was paid', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const q = priceOrder(input);
        expect(sum(q.lines.map((l) => l.couponShareFen))).toBe(q.couponDiscountFen);
        expect(sum(q.lines.map((l) => l.pointsShareFen))).toBe(q.pointsDiscountFen);
        for (const line of q.lines) {
          expect(line.subtotalFen).toBe(line.unitPriceFen * line.quantity);
          expect(line.couponShareFen).toBeGreaterThanOrEqual(0);
          expect(line.pointsShareFen).toBeGreaterThanOrEqual(0);
          expect(line.payFen).toBe(line.subtotalFen - line.couponShareFen - line.pointsShareFen);
          expect(line.payFen).toBeGreaterThanOrEqual(0);
        }
        // Shipping is the order's, not a line's: refunds of all lines plus the fee are the total.
        expect(sum(q.lines.map((l) => l.payFen)) + q.shippingFeeFen).toBe(q.totalFen);
      }),
      { numRuns: 2000 },
    );
  });
});
