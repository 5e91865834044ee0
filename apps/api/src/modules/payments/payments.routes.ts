import {
  type OrderPayment,
  orderIdParamsSchema,
  type PayOrderResponse,
  payOrderRequestSchema,
  refundOrderRequestSchema,
} from '@wematrix/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WechatPayConfig } from '../../config';
import { applyPayNotification } from '../../flows/pay-notify';
import type { PaymentFlowDeps } from '../../flows/payment-flow-deps';
import { orderPort } from '../../flows/payment-orders';
import { applyRefundNotification } from '../../flows/refund-notify';
import { refundPayment } from '../../flows/refund-payment';
import { findShopperOrder, startPayment } from '../../flows/start-payment';
import { syncPayment } from '../../flows/sync-payment';
import { parseInput } from '../../http/validate';
import {
  createWechatPayClient,
  NotificationRejectedError,
  type VerifiedNotification,
} from '../../integrations/wechatpay';
import type { RouteDeps } from '../../route-deps';
import { currentUserId } from '../auth/auth.guard';
import { createOrderNotices } from '../subscribe/subscribe.notices';
import { PaymentError } from './payments.errors';
import { registerPaymentJobs } from './payments.jobs';
import { findPaymentByOrderId, refundsOfPayment } from './payments.repository';
import { toOrderPayment } from './payments.service';

/** A shopper polling every second asks WeChat Pay at most this often per payment. */
const POLL_QUERY_EVERY_MS = 2000;

/** The refund number of a shopper's full refund: one per order, so a retry is the same refund. */
const shopperRefundNo = (orderNo: string): string => `${orderNo}-R`;

/**
 * Without a merchant account (WECHATPAY_MCHID unset) paying answers 503 PAY_UNAVAILABLE with
 * a message saying so, rather than a 404 the apps would take for a bug.
 */
export function registerPayUnavailableRoute(app: FastifyInstance, deps: RouteDeps): void {
  app.post('/api/orders/:id/pay', { preHandler: deps.requireUser }, async (request) => {
    parseInput(orderIdParamsSchema, request.params, 'params');
    throw new PaymentError('PAY_UNAVAILABLE', {
      messageEn: 'WeChat Pay is not configured on this server (WECHATPAY_MCHID is unset)',
    });
  });
}

/**
 * WeChat Pay v3 (JSAPI): paying an order, polling its payment, a shopper's refund before
 * shipping, and WeChat Pay's two notification endpoints; the payment jobs go on the runner.
 */
export function registerPaymentRoutes(app: FastifyInstance, deps: RouteDeps, payConfig: WechatPayConfig): void {
  const flow: PaymentFlowDeps = {
    db: deps.db,
    pay: createWechatPayClient({ settings: payConfig, clock: deps.clock }),
    payConfig,
    orders: orderPort,
    clock: deps.clock,
    logger: app.log,
    notices: createOrderNotices(deps.config.subscribe),
  };
  registerPaymentJobs(deps.jobs, flow);
  const guarded = { preHandler: deps.requireUser };

  async function orderPayment(orderId: string, userId: string): Promise<OrderPayment> {
    const order = await findShopperOrder(flow, { orderId, userId });
    const payment = await findPaymentByOrderId(deps.db, order.id);
    return toOrderPayment({
      orderId: order.id,
      orderStatus: order.status,
      payment,
      refunds: payment ? await refundsOfPayment(deps.db, payment.id) : [],
    });
  }

  app.post('/api/orders/:id/pay', guarded, async (request): Promise<PayOrderResponse> => {
    const { id } = parseInput(orderIdParamsSchema, request.params, 'params');
    const { app: appName } = parseInput(payOrderRequestSchema, request.body, 'body');
    return startPayment(
      { ...flow, apps: deps.config.wechat.apps },
      { orderId: id, userId: currentUserId(request), app: appName },
    );
  });

  app.get('/api/orders/:id/payment', guarded, async (request): Promise<OrderPayment> => {
    const { id } = parseInput(orderIdParamsSchema, request.params, 'params');
    const userId = currentUserId(request);
    const order = await findShopperOrder(flow, { orderId: id, userId });
    const payment = await findPaymentByOrderId(deps.db, order.id);
    const now = deps.clock().getTime();
    const askWechat =
      payment?.status === 'pending' &&
      payment.prepay_id !== null &&
      (payment.last_queried_at === null || now - payment.last_queried_at.getTime() >= POLL_QUERY_EVERY_MS);
    // The notification may be late or lost: ask WeChat Pay rather than leave the shopper waiting.
    if (askWechat) await syncPayment(flow, payment);
    return orderPayment(order.id, userId);
  });

  app.post('/api/orders/:id/refund', guarded, async (request): Promise<OrderPayment> => {
    const { id } = parseInput(orderIdParamsSchema, request.params, 'params');
    const { reason } = parseInput(refundOrderRequestSchema, request.body, 'body');
    const userId = currentUserId(request);
    const order = await findShopperOrder(flow, { orderId: id, userId });
    const payment = await findPaymentByOrderId(deps.db, order.id);
    if (order.status !== 'paid' || payment?.status !== 'paid') {
      throw new PaymentError('ORDER_NOT_REFUNDABLE', { details: { status: order.status } });
    }
    await refundPayment(
      flow,
      {
        orderId: order.id,
        amountFen: payment.amount_fen - payment.refunded_fen,
        reason,
        outRefundNo: shopperRefundNo(order.orderNo),
      },
      // Same transaction as the refund request: the order leaves 待发货 exactly when a refund
      // is recorded, and an order the operator shipped meanwhile is refused with nothing written.
      async (trx, now) => {
        if ((await flow.orders.markOrderAfterSale(trx, { orderId: order.id, at: now })) !== 'after_sale') {
          throw new PaymentError('ORDER_NOT_REFUNDABLE');
        }
      },
    );
    return orderPayment(order.id, userId);
  });

  /** Checks a notification over its received bytes; answers 401 (nothing applied) when it fails. */
  async function verified(request: FastifyRequest, reply: FastifyReply): Promise<VerifiedNotification | null> {
    try {
      return await flow.pay.verifyNotification({ headers: request.headers, rawBody: request.rawBody });
    } catch (error) {
      if (!(error instanceof NotificationRejectedError)) throw error;
      request.log.warn({ reason: error.reason }, 'WeChat Pay notification rejected');
      // WeChat Pay's documented failure answer: 4xx/5xx with { code, message }.
      await reply.code(401).send({ code: 'FAIL', message: `notification rejected: ${error.reason}` });
      return null;
    }
  }

  // WeChat Pay posts here; only its signature counts, so no session and no shopper input.
  app.post('/api/pay/notify/transaction', async (request, reply) => {
    const notification = await verified(request, reply);
    if (!notification) return reply;
    const outcome = await applyPayNotification(flow, notification);
    request.log.info({ id: notification.id, outcome }, 'WeChat Pay transaction notification');
    // Unknown out_trade_no: maybe a payment row not yet visible; 5xx makes WeChat try again later.
    if (outcome === 'unknown_payment') return reply.code(500).send({ code: 'FAIL', message: 'unknown out_trade_no' });
    return reply.code(204).send();
  });

  app.post('/api/pay/notify/refund', async (request, reply) => {
    const notification = await verified(request, reply);
    if (!notification) return reply;
    const outcome = await applyRefundNotification(flow, notification);
    request.log.info({ id: notification.id, outcome }, 'WeChat Pay refund notification');
    if (outcome === 'unknown_refund') return reply.code(500).send({ code: 'FAIL', message: 'unknown out_refund_no' });
    return reply.code(204).send();
  });
}
