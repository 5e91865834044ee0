import { refundSchema, type VerifiedNotification } from '../integrations/wechatpay';
import {
  appendEvent,
  findRefundByOutRefundNo,
  hasEvent,
  lockPaymentById,
  moveRefund,
  releaseRefund,
} from '../modules/payments/payments.repository';
import type { PaymentFlowDeps } from './payment-flow-deps';
import { settleSucceededRefund } from './settle-refund';

export type RefundNotifyOutcome = 'succeeded' | 'failed' | 'duplicate' | 'ignored' | 'unknown_refund';

/**
 * Applies a verified REFUND.* notification in one transaction: lock the payment, skip an id
 * already in the ledger, move the refund (SUCCESS -> succeeded, see settleSucceededRefund;
 * CLOSED/ABNORMAL -> failed, and a closed refund gives its reserved amount back), append the
 * event.
 */
export async function applyRefundNotification(
  deps: PaymentFlowDeps,
  notification: VerifiedNotification,
): Promise<RefundNotifyOutcome> {
  const parsed = refundSchema.safeParse(notification.resource);
  if (!parsed.success) {
    deps.logger.error({ id: notification.id, issues: parsed.error.issues }, 'WeChat Pay refund has an odd shape');
    return 'ignored';
  }
  const resource = parsed.data;
  return deps.db.transaction().execute(async (trx): Promise<RefundNotifyOutcome> => {
    const now = deps.clock();
    const found = await findRefundByOutRefundNo(trx, resource.out_refund_no);
    if (!found) return 'unknown_refund';
    const payment = await lockPaymentById(trx, found.payment_id);
    if (!payment || payment.out_trade_no !== resource.out_trade_no) return 'unknown_refund';
    if (await hasEvent(trx, notification.id)) return 'duplicate';
    // Read again under the lock: submitRefund may have moved it meanwhile.
    const refund = (await findRefundByOutRefundNo(trx, resource.out_refund_no)) ?? found;
    const status = resource.refund_status ?? resource.status;

    let outcome: RefundNotifyOutcome = 'ignored';
    if (status === 'SUCCESS' && resource.amount.refund === refund.amount_fen) {
      await settleSucceededRefund(trx, deps, {
        payment,
        refund,
        wechatRefundId: resource.refund_id,
        succeededAt: resource.success_time ? new Date(resource.success_time) : now,
        now,
      });
      outcome = 'succeeded';
    } else if (status === 'CLOSED' || status === 'ABNORMAL') {
      const moved = await moveRefund(trx, {
        refundId: refund.id,
        from: ['submitting', 'processing'],
        to: 'failed',
        failure: status,
        now,
      });
      // ABNORMAL money is stuck at the bank (WeChat asks the merchant to act): still reserved.
      if (moved && status === 'CLOSED')
        await releaseRefund(trx, { paymentId: payment.id, amountFen: refund.amount_fen, now });
      deps.logger.error({ outRefundNo: refund.out_refund_no, status }, 'WeChat Pay refund did not succeed');
      outcome = 'failed';
    } else if (status === 'SUCCESS') {
      deps.logger.error(
        { outRefundNo: refund.out_refund_no, expectedFen: refund.amount_fen, notifiedFen: resource.amount.refund },
        'WeChat Pay refund amount does not match the refund; not applied',
      );
    }
    await appendEvent(trx, {
      eventId: notification.id,
      paymentId: payment.id,
      refundId: refund.id,
      kind: notification.eventType,
      outcome,
      amountFen: resource.amount.refund,
      resource,
      now,
    });
    return outcome;
  });
}
