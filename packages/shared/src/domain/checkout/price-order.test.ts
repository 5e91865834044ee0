import { describe, expect, it } from 'vitest';
import type { PricingCoupon } from './coupon';
import { type PricingInput, priceOrder } from './price-order';
import { DEFAULT_SHIPPING_RULE, isRemoteRegion, shippingFee } from './shipping-fee';

const now = new Date('2026-06-01T12:00:00Z');

function coupon(overrides: Partial<PricingCoupon>): PricingCoupon {
  return {
    userCouponId: 'uc-1',
    kind: 'threshold_amount',
    title: '满199减30',
    thresholdFen: 19_900,
    amountFen: 3000,
    percentOffBps: 0,
    capFen: null,
    newUserOnly: false,
    categoryIds: null,
    validFrom: new Date('2026-05-01T00:00:00Z'),
    validUntil: new Date('2026-07-01T00:00:00Z'),
    status: 'available',
    ...overrides,
  };
}

const nineTenthsCapped = coupon({
  kind: 'percent',
  title: '9折 最高减50',
  thresholdFen: 0,
  amountFen: 0,
  percentOffBps: 1000,
  capFen: 5000,
});
const newUserTen = coupon({
  kind: 'no_threshold',
  title: '新人券',
  thresholdFen: 0,
  amountFen: 1000,
  newUserOnly: true,
});

function input(overrides: Partial<PricingInput>): PricingInput {
  return {
    now,
    settings: { shipping: DEFAULT_SHIPPING_RULE, points: { fenPerPoint: 1, maxShareBps: 5000 } },
    coupon: null,
    pointsBalance: 0,
    isFirstOrder: false,
    lines: [{ skuId: 'a', quantity: 1, unitPriceFen: 12_900 }],
    pointsToUse: 0,
    region: { province: '浙江省', regionCode: '330106' },
    ...overrides,
  };
}

describe('priceOrder, worked examples', () => {
  it.each([
    {
      name: '满199减30 on ¥129 × 1 + ¥45 × 2 = ¥219, free shipping, no points',
      given: input({
        coupon: coupon({}),
        lines: [
          { skuId: 'a', quantity: 1, unitPriceFen: 12_900 },
          { skuId: 'b', quantity: 2, unitPriceFen: 4500 },
        ],
      }),
      expected: {
        subtotalFen: 21_900,
        couponDiscountFen: 3000,
        shippingFeeFen: 0,
        pointsDiscountFen: 0,
        totalFen: 18_900,
      },
      couponShares: [1767, 1233],
    },
    {
      name: '9折 capped at ¥50 on ¥800: ¥50 off, not ¥80',
      given: input({ coupon: nineTenthsCapped, lines: [{ skuId: 'a', quantity: 4, unitPriceFen: 20_000 }] }),
      expected: {
        subtotalFen: 80_000,
        couponDiscountFen: 5000,
        shippingFeeFen: 0,
        pointsDiscountFen: 0,
        totalFen: 75_000,
      },
      couponShares: [5000],
    },
    {
      name: '9折 on ¥59.90: ¥5.99 off, then below ¥99 so ¥8 shipping',
      given: input({ coupon: nineTenthsCapped, lines: [{ skuId: 'a', quantity: 1, unitPriceFen: 5990 }] }),
      expected: {
        subtotalFen: 5990,
        couponDiscountFen: 599,
        shippingFeeFen: 800,
        pointsDiscountFen: 0,
        totalFen: 6191,
      },
      couponShares: [599],
    },
    {
      name: '新人券 ¥10 on a first order of ¥5: takes ¥5 only, never below zero',
      given: input({ coupon: newUserTen, isFirstOrder: true, lines: [{ skuId: 'a', quantity: 1, unitPriceFen: 500 }] }),
      expected: { subtotalFen: 500, couponDiscountFen: 500, shippingFeeFen: 800, pointsDiscountFen: 0, totalFen: 800 },
      couponShares: [500],
    },
    {
      name: '¥129 to 新疆 with 3,000 points: free base fee, ¥12 remote surcharge, ¥30 off',
      given: input({ region: { province: '新疆维吾尔自治区' }, pointsBalance: 10_000, pointsToUse: 3000 }),
      expected: {
        subtotalFen: 12_900,
        couponDiscountFen: 0,
        shippingFeeFen: 1200,
        pointsDiscountFen: 3000,
        totalFen: 11_100,
      },
      couponShares: [0],
    },
    {
      name: '¥50 to 西藏 (by code 540102): ¥8 + ¥12',
      given: input({ region: { regionCode: '540102' }, lines: [{ skuId: 'a', quantity: 1, unitPriceFen: 5000 }] }),
      expected: { subtotalFen: 5000, couponDiscountFen: 0, shippingFeeFen: 2000, pointsDiscountFen: 0, totalFen: 7000 },
      couponShares: [0],
    },
  ])('$name', ({ given, expected, couponShares }) => {
    const quote = priceOrder(given);
    expect(quote.problems).toEqual([]);
    expect(quote).toMatchObject(expected);
    expect(quote.lines.map((l) => l.couponShareFen)).toEqual(couponShares);
  });

  it('spreads points over what is left of each line after the coupon', () => {
    const quote = priceOrder(
      input({
        coupon: coupon({}),
        pointsBalance: 9000,
        pointsToUse: 9000,
        lines: [
          { skuId: 'a', quantity: 1, unitPriceFen: 12_900 },
          { skuId: 'b', quantity: 2, unitPriceFen: 4500 },
        ],
      }),
    );
    // 18,900 after the coupon; half is 9,450, so 9,000 points fit. Lines keep 11,133 and
    // 7,767: exact shares 5,301.43 and 3,698.57, the spare fen goes to the larger remainder.
    expect(quote.pointsDiscountFen).toBe(9000);
    expect(quote.lines.map((l) => l.pointsShareFen)).toEqual([5301, 3699]);
    expect(quote.lines.map((l) => l.payFen)).toEqual([5832, 4068]);
    expect(quote.totalFen).toBe(9900);
    expect(quote.maxUsablePoints).toBe(9000);
  });

  it('a category coupon (品类券) discounts only the lines in its categories', () => {
    const quote = priceOrder(
      input({
        coupon: coupon({ kind: 'no_threshold', thresholdFen: 0, amountFen: 1000, categoryIds: ['skin'] }),
        lines: [
          { skuId: 'a', quantity: 1, unitPriceFen: 12_900, categoryId: 'skin' },
          { skuId: 'b', quantity: 1, unitPriceFen: 4500, categoryId: 'makeup' },
        ],
      }),
    );
    expect(quote.lines.map((l) => l.couponShareFen)).toEqual([1000, 0]);
  });
});

