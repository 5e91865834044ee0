import type { AppName, PayOrderResponse } from '@wematrix/shared';
import type { WechatAppCredentials } from '../config';
import { WechatPayApiError, WechatPayUnavailableError } from '../integrations/wechatpay';
import { findOpenidOfUser, findUserById } from '../modules/auth/user.repository';
import { PaymentError } from '../modules/payments/payments.errors';
import { ensurePayment, savePrepay } from '../modules/payments/payments.repository';
import type { PaymentRow } from '../modules/payments/payments.table';
import type { PaymentFlowDeps } from './payment-flow-deps';
import type { PaymentOrder } from './payment-orders';
import { syncPayment } from './sync-payment';

/** WeChat keeps a prepay_id payable for 2 hours; a prepay is reused only well inside that. */
const PREPAY_VALID_MS = 2 * 3600 * 1000;
/** A prepay this close to its end is replaced rather than handed to a shopper who may dawdle. */
const PREPAY_REUSE_MARGIN_MS = 60 * 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface StartPaymentDeps extends PaymentFlowDeps {
  apps: Record<AppName, WechatAppCredentials>;
}

/** The shopper's own order, or ORDER_NOT_FOUND (unknown and other people's look the same). */
export async function findShopperOrder(
  deps: Pick<PaymentFlowDeps, 'db' | 'orders'>,
  input: { orderId: string; userId: string },
): Promise<PaymentOrder> {
  const order = UUID.test(input.orderId) ? await deps.orders.findOrderById(deps.db, input.orderId) : undefined;
  if (!order || order.userId !== input.userId) throw new PaymentError('ORDER_NOT_FOUND');
  return order;
}

/**
 * The payer's openid in `app`. A shopper signed in through the H5 demo's 演示登录 has none;
 * against the sandbox only (its pay page configured, which production refuses) such a demo
 * shopper pays under a stand-in openid, so the demo can be paid end to end.
 */
async function payerOpenid(deps: StartPaymentDeps, userId: string, app: AppName): Promise<string> {
  const openid = await findOpenidOfUser(deps.db, userId, app);
  if (openid) return openid;
  if (deps.payConfig.sandboxPayPage && (await findUserById(deps.db, userId))?.demo_key) return `sandbox_demo_${userId}`;
  throw new PaymentError('PAY_OPENID_MISSING', { details: { app } });
}

/**
 * POST /api/orders/:id/pay: the shopper's pending order gets its payment row (out_trade_no =
 * order_no, amount = the order's total) and a JSAPI prepay at WeChat Pay, reused while it is
 * still valid; answers the signed wx.requestPayment parameters. Nothing here marks anything
 * paid: only WeChat's word does (notification or query).
 */
export async function startPayment(
  deps: StartPaymentDeps,
  input: { orderId: string; userId: string; app: AppName },
): Promise<PayOrderResponse> {
  const now = deps.clock();
  const order = await findShopperOrder(deps, input);
  if (order.status !== 'pending_payment' || order.payDeadlineAt.getTime() <= now.getTime()) {
    throw new PaymentError('ORDER_NOT_PAYABLE', { details: { status: order.status } });
  }
  if (order.totalFen <= 0) {
    throw new PaymentError('ORDER_NOT_PAYABLE', { messageEn: 'Nothing to pay: the order total is 0' });
  }
  const appid = deps.apps[input.app].appid;
  const openid = await payerOpenid(deps, input.userId, input.app);
  const payment = await ensurePayment(deps.db, {
    orderId: order.id,
    userId: order.userId,
    outTradeNo: order.orderNo,
    appid,
    mchid: deps.payConfig.mchid,
    payerOpenid: openid,
    amountFen: order.totalFen,
    now,
  });
  if (payment.status !== 'pending') throw new PaymentError('ORDER_NOT_PAYABLE', { details: { status: order.status } });
  // WeChat ties an out_trade_no to the app and payer of its first prepay.
  if (payment.prepay_id && (payment.appid !== appid || payment.payer_openid !== openid)) {
    throw new PaymentError('ORDER_NOT_PAYABLE', {
      message: '该订单已在另一个小程序发起支付，请回到原小程序完成支付',
      messageEn: 'This order was offered for payment in another mini-program; pay it there',
    });
  }
  const prepayId = reusablePrepay(payment, now) ?? (await newPrepay(deps, { order, payment, appid, openid, now }));
  return {
    orderId: order.id,
    outTradeNo: payment.out_trade_no,
    amountFen: payment.amount_fen,
    requestPayment: deps.pay.requestPayment(appid, prepayId),
    sandboxPayUrl: deps.payConfig.sandboxPayPage
      ? `${deps.payConfig.sandboxPayPage}/sandbox/pay/${encodeURIComponent(prepayId)}`
      : null,
  };
}

function reusablePrepay(payment: PaymentRow, now: Date): string | null {
  if (!payment.prepay_id || !payment.prepay_expires_at) return null;
  return payment.prepay_expires_at.getTime() - PREPAY_REUSE_MARGIN_MS > now.getTime() ? payment.prepay_id : null;
}

async function newPrepay(
  deps: StartPaymentDeps,
  input: { order: PaymentOrder; payment: PaymentRow; appid: string; openid: string; now: Date },
): Promise<string> {
  const { order, payment, now } = input;
  let prepayId: string;
  try {
    ({ prepayId } = await deps.pay.jsapiPrepay({
      appid: input.appid,
      description: await deps.orders.describeOrder(deps.db, order.id),
      outTradeNo: payment.out_trade_no,
      amountFen: payment.amount_fen,
      payerOpenid: input.openid,
      notifyUrl: deps.payConfig.notifyUrl,
      // WeChat refuses payment after the order's own deadline, so a late tap cannot pay a
      // cancelled order (the auto-refund covers the last-second race).
      timeExpire: order.payDeadlineAt,
    }));
  } catch (error) {
    if (error instanceof WechatPayApiError && error.code === 'ORDERPAID') {
      // Paid, and we missed the notification: learn it now, then say so.
      await syncPayment(deps, payment);
      throw new PaymentError('ORDER_NOT_PAYABLE', { message: '该订单已支付', messageEn: 'The order is already paid' });
    }
    if (error instanceof WechatPayApiError && error.code === 'ORDER_CLOSED') {
      throw new PaymentError('ORDER_NOT_PAYABLE', { messageEn: 'WeChat Pay closed this transaction' });
    }
    if (error instanceof WechatPayApiError || error instanceof WechatPayUnavailableError) {
      deps.logger.error({ err: error, outTradeNo: payment.out_trade_no }, 'WeChat Pay prepay failed');
      throw new PaymentError('PAY_UNAVAILABLE');
    }
    throw error;
  }
  const expiresAt = new Date(Math.min(now.getTime() + PREPAY_VALID_MS, order.payDeadlineAt.getTime()));
  const saved = await savePrepay(deps.db, {
    paymentId: payment.id,
    appid: input.appid,
    payerOpenid: input.openid,
    prepayId,
    expiresAt,
    now,
  });
  // Paid (a notification won the race) or closed meanwhile: this prepay must not be offered.
  if (!saved) throw new PaymentError('ORDER_NOT_PAYABLE');
  return prepayId;
}
