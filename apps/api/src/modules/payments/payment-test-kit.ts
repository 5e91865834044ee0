import { type PayOrderResponse, payOrderResponseSchema } from '@wematrix/shared';
import type { NotificationRecord } from '@wematrix/wechat-sandbox';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { PaymentFlowDeps } from '../../flows/payment-flow-deps';
import { orderPort } from '../../flows/payment-orders';
import { createWechatPayClient } from '../../integrations/wechatpay';
import { bearer, expectContract, type TestApp } from '../../test/test-app';
import { placeBuyNow } from '../orders/order.fixtures';

/** Test helpers for the payment tests: orders placed through the API, the sandbox's side. */

export const MIN = 60_000;
export const SKU = 'sku-toner';

export async function userIdOf(t: TestApp, token: string): Promise<string> {
  const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) });
  expect(me.statusCode, me.body).toBe(200);
  return (me.json() as { id: string }).id;
}

/** A 待付款 order of `quantity` × SKU, placed through POST /api/orders at the previewed price. */
export async function placePendingOrder(
  t: TestApp,
  token: string,
  quantity = 1,
  extra: { pointsToUse?: number } = {},
): Promise<{ id: string; orderNo: string; totalFen: number }> {
  const id = await placeBuyNow(t, token, [{ skuId: SKU, quantity }], extra);
  const row = await t.db
    .selectFrom('orders')
    .select(['order_no', 'total_fen'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { id, orderNo: row.order_no, totalFen: row.total_fen };
}

export function payRequest(t: TestApp, token: string, orderId: string, app = 'mall'): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: `/api/orders/${orderId}/pay`, headers: bearer(token), payload: { app } });
}

export async function startPay(t: TestApp, token: string, orderId: string): Promise<PayOrderResponse> {
  const response = await payRequest(t, token, orderId);
  expect(response.statusCode, response.body).toBe(200);
  return expectContract(payOrderResponseSchema, response);
}

export const prepayIdOf = (answer: PayOrderResponse): string =>
  answer.requestPayment.package.replace(/^prepay_id=/, '');

/** The shopper taps 支付 on the sandbox's pay page; waits for its notification to be delivered. */
export async function sandboxPays(t: TestApp, prepayId: string): Promise<void> {
  const response = await t.sandbox.app.inject({ method: 'POST', url: `/sandbox/pay/${prepayId}/pay` });
  expect(response.statusCode, response.body).toBe(200);
  await t.sandbox.pay.notifier.settle();
}

/** From now on the sandbox's notifications about this transaction go nowhere (lost in transit). */
export function loseNotificationsOf(t: TestApp, outTradeNo: string): void {
  const transaction = t.sandbox.pay.store.transactions.get(outTradeNo);
  if (!transaction) throw new Error(`sandbox has no transaction ${outTradeNo}`);
  transaction.notifyUrl = 'http://127.0.0.1:9/lost';
}

/** The sandbox's last notification about `outTradeNo` of `eventType`. */
export function notificationOf(t: TestApp, outTradeNo: string, eventType: string): NotificationRecord {
  const found = [...t.sandbox.pay.notifier.records.values()].filter(
    (r) => r.eventType === eventType && r.resource.out_trade_no === outTradeNo,
  );
  const record = found.at(-1);
  if (!record) throw new Error(`no ${eventType} notification for ${outTradeNo}`);
  return record;
}

/** Delivers a notification to the API as WeChat would (signed by the platform key, now). */
export function deliver(
  t: TestApp,
  record: NotificationRecord,
  tamper: (signed: { headers: Record<string, string>; body: string }) => void = () => {},
): Promise<LightMyRequestResponse> {
  const signed = t.sandbox.pay.notifier.sign(record);
  tamper(signed);
  const path = record.eventType.startsWith('REFUND') ? 'refund' : 'transaction';
  return t.app.inject({
    method: 'POST',
    url: `/api/pay/notify/${path}`,
    headers: signed.headers,
    payload: signed.body,
  });
}

/** The payment flows' dependencies as the routes build them, for calling a flow directly. */
export function flowDeps(t: TestApp): PaymentFlowDeps {
  const payConfig = t.config.wechatPay;
  if (!payConfig) throw new Error('the test app has no WeChat Pay');
  return {
    db: t.db,
    pay: createWechatPayClient({ settings: payConfig, clock: t.time.clock }),
    payConfig,
    orders: orderPort,
    clock: t.time.clock,
    logger: { info: () => {}, warn: () => {}, error: () => {} },
  };
}

export async function stockOf(t: TestApp): Promise<number> {
  return (await t.db.selectFrom('skus').select('stock').where('id', '=', SKU).executeTakeFirstOrThrow()).stock;
}

export async function orderRow(t: TestApp, id: string) {
  return t.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function paymentOf(t: TestApp, orderId: string) {
  return t.db.selectFrom('payments').selectAll().where('order_id', '=', orderId).executeTakeFirstOrThrow();
}

export async function eventsOf(t: TestApp, paymentId: string) {
  return t.db
    .selectFrom('payment_events')
    .select(['event_id', 'kind', 'outcome', 'amount_fen'])
    .where('payment_id', '=', paymentId)
    .orderBy('id')
    .execute();
}

export async function refundsOf(t: TestApp, paymentId: string) {
  return t.db.selectFrom('refunds').selectAll().where('payment_id', '=', paymentId).execute();
}
