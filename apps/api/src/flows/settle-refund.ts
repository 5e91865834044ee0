import type { Transaction } from 'kysely';
import type { DB } from '../db/database';
import { moveRefund, succeededRefundFen } from '../modules/payments/payments.repository';
import type { PaymentRow, RefundRow } from '../modules/payments/payments.table';
import type { PaymentFlowDeps } from './payment-flow-deps';

/**
 * A refund WeChat Pay reports as SUCCESS, inside the caller's transaction (which holds the
 * payment's row lock): the refund becomes succeeded, and once every fen of the payment is
 * back with the shopper the order becomes 已退款. An order refunded from 待发货 / 售后中 also
 * gets its coupon and points back, and its stock when the goods are in the warehouse (see
 * OrderPort.releaseOrderHoldings); a cancelled one had them back at its cancel. A rebate
 * (purpose 'rebate', 团长免单) only settles the refund itself: the order never moves. The
 * order's conditional update decides, so a second report of the same refund changes nothing.
 */
export async function settleSucceededRefund(
  trx: Transaction<DB>,
  deps: Pick<PaymentFlowDeps, 'orders' | 'notices'>,
  input: { payment: PaymentRow; refund: RefundRow; wechatRefundId: string | undefined; succeededAt: Date; now: Date },
): Promise<void> {
  const { payment, refund } = input;
  await moveRefund(trx, {
    refundId: refund.id,
    from: ['submitting', 'processing'],
    to: 'succeeded',
    wechatRefundId: input.wechatRefundId,
    succeededAt: input.succeededAt,
    now: input.now,
  });
  // A rebate (团长免单) gives money back while the goods still ship: the order stays 待发货
  // with its stock, coupon, points and commission, whatever has come back.
  if (refund.purpose === 'rebate') return;
  if ((await succeededRefundFen(trx, payment.id)) < payment.amount_fen) return;
  const order = await deps.orders.findOrderById(trx, payment.order_id);
  if (!order) return;
  const moved = await deps.orders.markOrderRefunded(trx, { orderId: order.id, at: input.succeededAt });
  // Read before the update; an order cannot become cancelled from any state refund accepts,
  // so "was not cancelled" still holds when the update applied.
  if (moved === 'refunded' && order.status !== 'cancelled') {
    await deps.orders.releaseOrderHoldings(trx, { orderId: order.id, at: input.succeededAt });
  }
  // The 退款成功 notice, queued in this transaction (sent later by the subscribe job).
  if (moved === 'refunded') {
    await deps.notices?.orderChanged(trx, {
      orderId: order.id,
      from: order.status,
      to: 'refunded',
      at: input.succeededAt,
    });
  }
}
