import type { VerifiedNotification, WechatPayTransaction } from '../integrations/wechatpay';
import { transactionSchema } from '../integrations/wechatpay';
import {
  appendEvent,
  hasEvent,
  lockPaymentByOutTradeNo,
  markPaymentPaid,
} from '../modules/payments/payments.repository';
import type { PaymentFlowDeps } from './payment-flow-deps';
import { requestRefund, submitRefund } from './refund-payment';

export type PayNotifyOutcome =
  /** The order moved 待付款 -> 待发货. */
  | 'applied'
  /** This event id was applied before: nothing changed. */
  | 'duplicate'
  /** Another event already marked this payment paid: nothing changed. */
  | 'already_paid'
  /** The order was no longer 待付款 (cancelled by its deadline): the money goes back. */
  | 'auto_refund'
  /** Amount, merchant or app differ from what we asked WeChat to collect: refused, logged. */
  | 'amount_mismatch'
  /** Not a success (e.g. a CLOSED state), recorded only. */
  | 'ignored'
  /** No payment with this out_trade_no: answer an error so WeChat retries later. */
  | 'unknown_payment';

/** Where a paid payment of a cancelled order is refunded to: one number per payment. */
export const autoRefundNo = (outTradeNo: string): string => `${outTradeNo}-AR`;

/** The ledger id of a payment learned by asking WeChat (no notification id exists then). */
export const queriedEventId = (transactionId: string): string => `query:${transactionId}`;

/** Applies a verified TRANSACTION.* notification (see applyTransaction). */
export async function applyPayNotification(
  deps: PaymentFlowDeps,
  notification: VerifiedNotification,
): Promise<PayNotifyOutcome> {
  const parsed = transactionSchema.safeParse(notification.resource);
  if (!parsed.success) {
    deps.logger.error({ id: notification.id, issues: parsed.error.issues }, 'WeChat Pay transaction has an odd shape');
    return 'ignored';
  }
  return applyTransaction(deps, {
    eventId: notification.id,
    eventType: notification.eventType,
    transaction: parsed.data,
  });
}

/**
 * Applies what WeChat Pay says about a transaction (a notification, or a query answer when the
 * notification got lost) in one database transaction: lock the payment, skip an event id
 * already in the ledger, check amount, merchant and app against what was asked, mark the
 * payment and then the order paid, append the event. An order that is no longer 待付款 gets
 * its money back automatically: the refund is requested here and sent after the commit, and
 * its number is fixed per payment, so it happens once.
 */
export async function applyTransaction(
  deps: PaymentFlowDeps,
  input: { eventId: string; eventType: string; transaction: WechatPayTransaction },
): Promise<PayNotifyOutcome> {
  const tx = input.transaction;
  let refundToSubmit: string | null = null;

  const outcome = await deps.db.transaction().execute(async (trx): Promise<PayNotifyOutcome> => {
    const now = deps.clock();
    const payment = await lockPaymentByOutTradeNo(trx, tx.out_trade_no);
    if (!payment) return 'unknown_payment';
    // The payment row lock serialises every event of one payment, so this check cannot race;
    // the unique event_id is the backstop.
    if (await hasEvent(trx, input.eventId)) return 'duplicate';

    let outcome: PayNotifyOutcome;
    if (input.eventType !== 'TRANSACTION.SUCCESS' || tx.trade_state !== 'SUCCESS' || !tx.transaction_id) {
      outcome = 'ignored';
    } else if (tx.amount?.total !== payment.amount_fen || tx.mchid !== payment.mchid || tx.appid !== payment.appid) {
      outcome = 'amount_mismatch';
      deps.logger.error(
        {
          outTradeNo: payment.out_trade_no,
          expectedFen: payment.amount_fen,
          notifiedFen: tx.amount?.total,
          expectedMchid: payment.mchid,
          mchid: tx.mchid,
          expectedAppid: payment.appid,
          appid: tx.appid,
        },
        'WeChat Pay transaction does not match the payment; not applied',
      );
    } else {
      const paidAt = tx.success_time ? new Date(tx.success_time) : now;
      if (!(await markPaymentPaid(trx, { paymentId: payment.id, transactionId: tx.transaction_id, paidAt, now }))) {
        outcome = 'already_paid';
      } else if ((await deps.orders.markOrderPaid(trx, { orderId: payment.order_id, paidAt })) === 'paid') {
        outcome = 'applied';
      } else {
        // Paid after the deadline cancelled the order (stock already released): refund it all.
        const refund = await requestRefund(
          trx,
          {
            paymentId: payment.id,
            amountFen: payment.amount_fen,
            reason: '订单已取消，款项原路退回',
            outRefundNo: autoRefundNo(payment.out_trade_no),
          },
          now,
        );
        refundToSubmit = refund.id;
        outcome = 'auto_refund';
        deps.logger.warn(
          { outTradeNo: payment.out_trade_no },
          'payment for an order no longer awaiting payment: refunding',
        );
      }
    }
    await appendEvent(trx, {
      eventId: input.eventId,
      paymentId: payment.id,
      kind: input.eventType,
      outcome,
      amountFen: tx.amount?.total ?? null,
      resource: tx,
      now,
    });
    return outcome;
  });

  if (refundToSubmit) await submitRefund(deps, refundToSubmit);
  return outcome;
}
