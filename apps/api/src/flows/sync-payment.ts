import { WechatPayApiError, WechatPayUnavailableError } from '../integrations/wechatpay';
import { markPaymentQueried } from '../modules/payments/payments.repository';
import type { PaymentRow } from '../modules/payments/payments.table';
import { applyTransaction, type PayNotifyOutcome, queriedEventId } from './pay-notify';
import type { PaymentFlowDeps } from './payment-flow-deps';

export type SyncOutcome = PayNotifyOutcome | 'not_paid' | 'unavailable';

/**
 * Asks WeChat Pay about a payment we still hold as pending, for when its notification is
 * late or lost (the shopper polling after requestPayment, the reconcile job, a close that
 * answered ORDERPAID). A paid transaction is applied exactly as its notification would be,
 * under a ledger id of its own, so whichever comes second changes nothing.
 */
export async function syncPayment(deps: PaymentFlowDeps, payment: PaymentRow): Promise<SyncOutcome> {
  let transaction: Awaited<ReturnType<PaymentFlowDeps['pay']['queryByOutTradeNo']>>;
  try {
    transaction = await deps.pay.queryByOutTradeNo(payment.out_trade_no);
  } catch (error) {
    // 404 ORDER_NOT_EXIST: no prepay reached WeChat, so nothing can have been paid.
    if (error instanceof WechatPayApiError && error.status === 404) return 'not_paid';
    if (error instanceof WechatPayApiError || error instanceof WechatPayUnavailableError) {
      deps.logger.warn({ err: error, outTradeNo: payment.out_trade_no }, 'WeChat Pay query failed');
      return 'unavailable';
    }
    throw error;
  } finally {
    await markPaymentQueried(deps.db, { paymentId: payment.id, now: deps.clock() });
  }
  // REFUND: paid, then refunded at WeChat's side; still a success to record first.
  if ((transaction.trade_state !== 'SUCCESS' && transaction.trade_state !== 'REFUND') || !transaction.transaction_id)
    return 'not_paid';
  return applyTransaction(deps, {
    eventId: queriedEventId(transaction.transaction_id),
    eventType: 'TRANSACTION.SUCCESS',
    transaction: { ...transaction, trade_state: 'SUCCESS' },
  });
}
