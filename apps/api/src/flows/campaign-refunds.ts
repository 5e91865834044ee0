import { findPaymentByOrderId, findRefundByOutRefundNo } from '../modules/payments/payments.repository';
import type { RefundPurpose, RefundRow } from '../modules/payments/payments.table';
import type { PaymentFlowDeps } from './payment-flow-deps';
import { refundPayment } from './refund-payment';

/**
 * Gives back everything still refundable on an order's payment, for refunds a campaign starts
 * itself (a group that failed, 团长免单). `outRefundNo` is fixed per cause, so a job that runs
 * again, on another instance or after a crash, asks for the same refund (refundPayment finds
 * it and only resubmits it). Answers the refund, or null when nothing was paid or nothing is
 * left to give back (an earlier refund took it all).
 */
export async function refundWhatIsLeft(
  deps: PaymentFlowDeps,
  input: { orderId: string; outRefundNo: string; reason: string; purpose: RefundPurpose },
): Promise<RefundRow | null> {
  const payment = await findPaymentByOrderId(deps.db, input.orderId);
  if (payment?.status !== 'paid') return null;
  const existing = await findRefundByOutRefundNo(deps.db, input.outRefundNo);
  const amountFen = existing ? existing.amount_fen : payment.amount_fen - payment.refunded_fen;
  if (amountFen <= 0) return null;
  return refundPayment(deps, {
    orderId: input.orderId,
    amountFen,
    reason: input.reason,
    outRefundNo: input.outRefundNo,
    purpose: input.purpose,
  });
}
