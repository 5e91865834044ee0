import type { Executor } from '../../db/executor';
import type { OrderRow } from './order.table';

/** One order by id, or undefined. No owner check: callers that serve a shopper add one. */
export function findOrderById(executor: Executor, orderId: string): Promise<OrderRow | undefined> {
  return executor.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
}

/** One order by its number (WeChat Pay's out_trade_no), or undefined. */
export function findOrderByNo(executor: Executor, orderNo: string): Promise<OrderRow | undefined> {
  return executor.selectFrom('orders').selectAll().where('order_no', '=', orderNo).executeTakeFirst();
}

/**
 * 待付款 → 待发货, once: a conditional update, so a replayed notification, a second
 * instance or a payment racing the deadline job changes nothing. 'not_pending' when the order
 * is in any other state (already paid, cancelled ...): nothing was written, and the payment
 * flow decides what to do with the money (refund it).
 */
export async function markOrderPaid(
  executor: Executor,
  { orderId, paidAt }: { orderId: string; paidAt: Date },
): Promise<'paid' | 'not_pending'> {
  const rows = await executor
    .updateTable('orders')
    .set({ status: 'paid', paid_at: paidAt, updated_at: paidAt })
    .where('id', '=', orderId)
    .where('status', '=', 'pending_payment')
    .returning('id')
    .execute();
  return rows.length === 1 ? 'paid' : 'not_pending';
}

/**
 * → 已退款 from 售后中, 待发货 (refunded in full before shipping) or 已取消 (a payment that
 * arrived after the cancel, refunded). Status only: stock, coupon and points are the refund
 * flow's decision (a 仅退款 keeps the goods with the shopper). 'not_refundable' otherwise.
 */
export async function markOrderRefunded(
  executor: Executor,
  { orderId, at }: { orderId: string; at: Date },
): Promise<'refunded' | 'not_refundable'> {
  const rows = await executor
    .updateTable('orders')
    .set({ status: 'refunded', refunded_at: at, updated_at: at })
    .where('id', '=', orderId)
    .where('status', 'in', ['after_sale', 'paid', 'cancelled'])
    .returning('id')
    .execute();
  return rows.length === 1 ? 'refunded' : 'not_refundable';
}
