import { type CountdownParts, countdownParts } from '../../time';
import type { OrderStatus } from './order-status';

/** An unpaid order is cancelled, and its stock released, this long after it was placed. */
export const PAY_WINDOW_MS = 30 * 60 * 1000;

/** A shipped order counts as received (确认收货) this long after shipping. */
export const AUTO_CONFIRM_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/** When an order placed at `placedAt` stops waiting for payment. */
export function payDeadlineAt(placedAt: Date): Date {
  return new Date(placedAt.getTime() + PAY_WINDOW_MS);
}

/** When an order shipped at `shippedAt` completes on its own. */
export function autoConfirmAt(shippedAt: Date): Date {
  return new Date(shippedAt.getTime() + AUTO_CONFIRM_AFTER_MS);
}

export interface OrderDeadlineFields {
  status: OrderStatus;
  /** ISO instants, as the API sends them. */
  payDeadlineAt: string | null;
  autoConfirmAt: string | null;
}

export interface OrderCountdown {
  kind: 'pay' | 'auto_confirm';
  /** What the order detail page shows above the countdown. */
  label: string;
  parts: CountdownParts;
}

/**
 * The countdown an order detail shows at `nowMs`: time left to pay (待付款) or until it
 * completes on its own (待收货); null in every other state. `parts.over` is true once the
 * deadline has passed, while the job has not applied it yet.
 *
 * @example orderCountdown({ status: 'pending_payment', payDeadlineAt: '…T04:30:00Z', … }, Date.parse('…T04:10:00Z'))
 *          // { kind: 'pay', label: '剩余支付时间', parts: { minutes: 20, … } }
 */
export function orderCountdown(order: OrderDeadlineFields, nowMs: number): OrderCountdown | null {
  if (order.status === 'pending_payment' && order.payDeadlineAt) {
    return { kind: 'pay', label: '剩余支付时间', parts: countdownParts(order.payDeadlineAt, nowMs) };
  }
  if (order.status === 'shipped' && order.autoConfirmAt) {
    return { kind: 'auto_confirm', label: '自动确认收货', parts: countdownParts(order.autoConfirmAt, nowMs) };
  }
  return null;
}
