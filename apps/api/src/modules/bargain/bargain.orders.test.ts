import { randomUUID } from 'node:crypto';
import {
  bargainHelpResultSchema,
  bargainSchema,
  bargainStartedSchema,
  DEFAULT_SHIPPING_RULE,
  orderQuoteSchema,
  orderSchema,
} from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectContract, expectError, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { SHENZHEN, stockOf } from '../orders/order.fixtures';
import { paymentOf, prepayIdOf, sandboxPays, startPay } from '../payments/payment-test-kit';
import { BARGAIN_SKU, bargainState, createActivity } from './bargain.fixtures';
import { bargainOrderHandler } from './bargain.orders';

const HOUR_MS = 3600_000;

describe.each(testDatabases())('bargain orders on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, { listen: true });
  });
  afterAll(async () => {
    await t?.close();
  });
  const now = (): Date => t.time.clock();

  /** An owner's bargain with `helps` helps done. */
  const bargainWith = async (helps: number, activity: Awaited<ReturnType<typeof createActivity>>) => {
    const owner = await freshShopper(t);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/bargain-activities/${activity.id}/start`,
      headers: bearer(owner),
    });
    const { bargainId } = expectContract(bargainStartedSchema, response);
    for (let i = 0; i < helps; i += 1) {
      const help = await t.app.inject({
        method: 'POST',
        url: `/api/bargains/${bargainId}/help`,
        headers: bearer(await freshShopper(t)),
      });
      expectContract(bargainHelpResultSchema, help);
    }
    return { owner, bargainId };
  };
  const quote = (token: string, bargainId: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/bargains/${bargainId}/quote`,
      headers: bearer(token),
      payload: { region: { province: '广东省' } },
    });
  const order = (token: string, bargainId: string, expectedTotalFen: number, key = randomUUID()) =>
    t.app.inject({
      method: 'POST',
      url: `/api/bargains/${bargainId}/order`,
      headers: { ...bearer(token), 'idempotency-key': key },
      payload: { address: SHENZHEN, expectedTotalFen },
    });
  const orderStatus = async (id: string) =>
    (await t.db.selectFrom('orders').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  it('the owner orders at the current price mid-bargain; helps then stop; paying buys it; a retry is the same order', async () => {
    const activity = await createActivity(t.db, now(), { helpsTarget: 5 });
    const { owner, bargainId } = await bargainWith(2, activity);
    const { row } = await bargainState(t.db, bargainId);
    expect(row.current_price_fen).toBeLessThan(BARGAIN_SKU.priceFen);
    const stockBefore = await stockOf(t, BARGAIN_SKU.skuId);

    const figures = expectContract(orderQuoteSchema, await quote(owner, bargainId));
    expect(figures.lines[0]).toMatchObject({
      skuId: BARGAIN_SKU.skuId,
      quantity: 1,
      unitPriceFen: row.current_price_fen,
    });
    const key = randomUUID();
    const first = await order(owner, bargainId, figures.totalFen, key);
    expect(first.statusCode, first.body).toBe(201);
    const placed = expectContract(orderSchema, first);
    expect(placed).toMatchObject({ status: 'pending_payment', campaignKind: 'bargain', totalFen: figures.totalFen });
    expect(placed.lines[0]).toMatchObject({ unitPriceFen: row.current_price_fen });
    expect(await stockOf(t, BARGAIN_SKU.skuId)).toBe(stockBefore - 1);
    expect((await bargainState(t.db, bargainId)).row).toMatchObject({ status: 'ordered', order_id: placed.id });

    const again = await order(owner, bargainId, figures.totalFen, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((again.json() as { id: string }).id).toBe(placed.id);
    expectError(await order(owner, bargainId, figures.totalFen), 409, 'BARGAIN_ALREADY_ORDERED');

    const state = await bargainState(t.db, bargainId);
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/bargains/${bargainId}/help`,
      headers: bearer(await freshShopper(t)),
    });
    expectError(late, 409, 'BARGAIN_ALREADY_ORDERED');
    expect(await bargainState(t.db, bargainId)).toEqual(state);

    await sandboxPays(t, prepayIdOf(await startPay(t, owner, placed.id)));
    expect((await paymentOf(t, placed.id))?.status).toBe('paid');
    expect((await bargainState(t.db, bargainId)).row).toMatchObject({ status: 'bought', order_id: placed.id });
    const page = expectContract(
      bargainSchema,
      await t.app.inject({ url: `/api/bargains/${bargainId}`, headers: bearer(owner) }),
    );
    expect(page).toMatchObject({ status: 'bought', orderId: placed.id, countdownSeconds: 0 });
  });

  it('refuses another shopper’s, an unknown and an expired bargain, and a wrong total; nothing is created', async () => {
    const activity = await createActivity(t.db, now());
    const { owner, bargainId } = await bargainWith(1, activity);
    const { totalFen } = expectContract(orderQuoteSchema, await quote(owner, bargainId));
    const other = await freshShopper(t);
    expectError(await order(other, bargainId, totalFen), 404, 'BARGAIN_NOT_FOUND');
    expectError(await quote(other, bargainId), 404, 'BARGAIN_NOT_FOUND');
    expectError(await order(owner, randomUUID(), totalFen), 404, 'BARGAIN_NOT_FOUND');
    expectError(await order(owner, bargainId, totalFen - 1), 409, 'PRICE_CHANGED');
    t.time.advance(12 * HOUR_MS);
    expectError(await order(owner, bargainId, totalFen), 409, 'BARGAIN_EXPIRED');
    t.time.advance(-12 * HOUR_MS);
    const orders = await t.db.selectFrom('orders').select('id').where('campaign_ref', '=', bargainId).execute();
    expect(orders).toEqual([]);
    expect((await bargainState(t.db, bargainId)).row).toMatchObject({ status: 'open', order_id: null });
  });

  it('cancelling the unpaid order reopens the bargain inside the window (helps go on), and expires it after', async () => {
    const activity = await createActivity(t.db, now());
    const { owner, bargainId } = await bargainWith(1, activity);
    const { totalFen } = expectContract(orderQuoteSchema, await quote(owner, bargainId));
    const placed = expectContract(orderSchema, await order(owner, bargainId, totalFen));
    const cancel = () =>
      t.app.inject({ method: 'POST', url: `/api/orders/${placed.id}/cancel`, headers: bearer(owner) });
    expect((await cancel()).statusCode).toBe(200);
    expect((await bargainState(t.db, bargainId)).row).toMatchObject({ status: 'open', order_id: null });
    const help = await t.app.inject({
      method: 'POST',
      url: `/api/bargains/${bargainId}/help`,
      headers: bearer(await freshShopper(t)),
    });
    expect(help.statusCode, help.body).toBe(201);

    // A second order, cancelled after the window: the bargain expires.
    const again = expectContract(orderQuoteSchema, await quote(owner, bargainId));
    const second = expectContract(orderSchema, await order(owner, bargainId, again.totalFen));
    t.time.advance(12 * HOUR_MS);
    const late = await t.app.inject({ method: 'POST', url: `/api/orders/${second.id}/cancel`, headers: bearer(owner) });
    expect(late.statusCode, late.body).toBe(200);
    t.time.advance(-12 * HOUR_MS);
    expect((await bargainState(t.db, bargainId)).row).toMatchObject({ status: 'expired', order_id: null });
  });

  it('a bargain down to 0 yuan with free shipping is a 0-fen order, straight to 待发货, the bargain bought', async () => {
    const saved = await t.db.selectFrom('pricing_settings').selectAll().where('key', '=', 'shipping').execute();
    const freeShipping = JSON.stringify({ ...DEFAULT_SHIPPING_RULE, freeThresholdFen: 0 });
    await t.db.deleteFrom('pricing_settings').where('key', '=', 'shipping').execute();
    await t.db
      .insertInto('pricing_settings')
      .values({ key: 'shipping', value: freeShipping, updated_at: now() })
      .execute();
    try {
      const activity = await createActivity(t.db, now(), { floorPriceFen: 0, helpsTarget: 2 });
      const { owner, bargainId } = await bargainWith(2, activity);
      expect((await bargainState(t.db, bargainId)).row).toMatchObject({
        status: 'floor_reached',
        current_price_fen: 0,
      });
      const { totalFen } = expectContract(orderQuoteSchema, await quote(owner, bargainId));
      expect(totalFen).toBe(0);
      const placed = expectContract(orderSchema, await order(owner, bargainId, 0));
      expect(placed.status).toBe('paid');
      expect(await orderStatus(placed.id)).toBe('paid');
      expect((await bargainState(t.db, bargainId)).row).toMatchObject({ status: 'bought', order_id: placed.id });
    } finally {
      await t.db.deleteFrom('pricing_settings').where('key', '=', 'shipping').execute();
      for (const row of saved) {
        await t.db
          .insertInto('pricing_settings')
          .values({ key: row.key, value: JSON.stringify(row.value), updated_at: row.updated_at })
          .execute();
      }
    }
  });

  it('the order hooks are conditional: each moves its own order’s bargain once, and nothing else', async () => {
    const activity = await createActivity(t.db, now());
    const { owner, bargainId } = await bargainWith(1, activity);
    const { totalFen } = expectContract(orderQuoteSchema, await quote(owner, bargainId));
    const placed = expectContract(orderSchema, await order(owner, bargainId, totalFen));
    const at = now();
    const stranger = randomUUID();
    // Another order's hooks change nothing.
    await bargainOrderHandler.paid(t.db, { ref: bargainId, orderId: stranger, at });
    await bargainOrderHandler.cancelled(t.db, { ref: bargainId, orderId: stranger, at });
    expect((await bargainState(t.db, bargainId)).row.status).toBe('ordered');
    // A refund before payment changes nothing; paid twice is bought once; refunded twice, once.
    await bargainOrderHandler.refunded(t.db, { ref: bargainId, orderId: placed.id, at });
    expect((await bargainState(t.db, bargainId)).row.status).toBe('ordered');
    await bargainOrderHandler.paid(t.db, { ref: bargainId, orderId: placed.id, at });
    await bargainOrderHandler.paid(t.db, { ref: bargainId, orderId: placed.id, at });
    expect((await bargainState(t.db, bargainId)).row.status).toBe('bought');
    await bargainOrderHandler.cancelled(t.db, { ref: bargainId, orderId: placed.id, at });
    expect((await bargainState(t.db, bargainId)).row.status).toBe('bought');
    await bargainOrderHandler.refunded(t.db, { ref: bargainId, orderId: placed.id, at });
    const refunded = await bargainState(t.db, bargainId);
    expect(refunded.row).toMatchObject({ status: 'refunded', order_id: placed.id });
    await bargainOrderHandler.refunded(t.db, { ref: bargainId, orderId: placed.id, at });
    expect(await bargainState(t.db, bargainId)).toEqual(refunded);
    // The expiry job never touches it.
    await t.jobs.tick(new Date(at.getTime() + 13 * HOUR_MS));
    expect((await bargainState(t.db, bargainId)).row.status).toBe('refunded');
  });
});
