import { type CheckoutPreview, checkoutPreviewSchema } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectContract, expectError, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { grantPoints } from './points.repository';
import { claim, createTemplate, userIdOf } from './promotions.fixtures';

const DAY_MS = 24 * 3600 * 1000;

describe.each(testDatabases())('checkout preview on $name', (database) => {
  let t: TestApp;
  let minus30: string;
  let tenOffCap50: string;
  let newUserTen: string;
  beforeAll(async () => {
    t = await createTestApp(database);
    minus30 = await createTemplate(t, { title: '满199减30' });
    tenOffCap50 = await createTemplate(t, {
      title: '9折券',
      kind: 'percent',
      threshold_fen: 0,
      amount_fen: 0,
      percent_off_bps: 1000,
      cap_fen: 5000,
    });
    newUserTen = await createTemplate(t, {
      title: '新人券',
      kind: 'no_threshold',
      threshold_fen: 0,
      amount_fen: 1000,
      new_user_only: true,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const preview = (token: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/checkout/preview', headers: bearer(token), payload: payload as object });
  const ok = async (token: string, payload: unknown): Promise<CheckoutPreview> => {
    const response = await preview(token, payload);
    expect(response.statusCode, response.body).toBe(200);
    return expectContract(checkoutPreviewSchema, response);
  };
  /** A shopper holding the three coupons and 5,000 points. */
  const richShopper = async () => {
    const token = await freshShopper(t);
    const userId = await userIdOf(t, token);
    const coupons = {
      minus30: await claim(t, token, minus30),
      tenOff: await claim(t, token, tenOffCap50),
      newUser: await claim(t, token, newUserTen),
    };
    await grantPoints(t.db, { userId, points: 5000, reason: 'grant', ref: `test:${userId}`, now: t.time.clock() });
    return { token, userId, coupons };
  };
  const serumAndToner = [
    { skuId: 'sku-serum-30', quantity: 1 },
    { skuId: 'sku-toner', quantity: 1 },
  ];

  it('prices lines with today’s prices, below the free-shipping threshold', async () => {
    const token = await freshShopper(t);
    const result = await ok(token, { lines: [{ skuId: 'sku-toner', quantity: 1 }] });
    expect(result.quote).toMatchObject({
      subtotalFen: 8900,
      couponDiscountFen: 0,
      shippingFeeFen: 800,
      pointsUsed: 0,
      totalFen: 9700,
      userCouponId: null,
    });
    expect(result.quote.lines).toEqual([
      {
        skuId: 'sku-toner',
        productId: 'p-toner',
        title: expect.any(String),
        specText: '200ml',
        imageUrl: expect.stringMatching(/^http:\/\/shop\.test\/static\//),
        quantity: 1,
        unitPriceFen: 8900,
        subtotalFen: 8900,
        couponShareFen: 0,
        pointsShareFen: 0,
        payFen: 8900,
      },
    ]);
    expect(result).toMatchObject({ coupons: [], suggestedUserCouponId: null, pointsBalance: 0, fenPerPoint: 1 });
  });

  it('applies a coupon and points, spreads them over the lines, and suggests the best coupon', async () => {
    const { token, coupons } = await richShopper();
    // ¥159 + ¥89 = ¥248: 满199减30 takes 30, 9折 takes 24.80, 新人券 10 (first order).
    const result = await ok(token, { lines: serumAndToner, userCouponId: coupons.minus30, points: 2000 });
    expect(result.quote).toMatchObject({
      subtotalFen: 24_800,
      couponDiscountFen: 3000,
      shippingFeeFen: 0,
      pointsUsed: 2000,
      pointsDiscountFen: 2000,
      totalFen: 19_800,
      userCouponId: coupons.minus30,
      maxUsablePoints: 5000,
    });
    const sum = (key: 'couponShareFen' | 'pointsShareFen' | 'payFen') =>
      result.quote.lines.reduce((s, l) => s + l[key], 0);
    expect([sum('couponShareFen'), sum('pointsShareFen'), sum('payFen')]).toEqual([3000, 2000, 19_800]);
    // Same expiry for all three here, so compare them by id.
    const options = new Map(result.coupons.map((c) => [c.coupon.id, [c.usable, c.discountFen, c.problem]]));
    expect(options).toEqual(
      new Map([
        [coupons.minus30, [true, 3000, null]],
        [coupons.tenOff, [true, 2480, null]],
        [coupons.newUser, [true, 1000, null]],
      ]),
    );
    expect(result.suggestedUserCouponId).toBe(coupons.minus30);
    expect(result.pointsBalance).toBe(5000);
  });

  it('uses the selected cart lines when no lines are sent, and adds the remote-region fee', async () => {
    const { token, coupons } = await richShopper();
    await t.app.inject({
      method: 'POST',
      url: '/api/cart/items',
      headers: bearer(token),
      payload: { skuId: 'sku-toner', quantity: 1 },
    });
    const result = await ok(token, { region: { province: '新疆维吾尔自治区', regionCode: '650102' } });
    expect(result.quote).toMatchObject({ subtotalFen: 8900, shippingFeeFen: 2000, totalFen: 10_900 });
    const byId = new Map(result.coupons.map((c) => [c.coupon.id, c]));
    expect(byId.get(coupons.minus30)).toMatchObject({
      usable: false,
      problem: 'COUPON_BELOW_THRESHOLD',
      discountFen: 0,
    });
    expect(result.suggestedUserCouponId).toBe(coupons.newUser);
  });

  it.each([
    ['quantity 0', { lines: [{ skuId: 'sku-toner', quantity: 0 }] }, 400, 'VALIDATION_FAILED'],
    ['an unknown SKU', { lines: [{ skuId: 'sku-none', quantity: 1 }] }, 404, 'SKU_NOT_FOUND'],
    ['more than the stock', { lines: [{ skuId: 'sku-serum-50', quantity: 6 }] }, 409, 'INSUFFICIENT_STOCK'],
    ['a sold-out SKU', { lines: [{ skuId: 'sku-cream-50', quantity: 1 }] }, 409, 'INSUFFICIENT_STOCK'],
    ['an empty cart', {}, 422, 'CART_EMPTY'],
    ['negative points', { lines: serumAndToner, points: -1 }, 400, 'VALIDATION_FAILED'],
    ['a made-up coupon id', { lines: serumAndToner, userCouponId: 'no-such-coupon' }, 404, 'COUPON_NOT_FOUND'],
  ] as const)('refuses %s', async (_name, payload, status, code) => {
    expectError(await preview(await freshShopper(t), payload), status, code);
  });

  it('refuses another shopper’s coupon as unknown, and coupons or points it cannot use', async () => {
    const { token, coupons } = await richShopper();
    const other = await richShopper();
    expectError(
      await preview(token, { lines: serumAndToner, userCouponId: other.coupons.minus30 }),
      404,
      'COUPON_NOT_FOUND',
    );
    const below = expectError(
      await preview(token, { lines: [{ skuId: 'sku-toner', quantity: 1 }], userCouponId: coupons.minus30 }),
      422,
      'COUPON_BELOW_THRESHOLD',
    );
    expect(below.details).toMatchObject({ thresholdFen: 19_900, shortByFen: 11_000 });
    expect(below.message).toBe('还差 ¥110.00 可用该优惠券');
    expectError(await preview(token, { lines: serumAndToner, points: 5001 }), 422, 'POINTS_OVER_BALANCE');
    // Half of ¥218 (after the coupon) is 10,900 points; the balance is 5,000, so the cap
    // shows on a smaller basket: half of ¥89 is 4,450.
    expectError(
      await preview(token, { lines: [{ skuId: 'sku-toner', quantity: 1 }], points: 4451 }),
      422,
      'POINTS_OVER_CAP',
    );
    const oneDay = await claim(t, token, await createTemplate(t, { valid_days: 1 }));
    const start = t.time.clock();
    t.time.advance(2 * DAY_MS);
    try {
      expectError(await preview(token, { lines: serumAndToner, userCouponId: oneDay }), 422, 'COUPON_EXPIRED');
    } finally {
      t.time.set(start);
    }
  });

  it('refuses a coupon already used', async () => {
    const { token, userId, coupons } = await richShopper();
    await t.db
      .updateTable('user_coupons')
      .set({ status: 'used', order_id: crypto.randomUUID(), used_at: t.time.clock() })
      .where('id', '=', coupons.tenOff)
      .where('user_id', '=', userId)
      .execute();
    expectError(
      await preview(token, { lines: serumAndToner, userCouponId: coupons.tenOff }),
      422,
      'COUPON_ALREADY_USED',
    );
  });
});
