import { generateKeyPairSync, randomUUID, sign as rsaSign, verify as rsaVerify } from 'node:crypto';
import { orderPaymentSchema } from '@wematrix/shared';
import type { NotificationRecord } from '@wematrix/wechat-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPayNotification } from '../../flows/pay-notify';
import { bearer, createTestApp, expectContract, expectError, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { pointsOf } from '../orders/order.fixtures';
import { grantPoints } from '../promotions/points.repository';
import {
  deliver,
  eventsOf,
  flowDeps,
  loseNotificationsOf,
  notificationOf,
  orderRow,
  paymentOf,
  payRequest,
  placePendingOrder,
  prepayIdOf,
  refundsOf,
  sandboxPays,
  startPay,
  stockOf,
  userIdOf,
} from './payment-test-kit';

describe.each(testDatabases())('WeChat Pay routes on $name', (database) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    // listen: the sandbox's notifications reach the API over real HTTP, signed as WeChat signs them.
    t = await createTestApp(database, { listen: true });
    token = await freshShopper(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A TRANSACTION.SUCCESS for a transaction the shopper has not paid, signed by the platform key. */
  function successRecord(outTradeNo: string, amountFen: number): NotificationRecord {
    const transaction = t.sandbox.pay.store.transactions.get(outTradeNo);
    if (!transaction) throw new Error(`no transaction ${outTradeNo}`);
    return {
      id: randomUUID(),
      eventType: 'TRANSACTION.SUCCESS',
      url: '',
      originalType: 'transaction',
      summary: '支付成功',
      resource: {
        ...t.sandbox.pay.transactionResource(transaction),
        transaction_id: `4200${Date.now()}`,
        trade_state: 'SUCCESS',
        success_time: t.time.clock().toISOString(),
        amount: { total: amountFen, payer_total: amountFen, currency: 'CNY' },
      },
      deliveries: [],
    };
  }

  it('pays an order end to end: prepay, signed requestPayment, the sandbox pays, its notification marks it paid', async () => {
    const order = await placePendingOrder(t, token, 2);
    const answer = await startPay(t, token, order.id);
    expect(answer).toMatchObject({ orderId: order.id, outTradeNo: order.orderNo, amountFen: order.totalFen });
    const prepayId = prepayIdOf(answer);
    expect(answer.sandboxPayUrl).toBe(`${t.config.wechatPay?.sandboxPayPage}/sandbox/pay/${prepayId}`);
    // paySign is RSA-SHA256 by the merchant key over appId, timeStamp, nonceStr, package.
    const p = answer.requestPayment;
    const message = `${p.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`;
    expect(
      rsaVerify(
        'sha256',
        Buffer.from(message),
        t.sandbox.pay.merchant.merchantPublicKey,
        Buffer.from(p.paySign, 'base64'),
      ),
    ).toBe(true);

    // Asking again while the prepay is valid reuses it.
    expect(prepayIdOf(await startPay(t, token, order.id))).toBe(prepayId);
    expect(t.sandbox.pay.store.transactions.get(order.orderNo)?.prepayIds).toEqual([prepayId]);

    await sandboxPays(t, prepayId);
    expect((await orderRow(t, order.id)).status).toBe('paid');
    const payment = await paymentOf(t, order.id);
    expect(payment).toMatchObject({ status: 'paid', amount_fen: order.totalFen });
    expect(payment.transaction_id).toMatch(/^4200/);
    expect((await eventsOf(t, payment.id)).map((e) => e.outcome)).toEqual(['applied']);

    const polled = await t.app.inject({
      method: 'GET',
      url: `/api/orders/${order.id}/payment`,
      headers: bearer(token),
    });
    expect(expectContract(orderPaymentSchema, polled)).toMatchObject({
      orderStatus: 'paid',
      payment: { status: 'paid', amountFen: order.totalFen, refundedFen: 0, refunds: [] },
    });
    expectError(await payRequest(t, token, order.id), 409, 'ORDER_NOT_PAYABLE');
  });

  it('applies a replayed notification id once: the replay answers 204 and changes nothing', async () => {
    const order = await placePendingOrder(t, token);
    await sandboxPays(t, prepayIdOf(await startPay(t, token, order.id)));
    const paid = await orderRow(t, order.id);
    const payment = await paymentOf(t, order.id);
    const events = await eventsOf(t, payment.id);
    const record = notificationOf(t, order.orderNo, 'TRANSACTION.SUCCESS');

    // WeChat's retry: the sandbox sends the same id again, freshly signed.
    const replay = await t.sandbox.app.inject({
      method: 'POST',
      url: `/sandbox/pay/notifications/${record.id}/replay`,
    });
    expect(replay.json()).toEqual({ status: 204 });
    expect(await orderRow(t, order.id)).toEqual(paid);
    expect(await paymentOf(t, order.id)).toEqual(payment);
    expect(await eventsOf(t, payment.id)).toEqual(events);

    // The flow itself says why: this id is in the ledger already.
    const signed = t.sandbox.pay.notifier.sign(record);
    const deps = flowDeps(t);
    const notification = await deps.pay.verifyNotification({
      headers: signed.headers,
      rawBody: Buffer.from(signed.body),
    });
    expect(notification.id).toBe(record.id);
    expect(await applyPayNotification(deps, notification)).toBe('duplicate');
    expect(await eventsOf(t, payment.id)).toEqual(events);
  });

  it('refuses forged, tampered, stale and unknown-key notifications with 401 and applies nothing', async () => {
    const order = await placePendingOrder(t, token);
    await startPay(t, token, order.id);
    const record = successRecord(order.orderNo, order.totalFen);
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const cases: Array<[string, (s: { headers: Record<string, string>; body: string }) => void]> = [
      ['a tampered body', (s) => (s.body = s.body.replace(record.id, randomUUID()))],
      [
        'a signature by another key',
        (s) => {
          const msg = `${s.headers['wechatpay-timestamp']}\n${s.headers['wechatpay-nonce']}\n${s.body}\n`;
          s.headers['wechatpay-signature'] = rsaSign('sha256', Buffer.from(msg), otherKey).toString('base64');
        },
      ],
      ['an unknown serial', (s) => (s.headers['wechatpay-serial'] = 'PUB_KEY_ID_0000000000000000000000000000')],
      ['no signature header', (s) => delete s.headers['wechatpay-signature']],
    ];
    for (const [name, tamper] of cases) {
      const response = await deliver(t, record, tamper);
      expect(response.statusCode, name).toBe(401);
      expect(response.json(), name).toEqual({ code: 'FAIL', message: expect.stringContaining('rejected') });
    }
    // Signed correctly, but delivered more than 5 minutes later: a replay attack.
    const signed = t.sandbox.pay.notifier.sign(record);
    t.time.advance(6 * 60_000);
    const stale = await t.app.inject({
      method: 'POST',
      url: '/api/pay/notify/transaction',
      headers: signed.headers,
      payload: signed.body,
    });
    expect(stale.statusCode).toBe(401);
    expect(stale.json()).toEqual({ code: 'FAIL', message: 'notification rejected: stale_timestamp' });

    expect((await orderRow(t, order.id)).status).toBe('pending_payment');
    const payment = await paymentOf(t, order.id);
    expect(payment.status).toBe('pending');
    expect(await eventsOf(t, payment.id)).toEqual([]);
  });

  it('refuses a genuine notification whose amount differs from the order: logged in the ledger, order unpaid', async () => {
    const order = await placePendingOrder(t, token);
    await startPay(t, token, order.id);
    const response = await deliver(t, successRecord(order.orderNo, 1));
    // Accepted (a retry would not change the amount), but not applied.
    expect(response.statusCode).toBe(204);
    expect((await orderRow(t, order.id)).status).toBe('pending_payment');
    const payment = await paymentOf(t, order.id);
    expect(payment.status).toBe('pending');
    expect(await eventsOf(t, payment.id)).toEqual([
      expect.objectContaining({ kind: 'TRANSACTION.SUCCESS', outcome: 'amount_mismatch', amount_fen: 1 }),
    ]);
  });

  it('answers 500 for a notification about a payment it does not know, so WeChat retries', async () => {
    const order = await placePendingOrder(t, token);
    await startPay(t, token, order.id);
    const record = successRecord(order.orderNo, order.totalFen);
    (record.resource as { out_trade_no: string }).out_trade_no = 'UNKNOWN0000001';
    const response = await deliver(t, record);
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ code: 'FAIL', message: 'unknown out_trade_no' });
  });

  it('finds a payment whose notification was lost when the shopper polls', async () => {
    const order = await placePendingOrder(t, token);
    const answer = await startPay(t, token, order.id);
    const before = await t.app.inject({
      method: 'GET',
      url: `/api/orders/${order.id}/payment`,
      headers: bearer(token),
    });
    expect(expectContract(orderPaymentSchema, before)).toMatchObject({
      orderStatus: 'pending_payment',
      payment: { status: 'pending' },
    });
    loseNotificationsOf(t, order.orderNo);
    await sandboxPays(t, prepayIdOf(answer));
    expect((await orderRow(t, order.id)).status).toBe('pending_payment');

    t.time.advance(3000);
    const polled = await t.app.inject({
      method: 'GET',
      url: `/api/orders/${order.id}/payment`,
      headers: bearer(token),
    });
    expect(expectContract(orderPaymentSchema, polled)).toMatchObject({
      orderStatus: 'paid',
      payment: { status: 'paid' },
    });
    const payment = await paymentOf(t, order.id);
    expect((await eventsOf(t, payment.id)).map((e) => [e.event_id.split(':')[0], e.outcome])).toEqual([
      ['query', 'applied'],
    ]);

    // The lost notification turns up after all: nothing changes.
    const late = await deliver(t, notificationOf(t, order.orderNo, 'TRANSACTION.SUCCESS'));
    expect(late.statusCode).toBe(204);
    expect((await eventsOf(t, payment.id)).map((e) => e.outcome)).toEqual(['applied', 'already_paid']);
    expect(await paymentOf(t, order.id)).toEqual(payment);
  });

  it('refunds a paid, unshipped order in full: 售后中, then REFUND.SUCCESS makes it 已退款 with stock and points back once', async () => {
    const userId = await userIdOf(t, token);
    await grantPoints(t.db, {
      userId,
      points: 1000,
      reason: 'grant',
      ref: `refund-test:${userId}`,
      now: t.time.clock(),
    });
    const pointsBefore = await pointsOf(t, userId);
    const stockBefore = await stockOf(t);
    const order = await placePendingOrder(t, token, 3, { pointsToUse: 500 });
    expect(await pointsOf(t, userId)).toBe(pointsBefore - 500);
    await sandboxPays(t, prepayIdOf(await startPay(t, token, order.id)));
    expect(await stockOf(t)).toBe(stockBefore - 3);

    expectError(
      await t.app.inject({
        method: 'POST',
        url: `/api/orders/${order.id}/refund`,
        headers: bearer(await freshShopper(t)),
        payload: { reason: '不想要了' },
      }),
      404,
      'ORDER_NOT_FOUND',
    );
    const refunded = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/refund`,
      headers: bearer(token),
      payload: { reason: '不想要了' },
    });
    expect(refunded.statusCode, refunded.body).toBe(200);
    expect(expectContract(orderPaymentSchema, refunded)).toMatchObject({
      payment: {
        refundedFen: order.totalFen,
        refunds: [{ outRefundNo: `${order.orderNo}-R`, amountFen: order.totalFen }],
      },
    });
    await t.sandbox.pay.notifier.settle();

    const row = await orderRow(t, order.id);
    expect(row.status).toBe('refunded');
    expect(row.refunded_at).not.toBeNull();
    expect(await stockOf(t)).toBe(stockBefore);
    expect(await pointsOf(t, userId)).toBe(pointsBefore);
    const payment = await paymentOf(t, order.id);
    expect((await refundsOf(t, payment.id)).map((r) => r.status)).toEqual(['succeeded']);
    expect(t.sandbox.pay.store.transactions.get(order.orderNo)?.refundedFen).toBe(order.totalFen);

    // REFUND.SUCCESS again (WeChat's retry): stock is not given back twice.
    const again = await deliver(t, notificationOf(t, order.orderNo, 'REFUND.SUCCESS'));
    expect(again.statusCode).toBe(204);
    expect(await stockOf(t)).toBe(stockBefore);
    expect(await pointsOf(t, userId)).toBe(pointsBefore);
    expect((await eventsOf(t, payment.id)).map((e) => e.outcome)).toEqual(['applied', 'requested', 'succeeded']);
    expectError(
      await t.app.inject({
        method: 'POST',
        url: `/api/orders/${order.id}/refund`,
        headers: bearer(token),
        payload: { reason: '再退一次' },
      }),
      409,
      'ORDER_NOT_REFUNDABLE',
    );
  });

  it('refuses to refund an unpaid or shipped order and changes nothing', async () => {
    const pending = await placePendingOrder(t, token);
    const refund = (id: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/orders/${id}/refund`,
        headers: bearer(token),
        payload: { reason: '不想要了' },
      });
    expectError(await refund(pending.id), 409, 'ORDER_NOT_REFUNDABLE');

    const shipped = await placePendingOrder(t, token);
    await sandboxPays(t, prepayIdOf(await startPay(t, token, shipped.id)));
    const now = t.time.clock();
    await t.db
      .updateTable('orders')
      .set({ status: 'shipped', shipped_at: now, auto_confirm_at: new Date(now.getTime() + 7 * 86_400_000) })
      .where('id', '=', shipped.id)
      .execute();
    expectError(await refund(shipped.id), 409, 'ORDER_NOT_REFUNDABLE');
    expect((await orderRow(t, shipped.id)).status).toBe('shipped');
    expect(await refundsOf(t, (await paymentOf(t, shipped.id)).id)).toEqual([]);
    expectError(
      await t.app.inject({
        method: 'POST',
        url: `/api/orders/${pending.id}/refund`,
        headers: bearer(token),
        payload: { reason: '' },
      }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it("answers 404 for another shopper's or an unknown order, 409 PAY_OPENID_MISSING without an openid in that app", async () => {
    const order = await placePendingOrder(t, token);
    const stranger = await freshShopper(t);
    expectError(await payRequest(t, stranger, order.id), 404, 'ORDER_NOT_FOUND');
    expectError(await payRequest(t, token, 'not-a-uuid'), 404, 'ORDER_NOT_FOUND');
    expectError(await payRequest(t, token, randomUUID()), 404, 'ORDER_NOT_FOUND');
    expectError(
      await t.app.inject({ method: 'GET', url: `/api/orders/${order.id}/payment`, headers: bearer(stranger) }),
      404,
      'ORDER_NOT_FOUND',
    );
    // The shopper signed in to the mall only: WeChat Pay in the campaign app needs its openid there.
    expectError(await payRequest(t, token, order.id, 'campaign'), 409, 'PAY_OPENID_MISSING');
    expectError(await payRequest(t, token, order.id, 'shop'), 400, 'VALIDATION_FAILED');
    expect(await t.db.selectFrom('payments').select('id').where('order_id', '=', order.id).execute()).toEqual([]);
    expectError(
      await t.app.inject({ method: 'POST', url: `/api/orders/${order.id}/pay`, payload: {} }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('lets a demo shopper (H5 演示登录, no openid) pay against the sandbox under a stand-in openid', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { shopper: 'xiaoming' } });
    const demo = (login.json() as { token: string }).token;
    const order = await placePendingOrder(t, demo);
    await sandboxPays(t, prepayIdOf(await startPay(t, demo, order.id)));
    expect((await orderRow(t, order.id)).status).toBe('paid');
    expect((await paymentOf(t, order.id)).payer_openid).toBe(`sandbox_demo_${(await orderRow(t, order.id)).user_id}`);
  });

  it('refuses to pay an order past its deadline even before the job has cancelled it', async () => {
    const order = await placePendingOrder(t, token);
    t.time.advance(30 * 60_000);
    expectError(await payRequest(t, token, order.id), 409, 'ORDER_NOT_PAYABLE');
  });
});

describe.each(testDatabases())('WeChat Pay not configured on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, { config: { wechatPay: null } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 503 PAY_UNAVAILABLE saying WeChat Pay is not configured', async () => {
    const token = await freshShopper(t);
    const order = await placePendingOrder(t, token);
    const body = expectError(await payRequest(t, token, order.id), 503, 'PAY_UNAVAILABLE');
    expect(body.messageEn).toMatch(/not configured/);
    expect((await orderRow(t, order.id)).status).toBe('pending_payment');
  });
});

describe.each(testDatabases())('WeChat Pay in platform-certificate mode on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, { listen: true, payMode: 'certificate' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('verifies answers and notifications with the downloaded platform certificate', async () => {
    const token = await freshShopper(t);
    const order = await placePendingOrder(t, token);
    await sandboxPays(t, prepayIdOf(await startPay(t, token, order.id)));
    expect((await orderRow(t, order.id)).status).toBe('paid');
  });
});
