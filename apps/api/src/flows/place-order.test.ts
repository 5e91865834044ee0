import { randomUUID } from 'node:crypto';
import { type Order, orderSchema } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  couponState,
  orderCountOf,
  pointsOf,
  postOrder,
  previewQuote,
  SHENZHEN,
  stockOf,
} from '../modules/orders/order.fixtures';
import { grantPoints } from '../modules/promotions/points.repository';
import { claim, createTemplate, userIdOf } from '../modules/promotions/promotions.fixtures';
import { bearer, createTestApp, expectContract, expectError, freshShopper, type TestApp } from '../test/test-app';
import { testDatabases } from '../test/test-databases';
import { placeOrder } from './place-order';

const MIN = 60_000;

describe.each(testDatabases())('placing an order on $name', (database) => {
  let t: TestApp;
  let minus30: string;
  beforeAll(async () => {
    t = await createTestApp(database);
    minus30 = await createTemplate(t, { title: '满199减30' });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A new shopper with a 满199减30 coupon and 3,000 points. */
  const richShopper = async () => {
    const token = await freshShopper(t);
    const userId = await userIdOf(t, token);
    const couponId = await claim(t, token, minus30);
    await grantPoints(t.db, { userId, points: 3000, reason: 'grant', ref: `test:${userId}`, now: t.time.clock() });
    return { token, userId, couponId };
  };
  const addToCart = async (token: string, skuId: string, quantity: number) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/cart/items',
      headers: bearer(token),
      payload: { skuId, quantity },
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  const cartSkus = async (token: string) =>
    (
      (await t.app.inject({ method: 'GET', url: '/api/cart', headers: bearer(token) })).json() as {
        items: Array<{ skuId: string; quantity: number }>;
      }
    ).items.map((i) => `${i.skuId}x${i.quantity}`);
  const serumAndToners = [
    { skuId: 'sku-serum-30', quantity: 1 },
    { skuId: 'sku-toner', quantity: 2 },
  ];

  it('places an order: stock taken, coupon used, points spent, the ordered cart lines removed, the previewed total', async () => {
    const { token, userId, couponId } = await richShopper();
    await addToCart(token, 'sku-serum-30', 1);
    await addToCart(token, 'sku-toner', 2);
    await addToCart(token, 'sku-sneaker-w38', 1);
    const quote = await previewQuote(t, token, { lines: serumAndToners, userCouponId: couponId, points: 1000 });
    // ¥159 + 2 × ¥89 = ¥337; 满199减30 → ¥307; 1,000 points = ¥10; free shipping.
    expect(quote).toMatchObject({
      subtotalFen: 33_700,
      couponDiscountFen: 3000,
      pointsDiscountFen: 1000,
      totalFen: 29_700,
    });
    const before = { serum: await stockOf(t, 'sku-serum-30'), toner: await stockOf(t, 'sku-toner') };

    const response = await postOrder(t, token, {
      lines: serumAndToners,
      source: 'cart',
      address: SHENZHEN,
      userCouponId: couponId,
      pointsToUse: 1000,
      expectedTotalFen: quote.totalFen,
    });
    expect(response.statusCode, response.body).toBe(201);
    const order = expectContract(orderSchema, response);
    expect(order).toMatchObject({
      status: 'pending_payment',
      statusLabel: '待付款',
      subtotalFen: 33_700,
      couponDiscountFen: 3000,
      pointsUsed: 1000,
      pointsDiscountFen: 1000,
      shippingFeeFen: 0,
      totalFen: quote.totalFen,
      userCouponId: couponId,
      shipment: null,
      createdAt: t.time.clock().toISOString(),
      payDeadlineAt: new Date(t.time.clock().getTime() + 30 * MIN).toISOString(),
      address: {
        recipient: '林小满',
        phone: '13800138000',
        regionCode: '440305',
        province: '广东省',
        city: '深圳市',
        district: '南山区',
        detail: '科技园 8 栋 1201',
      },
    });
    expect(order.orderNo).toMatch(/^\d{26}$/);
    // Each line keeps the preview's shares, so a line refund later knows what it paid.
    expect(order.lines).toEqual(quote.lines);

    expect(await stockOf(t, 'sku-serum-30')).toBe(before.serum - 1);
    expect(await stockOf(t, 'sku-toner')).toBe(before.toner - 2);
    expect(await couponState(t, couponId)).toEqual({ status: 'used', orderId: order.id });
    expect(await pointsOf(t, userId)).toBe(2000);
    expect(await cartSkus(token)).toEqual(['sku-sneaker-w38x1']);

    const detail = await t.app.inject({ method: 'GET', url: `/api/orders/${order.id}`, headers: bearer(token) });
    expect(expectContract(orderSchema, detail)).toEqual(order);
  });

  it('answers a retry with the same key with the same order and creates nothing more', async () => {
    const { token, userId } = await richShopper();
    const lines = [{ skuId: 'sku-toner', quantity: 1 }];
    const quote = await previewQuote(t, token, { lines });
    const body = { lines, source: 'buy_now', address: SHENZHEN, expectedTotalFen: quote.totalFen };
    const key = randomUUID();
    const stock = await stockOf(t, 'sku-toner');

    const first = await postOrder(t, token, body, key);
    expect(first.statusCode, first.body).toBe(201);
    const retry = await postOrder(t, token, body, key);
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(expectContract(orderSchema, retry)).toEqual(first.json());
    expect(await orderCountOf(t, userId)).toBe(1);
    expect(await stockOf(t, 'sku-toner')).toBe(stock - 1);

    // Another key is another submit: a second order.
    expect((await postOrder(t, token, body)).statusCode).toBe(201);
    expect(await orderCountOf(t, userId)).toBe(2);
  });

  it('refuses the same key with another body (422 IDEMPOTENCY_KEY_REUSED) and changes nothing', async () => {
    const { token, userId } = await richShopper();
    const lines = [{ skuId: 'sku-toner', quantity: 1 }];
    const quote = await previewQuote(t, token, { lines });
    const key = randomUUID();
    const body = { lines, source: 'buy_now', address: SHENZHEN, expectedTotalFen: quote.totalFen };
    expect((await postOrder(t, token, body, key)).statusCode).toBe(201);
    const stock = await stockOf(t, 'sku-toner');

    const other = await postOrder(t, token, { ...body, address: { ...SHENZHEN, detail: '科技园 9 栋' } }, key);
    expectError(other, 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await orderCountOf(t, userId)).toBe(1);
    expect(await stockOf(t, 'sku-toner')).toBe(stock);

    // Keys belong to their shopper: another shopper's same key is their own first submit.
    const stranger = await freshShopper(t);
    expect((await postOrder(t, stranger, body, key)).statusCode).toBe(201);
  });

  it('needs a well-formed Idempotency-Key (400 IDEMPOTENCY_KEY_REQUIRED)', async () => {
    const { token, userId } = await richShopper();
    const body = { lines: [{ skuId: 'sku-toner', quantity: 1 }], address: SHENZHEN, expectedTotalFen: 9700 };
    expectError(await postOrder(t, token, body, null), 400, 'IDEMPOTENCY_KEY_REQUIRED');
    expectError(await postOrder(t, token, body, 'short'), 400, 'IDEMPOTENCY_KEY_REQUIRED');
    expectError(await postOrder(t, token, body, 'has spaces in it'), 400, 'IDEMPOTENCY_KEY_REQUIRED');
    expectError(await postOrder(t, token, body, 'k'.repeat(65)), 400, 'IDEMPOTENCY_KEY_REQUIRED');
    expect(await orderCountOf(t, userId)).toBe(0);
  });

  it('answers a stale total with 409 PRICE_CHANGED and the fresh quote, writing nothing; the key stays usable', async () => {
    const { token, userId, couponId } = await richShopper();
    await addToCart(token, 'sku-serum-30', 1);
    await addToCart(token, 'sku-toner', 2);
    const quote = await previewQuote(t, token, { lines: serumAndToners, userCouponId: couponId, points: 500 });
    const stocks = [await stockOf(t, 'sku-serum-30'), await stockOf(t, 'sku-toner')];
    const key = randomUUID();
    const body = {
      lines: serumAndToners,
      source: 'cart',
      address: SHENZHEN,
      userCouponId: couponId,
      pointsToUse: 500,
      expectedTotalFen: quote.totalFen + 100,
    };

    const refused = expectError(await postOrder(t, token, body, key), 409, 'PRICE_CHANGED');
    expect(refused.details).toEqual({ expectedTotalFen: quote.totalFen + 100, totalFen: quote.totalFen, quote });
    expect(await orderCountOf(t, userId)).toBe(0);
    expect([await stockOf(t, 'sku-serum-30'), await stockOf(t, 'sku-toner')]).toEqual(stocks);
    expect(await couponState(t, couponId)).toEqual({ status: 'available', orderId: null });
    expect(await pointsOf(t, userId)).toBe(3000);
    expect(await cartSkus(token)).toHaveLength(2);

    // The shopper confirms the new amount; the same key goes through (the refusal kept no key).
    const placed = await postOrder(t, token, { ...body, expectedTotalFen: quote.totalFen }, key);
    expect(placed.statusCode, placed.body).toBe(201);
  });

  it('refuses unknown SKUs, bad quantities, another shopper’s address and unknown regions, writing nothing', async () => {
    const { token, userId } = await richShopper();
    const owner = await freshShopper(t);
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/me/addresses',
      headers: bearer(owner),
      payload: { recipient: '王五', phone: '13900139000', regionCode: '440305', detail: '科技园 1 栋' },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const foreignAddressId = (saved.json() as { id: string }).id;
    const toner = [{ skuId: 'sku-toner', quantity: 1 }];
    const base = { lines: toner, source: 'buy_now', address: SHENZHEN, expectedTotalFen: 9700 };
    const stock = await stockOf(t, 'sku-toner');

    expectError(
      await postOrder(t, token, { ...base, lines: [...toner, { skuId: 'sku-nope', quantity: 1 }] }),
      404,
      'SKU_NOT_FOUND',
    );
    for (const quantity of [0, -1, 100, 1.5]) {
      expectError(
        await postOrder(t, token, { ...base, lines: [{ skuId: 'sku-toner', quantity }] }),
        400,
        'VALIDATION_FAILED',
      );
    }
    expectError(await postOrder(t, token, { ...base, lines: [...toner, ...toner] }), 400, 'VALIDATION_FAILED');
    expectError(await postOrder(t, token, { ...base, lines: [] }), 400, 'VALIDATION_FAILED');
    const { address: _typed, ...withoutAddress } = base;
    expectError(await postOrder(t, token, withoutAddress), 400, 'VALIDATION_FAILED');
    expectError(
      await postOrder(t, token, { ...withoutAddress, addressId: foreignAddressId }),
      404,
      'ADDRESS_NOT_FOUND',
    );
    expectError(await postOrder(t, token, { ...withoutAddress, addressId: 'not-a-uuid' }), 404, 'ADDRESS_NOT_FOUND');
    expectError(
      await postOrder(t, token, { ...base, address: { ...SHENZHEN, region: ['火星省', '火星市', '奥林帕斯区'] } }),
      400,
      'REGION_UNKNOWN',
    );
    expect(await orderCountOf(t, userId)).toBe(0);
    expect(await stockOf(t, 'sku-toner')).toBe(stock);

    // The owner may use it.
    const own = await postOrder(t, owner, { ...withoutAddress, addressId: foreignAddressId });
    expect(own.statusCode, own.body).toBe(201);
    expect((own.json() as Order).address).toMatchObject({ recipient: '王五', regionCode: '440305' });
  });

  it('takes stock with a guard: more than is left is 409 OUT_OF_STOCK naming the SKU, and nothing is taken', async () => {
    const { token, userId } = await richShopper();
    const serum50 = await stockOf(t, 'sku-serum-50');
    const toner = await stockOf(t, 'sku-toner');
    const lines = [
      { skuId: 'sku-toner', quantity: 1 },
      { skuId: 'sku-serum-50', quantity: serum50 + 1 },
    ];
    const total = 8900 + 22_900 * (serum50 + 1);
    const refused = expectError(
      await postOrder(t, token, { lines, source: 'buy_now', address: SHENZHEN, expectedTotalFen: total }),
      409,
      'OUT_OF_STOCK',
    );
    expect(refused.details).toEqual({ skuId: 'sku-serum-50', available: serum50, quantity: serum50 + 1 });
    expect(refused.message).toContain(`仅剩 ${serum50} 件`);
    // sku-serum-50 sorts before sku-toner, so nothing was taken; the toner line proves the rollback either way.
    expect([await stockOf(t, 'sku-serum-50'), await stockOf(t, 'sku-toner')]).toEqual([serum50, toner]);

    const soldOut = expectError(
      await postOrder(t, token, {
        lines: [{ skuId: 'sku-cream-50', quantity: 1 }],
        address: SHENZHEN,
        expectedTotalFen: 9900,
      }),
      409,
      'OUT_OF_STOCK',
    );
    expect(soldOut.message).toContain('已售罄');
    expect(await orderCountOf(t, userId)).toBe(0);
  });

  it('draws another order number when one is taken', async () => {
    const token = await freshShopper(t);
    const userId = await userIdOf(t, token);
    const taken = (await t.db.selectFrom('orders').select('order_no').executeTakeFirstOrThrow()).order_no;
    const numbers = [taken, 'WM-TEST-0000000001'];
    const answer = await placeOrder(
      { db: t.db, assetUrl: (p) => p, orderNo: () => numbers.shift() ?? 'unexpected-third' },
      {
        userId,
        idempotencyKey: randomUUID(),
        now: t.time.clock(),
        input: {
          lines: [{ skuId: 'sku-toner', quantity: 1 }],
          source: 'buy_now',
          address: { ...SHENZHEN },
          pointsToUse: 0,
          expectedTotalFen: 9700,
        },
      },
    );
    expect(answer.body.orderNo).toBe('WM-TEST-0000000001');
    expect(numbers).toEqual([]);
  });

  it.skipIf(database.name === 'PGlite')(
    '50 buyers racing for the last 10 units: exactly 10 orders, stock 0, never below (PostgreSQL only: PGlite is one connection, a race there proves nothing)',
    async () => {
      const skuId = 'sku-sneaker-b38';
      await t.db.updateTable('skus').set({ stock: 10 }).where('id', '=', skuId).execute();
      const buyers = [];
      for (let i = 0; i < 50; i += 1) buyers.push(await freshShopper(t));
      const body = { lines: [{ skuId, quantity: 1 }], source: 'buy_now', address: SHENZHEN, expectedTotalFen: 41_900 };

      const answers = await Promise.all(buyers.map((token) => postOrder(t, token, body)));
      const codes = answers.map((a) => (a.statusCode === 201 ? 'created' : (a.json() as { code: string }).code));
      expect(codes.filter((c) => c === 'created')).toHaveLength(10);
      expect(codes.filter((c) => c === 'OUT_OF_STOCK')).toHaveLength(40);
      expect(await stockOf(t, skuId)).toBe(0);
      const sold = await t.db
        .selectFrom('order_lines')
        .select((eb) => eb.fn.sum<string>('quantity').as('n'))
        .where('sku_id', '=', skuId)
        .executeTakeFirstOrThrow();
      expect(Number(sold.n)).toBe(10);
    },
  );

  it.skipIf(database.name === 'PGlite')(
    'the same Idempotency-Key sent twice at once creates one order (PostgreSQL only)',
    async () => {
      for (let round = 0; round < 5; round += 1) {
        const token = await freshShopper(t);
        const userId = await userIdOf(t, token);
        const stock = await stockOf(t, 'sku-toner');
        const body = {
          lines: [{ skuId: 'sku-toner', quantity: 1 }],
          source: 'buy_now',
          address: SHENZHEN,
          expectedTotalFen: 9700,
        };
        const key = randomUUID();
        const [a, b] = await Promise.all([postOrder(t, token, body, key), postOrder(t, token, body, key)]);
        expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
        expect((a.json() as Order).id).toBe((b.json() as Order).id);
        expect(await orderCountOf(t, userId)).toBe(1);
        expect(await stockOf(t, 'sku-toner')).toBe(stock - 1);
      }
    },
  );
});
