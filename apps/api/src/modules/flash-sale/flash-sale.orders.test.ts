import { randomUUID } from 'node:crypto';
import { DEFAULT_SHIPPING_RULE, flashSaleClaimSchema, orderQuoteSchema, orderSchema } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectContract, expectError, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { SHENZHEN, stockOf } from '../orders/order.fixtures';
import { paymentOf, prepayIdOf, sandboxPays, startPay } from '../payments/payment-test-kit';
import { claimState, createSlot } from './flash-sale.fixtures';

const MINUTE_MS = 60_000;
/** A fixture SKU with stock (the first one by id is sold out). */
const ON_SALE = { product_id: 'p-toner', sku_id: 'sku-toner' };

describe.each(testDatabases())('flash-sale orders on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, { listen: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  const claim = async (token: string, slotId: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/flash-sales/${slotId}/claim`,
      headers: bearer(token),
      payload: { quantity: 1 },
    });
    expect(response.statusCode, response.body).toBe(201);
    return expectContract(flashSaleClaimSchema, response);
  };
  const quote = (token: string, claimId: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/flash-sales/claims/${claimId}/quote`,
      headers: bearer(token),
      payload: { region: { province: '广东省' } },
    });
  const order = (token: string, claimId: string, expectedTotalFen: number, key = randomUUID()) =>
    t.app.inject({
      method: 'POST',
      url: `/api/flash-sales/claims/${claimId}/order`,
      headers: { ...bearer(token), 'idempotency-key': key },
      payload: { address: SHENZHEN, expectedTotalFen },
    });
  const claimRow = (claimId: string) =>
    t.db.selectFrom('flash_sale_claims').selectAll().where('id', '=', claimId).executeTakeFirstOrThrow();
  const orderCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('orders')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('turns a held claim into an order at the slot’s price, paid before the hold ends; a retry is the same order', async () => {
    const now = t.time.clock();
    const slot = await createSlot(t.db, now, { ...ON_SALE, price_fen: 6900 });
    const token = await freshShopper(t);
    const held = await claim(token, slot.id);
    const { sku_id: skuId } = await t.db
      .selectFrom('flash_sale_slots')
      .select('sku_id')
      .where('id', '=', slot.id)
      .executeTakeFirstOrThrow();
    const stockBefore = await stockOf(t, skuId);

    const figures = expectContract(orderQuoteSchema, await quote(token, held.claimId));
    expect(figures.lines[0]).toMatchObject({ skuId, quantity: 1, unitPriceFen: 6900 });
    expect(figures).toMatchObject({
      subtotalFen: 6900,
      shippingFeeFen: 800,
      couponDiscountFen: 0,
      pointsDiscountFen: 0,
    });

    const key = randomUUID();
    const first = await order(token, held.claimId, figures.totalFen, key);
    expect(first.statusCode, first.body).toBe(201);
    const placed = expectContract(orderSchema, first);
    expect(placed).toMatchObject({ status: 'pending_payment', campaignKind: 'flash_sale', totalFen: figures.totalFen });
    expect(placed.lines[0]).toMatchObject({ skuId, unitPriceFen: 6900 });
    expect(placed.payDeadlineAt).toBe(held.holdUntil);
    expect(await stockOf(t, skuId)).toBe(stockBefore - 1);
    expect((await claimRow(held.claimId)).order_id).toBe(placed.id);

    const again = await order(token, held.claimId, figures.totalFen, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((again.json() as { id: string }).id).toBe(placed.id);
  });

  it('refuses a claim that is already ordered, another shopper’s, released or unknown, and a wrong total; nothing is created', async () => {
    const now = t.time.clock();
    const slot = await createSlot(t.db, now, { ...ON_SALE, price_fen: 6900 });
    const owner = await freshShopper(t);
    const other = await freshShopper(t);
    const held = await claim(owner, slot.id);
    const { totalFen } = expectContract(orderQuoteSchema, await quote(owner, held.claimId));
    const before = await orderCount();

    const wrongTotal = expectError(await order(owner, held.claimId, totalFen - 1), 409, 'PRICE_CHANGED');
    expect(wrongTotal.details).toMatchObject({ totalFen, expectedTotalFen: totalFen - 1 });
    expectError(await order(other, held.claimId, totalFen), 409, 'FLASH_SALE_CLAIM_INVALID');
    expectError(await quote(other, held.claimId), 409, 'FLASH_SALE_CLAIM_INVALID');
    expectError(await order(owner, randomUUID(), totalFen), 409, 'FLASH_SALE_CLAIM_INVALID');
    expect(await orderCount()).toBe(before);
    expect((await claimRow(held.claimId)).order_id).toBeNull();

    expect((await order(owner, held.claimId, totalFen)).statusCode).toBe(201);
    expectError(await order(owner, held.claimId, totalFen), 409, 'FLASH_SALE_CLAIM_INVALID');
    expect(await orderCount()).toBe(before + 1);

    // Past its hold (the release job has not run yet): no order either.
    const late = await claim(other, slot.id);
    t.time.advance(16 * MINUTE_MS);
    expectError(await order(other, late.claimId, totalFen), 409, 'FLASH_SALE_CLAIM_INVALID');
    t.time.set(now);
    expect(await orderCount()).toBe(before + 1);
  });

  it('paying the order marks the claim paid; the hold-expiry job never releases it', async () => {
    const now = t.time.clock();
    const slot = await createSlot(t.db, now, { ...ON_SALE, price_fen: 6900 });
    const token = await freshShopper(t);
    const held = await claim(token, slot.id);
    const { totalFen } = expectContract(orderQuoteSchema, await quote(token, held.claimId));
    const placed = expectContract(orderSchema, await order(token, held.claimId, totalFen));
    await sandboxPays(t, prepayIdOf(await startPay(t, token, placed.id)));
    expect((await paymentOf(t, placed.id))?.status).toBe('paid');
    expect(await claimRow(held.claimId)).toMatchObject({ status: 'paid', order_id: placed.id });

    await t.jobs.tick(new Date(now.getTime() + 60 * MINUTE_MS));
    expect((await claimRow(held.claimId)).status).toBe('paid');
    expect(await claimState(t.db, slot.id)).toMatchObject({ paid: 1 });
  });

  it('cancelling the order gives the unit back through the gate on the next tick, once, and the shopper may claim again', async () => {
    const now = t.time.clock();
    const slot = await createSlot(t.db, now, { ...ON_SALE, price_fen: 6900, stock: 1 });
    const token = await freshShopper(t);
    const held = await claim(token, slot.id);
    const { totalFen } = expectContract(orderQuoteSchema, await quote(token, held.claimId));
    const placed = expectContract(orderSchema, await order(token, held.claimId, totalFen));

    // While the order is pending, the hold-expiry job leaves the claim alone.
    await t.jobs.tick(now);
    expect((await claimRow(held.claimId)).status).toBe('held');

    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${placed.id}/cancel`,
      headers: bearer(token),
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(await claimRow(held.claimId)).toMatchObject({ status: 'held', order_id: null });
    // Detached and due at once: no new order from it.
    expectError(await order(token, held.claimId, totalFen), 409, 'FLASH_SALE_CLAIM_INVALID');

    await t.jobs.tick(t.time.clock());
    await t.jobs.tick(t.time.clock());
    expect((await claimRow(held.claimId)).status).toBe('released');
    expect(await claimState(t.db, slot.id)).toMatchObject({ held: 0, paid: 0 });
    const again = await claim(token, slot.id);
    expect(again.claimId).not.toBe(held.claimId);
  });

  it('an unpaid order is cancelled at the hold’s end and its unit returns', async () => {
    const now = t.time.clock();
    const slot = await createSlot(t.db, now, { ...ON_SALE, price_fen: 6900, stock: 1 });
    const token = await freshShopper(t);
    const held = await claim(token, slot.id);
    const { totalFen } = expectContract(orderQuoteSchema, await quote(token, held.claimId));
    const placed = expectContract(orderSchema, await order(token, held.claimId, totalFen));

    const holdEnd = new Date(held.holdUntil);
    t.time.set(holdEnd);
    await t.jobs.tick(holdEnd);
    await t.jobs.tick(holdEnd);
    t.time.set(now);
    const row = await t.db.selectFrom('orders').select('status').where('id', '=', placed.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('cancelled');
    expect((await claimRow(held.claimId)).status).toBe('released');
  });

  it('a 0-fen flash order (free shipping) is paid at once, with its claim', async () => {
    const now = t.time.clock();
    const saved = await t.db.selectFrom('pricing_settings').selectAll().where('key', '=', 'shipping').execute();
    const freeShipping = JSON.stringify({ ...DEFAULT_SHIPPING_RULE, freeThresholdFen: 0 });
    await t.db.deleteFrom('pricing_settings').where('key', '=', 'shipping').execute();
    await t.db
      .insertInto('pricing_settings')
      .values({ key: 'shipping', value: freeShipping, updated_at: now })
      .execute();
    try {
      const slot = await createSlot(t.db, now, { ...ON_SALE, price_fen: 0 });
      const token = await freshShopper(t);
      const held = await claim(token, slot.id);
      const { totalFen } = expectContract(orderQuoteSchema, await quote(token, held.claimId));
      expect(totalFen).toBe(0);
      const placed = expectContract(orderSchema, await order(token, held.claimId, 0));
      expect(placed.status).toBe('paid');
      expect(placed.paidAt).toBe(now.toISOString());
      expect((await claimRow(held.claimId)).status).toBe('paid');
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
});
