import { type Order, type OrderCounts, orderCountsSchema, orderPageSchema, orderSchema } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectContract, expectError, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { grantPoints } from '../promotions/points.repository';
import { claim, createTemplate, userIdOf } from '../promotions/promotions.fixtures';
import { couponState, placeBuyNow, pointsOf, stockOf } from './order.fixtures';
import { markOrderPaid } from './order.repository';

const OPS_TOKEN = 'ops-test-token-0123456789abcdef0123456789';
const DAY_MS = 24 * 3600 * 1000;
const toner = [{ skuId: 'sku-toner', quantity: 1 }];

describe.each(testDatabases())('order routes on $name', (database) => {
  let t: TestApp;
  let minus30: string;
  beforeAll(async () => {
    t = await createTestApp(database, { config: { opsApiToken: OPS_TOKEN } });
    minus30 = await createTemplate(t, { title: '满199减30' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });
  const post = (token: string, url: string) => t.app.inject({ method: 'POST', url, headers: bearer(token) });
  const ship = (
    orderId: string,
    token: string | null = OPS_TOKEN,
    payload: object = { company: '顺丰速运', trackingNo: 'SF1234567890' },
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/ops/orders/${orderId}/ship`,
      headers: token === null ? {} : { authorization: `Bearer ${token}` },
      payload,
    });
  const pay = (orderId: string) => markOrderPaid(t.db, { orderId, paidAt: t.time.clock() });

  it('lists the shopper’s orders newest first, page by page, one state or all, and counts them per state', async () => {
    const token = await freshShopper(t);
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      ids.push(await placeBuyNow(t, token, toner));
      t.time.advance(1000);
    }
    // Another shopper's order never shows.
    await placeBuyNow(t, await freshShopper(t), toner);

    const first = expectContract(orderPageSchema, await get(token, '/api/orders?pageSize=2'));
    expect(first.items.map((o) => o.id)).toEqual([ids[2], ids[1]]);
    expect(first.nextCursor).not.toBeNull();
    const second = expectContract(
      orderPageSchema,
      await get(token, `/api/orders?pageSize=2&cursor=${first.nextCursor}`),
    );
    expect(second.items.map((o) => o.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
    expect(second.items[0]?.lines).toHaveLength(1);

    expect((await post(token, `/api/orders/${ids[1]}/cancel`)).statusCode).toBe(200);
    const cancelled = expectContract(orderPageSchema, await get(token, '/api/orders?status=cancelled'));
    expect(cancelled.items.map((o) => o.id)).toEqual([ids[1]]);
    const pending = expectContract(orderPageSchema, await get(token, '/api/orders?status=pending_payment'));
    expect(pending.items.map((o) => o.id)).toEqual([ids[2], ids[0]]);

    const counts: OrderCounts = expectContract(orderCountsSchema, await get(token, '/api/orders/counts'));
    expect(counts).toEqual({
      pending_payment: 2,
      paid: 0,
      shipped: 0,
      completed: 0,
      cancelled: 1,
      after_sale: 0,
      refunded: 0,
    });

    expectError(await get(token, '/api/orders?cursor=bm90LWEtY3Vyc29y'), 400, 'VALIDATION_FAILED');
    expectError(await get(token, '/api/orders?status=lost'), 400, 'VALIDATION_FAILED');
  });

  it('shows an order only to its shopper: another shopper’s or a made-up id is 404', async () => {
    const owner = await freshShopper(t);
    const id = await placeBuyNow(t, owner, toner);
    const detail = expectContract(orderSchema, await get(owner, `/api/orders/${id}`));
    expect(detail.id).toBe(id);
    const stranger = await freshShopper(t);
    expectError(await get(stranger, `/api/orders/${id}`), 404, 'ORDER_NOT_FOUND');
    expectError(await get(owner, '/api/orders/not-an-order'), 404, 'ORDER_NOT_FOUND');
    expectError(await get(owner, '/api/orders/00000000-0000-4000-8000-000000000000'), 404, 'ORDER_NOT_FOUND');
    for (const action of ['cancel', 'confirm']) {
      expectError(await post(stranger, `/api/orders/${id}/${action}`), 404, 'ORDER_NOT_FOUND');
    }
    expect(expectContract(orderSchema, await get(owner, `/api/orders/${id}`)).status).toBe('pending_payment');
  });

  it('cancels an unpaid order once: stock, coupon and points come back exactly once', async () => {
    const token = await freshShopper(t);
    const userId = await userIdOf(t, token);
    const couponId = await claim(t, token, minus30);
    await grantPoints(t.db, { userId, points: 1000, reason: 'grant', ref: `test:${userId}`, now: t.time.clock() });
    const lines = [{ skuId: 'sku-sneaker-w39', quantity: 2 }];
    const stock = await stockOf(t, 'sku-sneaker-w39');
    const id = await placeBuyNow(t, token, lines, { userCouponId: couponId, pointsToUse: 500 });
    expect(await stockOf(t, 'sku-sneaker-w39')).toBe(stock - 2);
    expect(await pointsOf(t, userId)).toBe(500);

    const cancelled = expectContract(orderSchema, await post(token, `/api/orders/${id}/cancel`));
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      statusLabel: '已取消',
      cancelReason: 'shopper',
      cancelledAt: t.time.clock().toISOString(),
    });
    expect(await stockOf(t, 'sku-sneaker-w39')).toBe(stock);
    expect(await couponState(t, couponId)).toEqual({ status: 'available', orderId: null });
    expect(await pointsOf(t, userId)).toBe(1000);

    expectError(await post(token, `/api/orders/${id}/cancel`), 409, 'ORDER_STATUS_CONFLICT');
    // Past the pay deadline the job gives nothing back a second time.
    await t.jobs.tick(new Date(t.time.clock().getTime() + DAY_MS));
    expect(await stockOf(t, 'sku-sneaker-w39')).toBe(stock);
    expect(await pointsOf(t, userId)).toBe(1000);
    expect(await couponState(t, couponId)).toEqual({ status: 'available', orderId: null });
  });

  it('refuses to cancel a paid order (409) and keeps its stock', async () => {
    const token = await freshShopper(t);
    const id = await placeBuyNow(t, token, toner);
    expect(await pay(id)).toBe('paid');
    const stock = await stockOf(t, 'sku-toner');
    expectError(await post(token, `/api/orders/${id}/cancel`), 409, 'ORDER_STATUS_CONFLICT');
    expect(await stockOf(t, 'sku-toner')).toBe(stock);
  });

  it('ships a paid order once (operators), then the shopper confirms it once', async () => {
    const token = await freshShopper(t);
    const id = await placeBuyNow(t, token, toner);

    expectError(await ship(id), 409, 'ORDER_STATUS_CONFLICT');
    expectError(await post(token, `/api/orders/${id}/confirm`), 409, 'ORDER_STATUS_CONFLICT');
    expect(await pay(id)).toBe('paid');
    expectError(await post(token, `/api/orders/${id}/confirm`), 409, 'ORDER_STATUS_CONFLICT');

    const shipped = expectContract(orderSchema, await ship(id));
    expect(shipped).toMatchObject({
      status: 'shipped',
      statusLabel: '待收货',
      shipment: { company: '顺丰速运', trackingNo: 'SF1234567890' },
      shippedAt: t.time.clock().toISOString(),
      autoConfirmAt: new Date(t.time.clock().getTime() + 7 * DAY_MS).toISOString(),
    });
    expectError(
      await ship(id, OPS_TOKEN, { company: '圆通', trackingNo: 'YT0000000001' }),
      409,
      'ORDER_STATUS_CONFLICT',
    );
    expect((expectContract(orderSchema, await get(token, `/api/orders/${id}`)) as Order).shipment?.company).toBe(
      '顺丰速运',
    );

    const completed = expectContract(orderSchema, await post(token, `/api/orders/${id}/confirm`));
    expect(completed).toMatchObject({ status: 'completed', completedAt: t.time.clock().toISOString() });
    expectError(await post(token, `/api/orders/${id}/confirm`), 409, 'ORDER_STATUS_CONFLICT');
    expectError(await post(token, `/api/orders/${id}/cancel`), 409, 'ORDER_STATUS_CONFLICT');
  });

  it('guards shipping with OPS_API_TOKEN: a missing or wrong token is 401, bad input 400, an unknown order 404', async () => {
    const token = await freshShopper(t);
    const id = await placeBuyNow(t, token, toner);
    expect(await pay(id)).toBe('paid');
    expectError(await ship(id, null), 401, 'UNAUTHENTICATED');
    expectError(await ship(id, `${OPS_TOKEN}x`), 401, 'UNAUTHENTICATED');
    // A shopper's session is not an operator's token.
    expectError(await ship(id, token), 401, 'UNAUTHENTICATED');
    expectError(
      await ship(id, OPS_TOKEN, { company: '顺丰', trackingNo: 'no spaces allowed' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await ship(id, OPS_TOKEN, { trackingNo: 'SF1234567890' }), 400, 'VALIDATION_FAILED');
    expectError(await ship('00000000-0000-4000-8000-000000000000'), 404, 'ORDER_NOT_FOUND');
    expectError(await ship('not-an-order'), 404, 'ORDER_NOT_FOUND');
    expect(expectContract(orderSchema, await get(token, `/api/orders/${id}`)).status).toBe('paid');
  });

  it('completes a shipped order on its own 7 days after shipping', async () => {
    const token = await freshShopper(t);
    const id = await placeBuyNow(t, token, toner);
    expect(await pay(id)).toBe('paid');
    expect((await ship(id)).statusCode).toBe(200);
    await t.jobs.tick(new Date(t.time.clock().getTime() + 7 * DAY_MS));
    expect(expectContract(orderSchema, await get(token, `/api/orders/${id}`)).status).toBe('completed');
  });
});
