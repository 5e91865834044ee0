import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { findOrderById, findOrderByNo, markOrderPaid, markOrderRefunded } from './order.repository';

let counter = 0;

describe.each(testDatabases())('order repository for the payment flows on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** An order row as place-order would write it (the flow itself is not committed yet). */
  async function pendingOrder(): Promise<string> {
    await freshShopper(t);
    const user = await t.db.selectFrom('users').select('id').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    const now = t.time.clock();
    counter += 1;
    const row = await t.db
      .insertInto('orders')
      .values({
        order_no: `T${process.pid}${counter}${Date.now()}`.slice(0, 32),
        user_id: user.id,
        status: 'pending_payment',
        source: 'buy_now',
        subtotal_fen: 1000,
        shipping_fee_fen: 0,
        coupon_discount_fen: 0,
        points_used: 0,
        points_discount_fen: 0,
        total_fen: 1000,
        user_coupon_id: null,
        address: JSON.stringify({}),
        shipping_company: null,
        tracking_no: null,
        pay_deadline_at: new Date(now.getTime() + 30 * 60_000),
        paid_at: null,
        shipped_at: null,
        auto_confirm_at: null,
        completed_at: null,
        cancelled_at: null,
        cancel_reason: null,
        refunded_at: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it('marks a pending order paid once; a replay changes nothing', async () => {
    const orderId = await pendingOrder();
    const paidAt = t.time.clock();
    expect(await markOrderPaid(t.db, { orderId, paidAt })).toBe('paid');
    expect(await markOrderPaid(t.db, { orderId, paidAt: new Date(paidAt.getTime() + 1000) })).toBe('not_pending');
    const order = await findOrderById(t.db, orderId);
    expect(order).toMatchObject({ status: 'paid', paid_at: paidAt });
    expect((await findOrderByNo(t.db, order?.order_no ?? ''))?.id).toBe(orderId);
  });

  it('refuses to pay a cancelled order and refunds only from paid, after-sale or cancelled', async () => {
    const cancelled = await pendingOrder();
    const at = t.time.clock();
    await t.db
      .updateTable('orders')
      .set({ status: 'cancelled', cancelled_at: at, cancel_reason: 'pay_timeout' })
      .where('id', '=', cancelled)
      .execute();
    expect(await markOrderPaid(t.db, { orderId: cancelled, paidAt: at })).toBe('not_pending');
    expect(await markOrderRefunded(t.db, { orderId: cancelled, at })).toBe('refunded');
    expect(await markOrderRefunded(t.db, { orderId: cancelled, at })).toBe('not_refundable');

    const pending = await pendingOrder();
    expect(await markOrderRefunded(t.db, { orderId: pending, at })).toBe('not_refundable');
    expect((await findOrderById(t.db, pending))?.status).toBe('pending_payment');
  });
});
