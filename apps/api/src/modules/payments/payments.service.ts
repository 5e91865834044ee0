import type { OrderPayment, OrderStatus } from '@wematrix/shared';
import type { PaymentRow, RefundRow } from './payments.table';

/** The poll answer from the order's state, its payment row (if any) and that payment's refunds. */
export function toOrderPayment(input: {
  orderId: string;
  orderStatus: OrderStatus;
  payment: PaymentRow | undefined;
  refunds: RefundRow[];
}): OrderPayment {
  const { payment } = input;
  return {
    orderId: input.orderId,
    orderStatus: input.orderStatus,
    payment: payment
      ? {
          outTradeNo: payment.out_trade_no,
          status: payment.status,
          amountFen: payment.amount_fen,
          paidAt: payment.paid_at?.toISOString() ?? null,
          refundedFen: payment.refunded_fen,
          refunds: input.refunds.map((r) => ({
            outRefundNo: r.out_refund_no,
            amountFen: r.amount_fen,
            status: r.status,
            createdAt: r.created_at.toISOString(),
            succeededAt: r.succeeded_at?.toISOString() ?? null,
          })),
        }
      : null,
  };
}