describe('priceOrder, refusals come back as problems and leave the choice out', () => {
  it.each([
    ['below the threshold', input({ coupon: coupon({}) }), { code: 'COUPON_BELOW_THRESHOLD', shortByFen: 7000 }],
    ['expired', input({ coupon: coupon({ validUntil: now }) }), { code: 'COUPON_EXPIRED' }],
    ['marked expired', input({ coupon: coupon({ status: 'expired', thresholdFen: 0 }) }), { code: 'COUPON_EXPIRED' }],
    [
      'not started',
      input({ coupon: coupon({ validFrom: new Date('2026-06-02T00:00:00Z') }) }),
      { code: 'COUPON_NOT_STARTED' },
    ],
    ['already used', input({ coupon: coupon({ status: 'used' }) }), { code: 'COUPON_ALREADY_USED' }],
    ['new-user coupon on a later order', input({ coupon: newUserTen }), { code: 'COUPON_NEW_USER_ONLY' }],
    [
      'category coupon with no line in its category',
      input({ coupon: coupon({ categoryIds: ['skin'], thresholdFen: 0 }) }),
      { code: 'COUPON_NOT_APPLICABLE' },
    ],
    [
      'points over balance',
      input({ pointsBalance: 100, pointsToUse: 101 }),
      { code: 'POINTS_OVER_BALANCE', balance: 100 },
    ],
    [
      'points over the cap',
      input({ pointsBalance: 99_999, pointsToUse: 6451 }),
      { code: 'POINTS_OVER_CAP', maxPoints: 6450 },
    ],
  ])('%s', (_name, given, problem) => {
    const quote = priceOrder(given);
    expect(quote.problems).toEqual([expect.objectContaining(problem)]);
    expect(quote.couponDiscountFen).toBe(0);
    expect(quote.pointsUsed).toBe(0);
    expect(quote.userCouponId).toBeNull();
    expect(quote.totalFen).toBe(12_900);
  });

  it('throws on malformed input the API schemas refuse first', () => {
    expect(() => priceOrder(input({ lines: [] }))).toThrow();
    expect(() => priceOrder(input({ lines: [{ skuId: 'a', quantity: 0, unitPriceFen: 100 }] }))).toThrow();
    expect(() => priceOrder(input({ lines: [{ skuId: 'a', quantity: 1, unitPriceFen: 1.5 }] }))).toThrow();
    expect(() => priceOrder(input({ pointsToUse: -1 }))).toThrow();
  });
});

describe('shipping fee', () => {
  it.each([
    [9899, { province: '浙江省' }, 800],
    [9900, { province: '浙江省' }, 0],
    [9900, { province: '青海省' }, 1200],
    [100, { regionCode: '650000' }, 2000],
    [100, null, 800],
  ])('%i fen to %o -> %i', (goods, region, fee) => {
    expect(shippingFee(goods, region, DEFAULT_SHIPPING_RULE)).toBe(fee);
  });

  it('matches provinces by short name or by the first two digits of any code inside them', () => {
    const remote = DEFAULT_SHIPPING_RULE.remoteProvinces;
    expect(isRemoteRegion({ province: '内蒙古自治区' }, remote)).toBe(true);
    expect(isRemoteRegion({ regionCode: '640104' }, remote)).toBe(true);
    expect(isRemoteRegion({ province: '上海市', regionCode: '310101' }, remote)).toBe(false);
    expect(isRemoteRegion({ province: '', regionCode: '' }, remote)).toBe(false);
  });
});
