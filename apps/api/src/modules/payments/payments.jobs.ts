import type { PaymentFlowDeps } from '../../flows/payment-flow-deps';
import { submitRefund } from '../../flows/refund-payment';
import { syncPayment } from '../../flows/sync-payment';
import { WechatPayApiError, WechatPayUnavailableError } from '../../integrations/wechatpay';
import type { JobRunner } from '../../jobs/job-runner';
import {
  markPaymentClosed,
  pendingPaymentsOfCancelledOrders,
  pendingPaymentsToReconcile,
  refundsToResubmit,
} from './payments.repository';
import type { PaymentRow } from './payments.table';

/** Each call to WeChat Pay takes a round trip: a tick handles this many per job at most. */
const MAX_PER_TICK = 50;
/** A refund still `submitting` this long after its last write never got WeChat's answer. */
export const REFUND_RESUBMIT_AFTER_MS = 60_000;
/** A pending payment this old without a notification is asked about ... */
export const RECONCILE_AFTER_MS = 5 * 60_000;
/** ... and asked again at most this often. */
export const RECONCILE_EVERY_MS = 5 * 60_000;

/**
 * The payment module's jobs. They call WeChat Pay, so they cannot hold a row lock across the
 * call; instead each step is safe to repeat on any instance: closing a closed transaction is a
 * no-op at WeChat, a refund number is the same refund however often it is sent, and every
 * write is a conditional update or a ledger row unique per event.
 */
export function registerPaymentJobs(jobs: JobRunner, deps: PaymentFlowDeps): void {
  // An order cancelled (deadline or shopper) while its payment is pending: close the WeChat
  // transaction so the shopper cannot pay it any more. ORDERPAID means they just did: apply
  // it (the flow refunds it, the order being cancelled).
  jobs.register({
    name: 'payments.close-cancelled',
    async run(now) {
      let closed = 0;
      for (const payment of await pendingPaymentsOfCancelledOrders(deps.db, MAX_PER_TICK)) {
        const atWechat = payment.prepay_id ? await closeAtWechat(deps, payment) : 'closed';
        if (atWechat === 'paid') await syncPayment(deps, payment);
        else if (atWechat === 'closed' && (await markPaymentClosed(deps.db, payment.id, now))) closed += 1;
      }
      return closed;
    },
  });

  jobs.register({
    name: 'payments.resubmit-refunds',
    async run(now) {
      let moved = 0;
      const due = await refundsToResubmit(deps.db, new Date(now.getTime() - REFUND_RESUBMIT_AFTER_MS), MAX_PER_TICK);
      for (const refund of due) {
        if ((await submitRefund(deps, refund.id)).status !== 'submitting') moved += 1;
      }
      return moved;
    },
  });

  jobs.register({
    name: 'payments.reconcile-pending',
    async run(now) {
      let applied = 0;
      const due = await pendingPaymentsToReconcile(deps.db, {
        createdBefore: new Date(now.getTime() - RECONCILE_AFTER_MS),
        queriedBefore: new Date(now.getTime() - RECONCILE_EVERY_MS),
        limit: MAX_PER_TICK,
      });
      for (const payment of due) {
        const outcome = await syncPayment(deps, payment);
        if (outcome === 'applied' || outcome === 'auto_refund') applied += 1;
      }
      return applied;
    },
  });
}

/** Closes the transaction at WeChat Pay: 'paid' when it was paid meanwhile, 'retry' when no answer. */
async function closeAtWechat(deps: PaymentFlowDeps, payment: PaymentRow): Promise<'closed' | 'paid' | 'retry'> {
  try {
    await deps.pay.close(payment.out_trade_no);
    return 'closed';
  } catch (error) {
    if (error instanceof WechatPayApiError && error.code === 'ORDERPAID') return 'paid';
    // 404: the prepay never reached WeChat, so there is nothing to close there.
    if (error instanceof WechatPayApiError && error.status === 404) return 'closed';
    if (!(error instanceof WechatPayApiError || error instanceof WechatPayUnavailableError)) throw error;
    deps.logger.warn({ err: error, outTradeNo: payment.out_trade_no }, 'closing the WeChat Pay transaction failed');
    return 'retry';
  }
}
