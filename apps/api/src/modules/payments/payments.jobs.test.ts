import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestRefund } from '../../flows/refund-payment';
import { createJobRunner } from '../../jobs/job-runner';
import { createTestApp, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { registerOrderJobs } from '../orders/order.jobs';
import {
  deliver,
  eventsOf,
  flowDeps,
  loseNotificationsOf,
  MIN,
  notificationOf,
  orderRow,
  paymentOf,
  placePendingOrder,
  prepayIdOf,
  refundsOf,
  sandboxPays,
  startPay,
  stockOf,
} from './payment-test-kit';

describe.each(testDatabases())('WeChat Pay jobs and late payments on $name', (database) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp(database, { listen: true });
    token = await freshShopper(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const tick = async () => {
    const changed = await t.jobs.tick(t.time.clock());
    await t.sandbox.pay.notifier.settle();
    return changed;
  };

  /** A pending order with a prepay, paid at WeChat at minute 29 of its 30, its notification lost. */
  async function paidAtTheLastMinute(quantity = 1) {
    const order = await placePendingOrder(t, token, quantity);
    const answer = await startPay(t, token, order.id);
    loseNotificationsOf(t, order.orderNo);
    t.time.advance(29 * MIN);
    await sandboxPays(t, prepayIdOf(answer));
    return order;
  }

  it('refunds once a payment whose notification arrives after the deadline job cancelled the order', async () => {
    const stockBefore = await stockOf(t);
    const order = await paidAtTheLastMinute(2);
    // Only the orders' deadline job runs (the close job would learn of the payment first).
    const ordersOnly = createJobRunner({ clock: t.time.clock, logger: { error: () => {} } });
    registerOrderJobs(ordersOnly, t.db);
    t.time.advance(2 * MIN);
    await ordersOnly.tick(t.time.clock());
    expect((await orderRow(t, order.id)).status).toBe('cancelled');
    expect(await stockOf(t)).toBe(stockBefore);

    const record = notificationOf(t, order.orderNo, 'TRANSACTION.SUCCESS');
    expect((await deliver(t, record)).statusCode).toBe(204);
    await t.sandbox.pay.notifier.settle();
    const payment = await paymentOf(t, order.id);
    expect(payment.status).toBe('paid');
    const refunds = await refundsOf(t, payment.id);
    expect(refunds.map((r) => [r.out_refund_no, r.amount_fen, r.status])).toEqual([
      [`${order.orderNo}-AR`, order.totalFen, 'succeeded'],
    ]);
    expect(t.sandbox.pay.store.transactions.get(order.orderNo)?.refundedFen).toBe(order.totalFen);
    expect((await orderRow(t, order.id)).status).toBe('refunded');
    // The cancel gave the stock back already; the refund does not give it twice.
    expect(await stockOf(t)).toBe(stockBefore);

    // WeChat's retry of the same notification, and the jobs running: still one refund.
    expect((await deliver(t, record)).statusCode).toBe(204);
    await tick();
    expect(await refundsOf(t, payment.id)).toHaveLength(1);
    expect((await eventsOf(t, payment.id)).map((e) => e.outcome)).toEqual(['requested', 'auto_refund', 'succeeded']);
  });

  it('close-cancelled finds a cancelled order paid at WeChat (ORDERPAID), applies it and refunds it once', async () => {
    const stockBefore = await stockOf(t);
    const order = await paidAtTheLastMinute();
    t.time.advance(2 * MIN);
    const changed = await tick();
    expect(changed).toMatchObject({ 'orders.cancel-unpaid': 1, 'payments.close-cancelled': 0 });
    const payment = await paymentOf(t, order.id);
    expect(payment.status).toBe('paid');
    expect((await refundsOf(t, payment.id)).map((r) => r.status)).toEqual(['succeeded']);
    expect((await orderRow(t, order.id)).status).toBe('refunded');
    expect(await stockOf(t)).toBe(stockBefore);

    // The lost notification arrives at last: already paid, no second refund.
    expect((await deliver(t, notificationOf(t, order.orderNo, 'TRANSACTION.SUCCESS'))).statusCode).toBe(204);
    expect(await refundsOf(t, payment.id)).toHaveLength(1);
    expect((await eventsOf(t, payment.id)).at(-1)?.outcome).toBe('already_paid');
  });

  it('close-cancelled closes the WeChat transaction of an order cancelled unpaid, so it can no longer be paid', async () => {
    const order = await placePendingOrder(t, token);
    const answer = await startPay(t, token, order.id);
    t.time.advance(31 * MIN);
    expect(await tick()).toMatchObject({ 'orders.cancel-unpaid': 1, 'payments.close-cancelled': 1 });
    expect((await paymentOf(t, order.id)).status).toBe('closed');
    expect(t.sandbox.pay.store.transactions.get(order.orderNo)?.state).toBe('CLOSED');
    const late = await t.sandbox.app.inject({ method: 'POST', url: `/sandbox/pay/${prepayIdOf(answer)}/pay` });
    expect(late.json()).toMatchObject({ code: 'ORDER_CLOSED' });
    expect(await tick()).toMatchObject({ 'payments.close-cancelled': 0 });
  });

  it('reconcile-pending asks WeChat about a pending payment older than 5 minutes and applies it like its notification', async () => {
    const order = await placePendingOrder(t, token);
    const answer = await startPay(t, token, order.id);
    loseNotificationsOf(t, order.orderNo);
    await sandboxPays(t, prepayIdOf(answer));
    t.time.advance(4 * MIN);
    expect(await tick()).toMatchObject({ 'payments.reconcile-pending': 0 });
    expect((await orderRow(t, order.id)).status).toBe('pending_payment');
    t.time.advance(2 * MIN);
    expect(await tick()).toMatchObject({ 'payments.reconcile-pending': 1 });
    expect((await orderRow(t, order.id)).status).toBe('paid');
    const payment = await paymentOf(t, order.id);
    expect((await eventsOf(t, payment.id)).map((e) => [e.event_id.split(':')[0], e.outcome])).toEqual([
      ['query', 'applied'],
    ]);
    t.time.advance(10 * MIN);
    expect(await tick()).toMatchObject({ 'payments.reconcile-pending': 0 });
  });

  it('resubmit-refunds sends a refund that never reached WeChat (crash after commit), once', async () => {
    const stockBefore = await stockOf(t);
    const order = await placePendingOrder(t, token, 2);
    await sandboxPays(t, prepayIdOf(await startPay(t, token, order.id)));
    const payment = await paymentOf(t, order.id);
    const deps = flowDeps(t);
    // The refund route's transaction committed, then the process died before calling WeChat.
    await t.db.transaction().execute(async (trx) => {
      const now = t.time.clock();
      expect(await deps.orders.markOrderAfterSale(trx, { orderId: order.id, at: now })).toBe('after_sale');
      await requestRefund(
        trx,
        { paymentId: payment.id, amountFen: payment.amount_fen, reason: '不想要了', outRefundNo: `${order.orderNo}-R` },
        now,
      );
    });
    t.time.advance(30_000);
    expect(await tick()).toMatchObject({ 'payments.resubmit-refunds': 0 });
    expect((await refundsOf(t, payment.id)).map((r) => r.status)).toEqual(['submitting']);
    t.time.advance(MIN);
    expect(await tick()).toMatchObject({ 'payments.resubmit-refunds': 1 });
    expect((await refundsOf(t, payment.id)).map((r) => r.status)).toEqual(['succeeded']);
    expect((await orderRow(t, order.id)).status).toBe('refunded');
    expect(await stockOf(t)).toBe(stockBefore);
    expect(await tick()).toMatchObject({ 'payments.resubmit-refunds': 0 });
    expect([...t.sandbox.pay.store.refunds.values()].filter((r) => r.outTradeNo === order.orderNo)).toHaveLength(1);
  });

  it.skipIf(database.name === 'PGlite')(
    'applies one notification delivered 5 times at once exactly once (PostgreSQL only: PGlite is one connection, a race there proves nothing)',
    async () => {
      const order = await placePendingOrder(t, token);
      const answer = await startPay(t, token, order.id);
      loseNotificationsOf(t, order.orderNo);
      await sandboxPays(t, prepayIdOf(answer));
      const record = notificationOf(t, order.orderNo, 'TRANSACTION.SUCCESS');
      const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(t, record)));
      expect(answers.map((a) => a.statusCode)).toEqual([204, 204, 204, 204, 204]);
      expect((await orderRow(t, order.id)).status).toBe('paid');
      const payment = await paymentOf(t, order.id);
      expect((await eventsOf(t, payment.id)).map((e) => [e.event_id, e.outcome])).toEqual([[record.id, 'applied']]);
    },
  );

  it.skipIf(database.name === 'PGlite')(
    'refunds once a late payment of a cancelled order delivered 5 times at once (PostgreSQL only)',
    async () => {
      const stockBefore = await stockOf(t);
      const order = await paidAtTheLastMinute();
      const ordersOnly = createJobRunner({ clock: t.time.clock, logger: { error: () => {} } });
      registerOrderJobs(ordersOnly, t.db);
      t.time.advance(2 * MIN);
      await ordersOnly.tick(t.time.clock());
      const record = notificationOf(t, order.orderNo, 'TRANSACTION.SUCCESS');
      const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(t, record)));
      expect(answers.map((a) => a.statusCode)).toEqual([204, 204, 204, 204, 204]);
      await t.sandbox.pay.notifier.settle();
      const payment = await paymentOf(t, order.id);
      expect(await refundsOf(t, payment.id)).toHaveLength(1);
      expect((await orderRow(t, order.id)).status).toBe('refunded');
      expect(await stockOf(t)).toBe(stockBefore);
    },
  );
});
