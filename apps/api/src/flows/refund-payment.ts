import type { Transaction } from 'kysely';
import type { DB } from '../db/database';
import { WechatPayApiError } from '../integrations/wechatpay';
import { PaymentError } from '../modules/payments/payments.errors';
import {
  appendEvent,
  findPaymentById,
  findPaymentByOrderId,
  findRefundById,
  findRefundByOutRefundNo,
  insertRefund,
  lockPaymentById,
  moveRefund,
  releaseRefund,
  reserveRefund,
} from '../modules/payments/payments.repository';
import type { RefundPurpose, RefundRow } from '../modules/payments/payments.table';
import type { PaymentFlowDeps } from './payment-flow-deps';
import { settleSucceededRefund } from './settle-refund';

export interface RefundRequest {
  paymentId: string;
  amountFen: number;
  reason: string;
  /** Unique per refund (WeChat: 1-64 of [0-9A-Za-z_-|*@]); the same number is the same refund. */
  outRefundNo: string;
  /** 'rebate': the goods still ship, the order stays as it is (团长免单); default 'refund'. */
  purpose?: RefundPurpose;
}

/**
 * Step 1 of a refund, inside the caller's transaction: reserve the amount on the payment
 * (never more than paid, even with refunds racing) and write the refund row and a ledger
 * event. Nothing leaves the building until `submitRefund` runs after the commit, so a
 * rollback leaves no refund at WeChat either.
 */
export async function requestRefund(trx: Transaction<DB>, request: RefundRequest, now: Date): Promise<RefundRow> {
  if (!Number.isInteger(request.amountFen) || request.amountFen <= 0) {
    throw new PaymentError('REFUND_EXCEEDS_PAID', { messageEn: 'Refund amount must be a positive number of fen' });
  }
  const payment = await lockPaymentById(trx, request.paymentId);
  if (payment?.status !== 'paid') throw new PaymentError('PAYMENT_NOT_FOUND');
  if (!(await reserveRefund(trx, { paymentId: payment.id, amountFen: request.amountFen, now }))) {
    throw new PaymentError('REFUND_EXCEEDS_PAID', {
      details: { refundableFen: payment.amount_fen - payment.refunded_fen, requestedFen: request.amountFen },
    });
  }
  const refund = await insertRefund(trx, { ...request, now });
  await appendEvent(trx, {
    eventId: `refund-request:${refund.out_refund_no}`,
    paymentId: payment.id,
    refundId: refund.id,
    kind: 'REFUND.REQUESTED',
    outcome: 'requested',
    amountFen: refund.amount_fen,
    resource: { reason: refund.reason },
    now,
  });
  return refund;
}

/**
 * Step 2, after the commit: ask WeChat Pay. Its answer moves the refund to processing (or
 * settles it when WeChat answers SUCCESS at once); a definite refusal (4xx) marks it failed
 * and gives the reserved amount back; no answer leaves it `submitting` for the resubmit job
 * (WeChat dedupes by out_refund_no, so sending it again is the same refund).
 */
export async function submitRefund(deps: PaymentFlowDeps, refundId: string): Promise<RefundRow> {
  const refund = await findRefundById(deps.db, refundId);
  if (!refund) throw new Error(`refund ${refundId} not found`);
  if (refund.status !== 'submitting') return refund;
  const payment = await findPaymentById(deps.db, refund.payment_id);
  if (!payment) throw new Error(`payment of refund ${refundId} not found`);
  try {
    const answer = await deps.pay.refund({
      outTradeNo: payment.out_trade_no,
      outRefundNo: refund.out_refund_no,
      refundFen: refund.amount_fen,
      totalFen: payment.amount_fen,
      reason: refund.reason,
      notifyUrl: deps.payConfig.refundNotifyUrl,
    });
    const status = answer.status ?? answer.refund_status;
    await deps.db.transaction().execute(async (trx) => {
      const now = deps.clock();
      const locked = await lockPaymentById(trx, payment.id);
      if (!locked) return;
      if (status === 'SUCCESS') {
        const succeededAt = answer.success_time ? new Date(answer.success_time) : now;
        await settleSucceededRefund(trx, deps, {
          payment: locked,
          refund,
          wechatRefundId: answer.refund_id,
          succeededAt,
          now,
        });
      } else {
        // PROCESSING (the usual answer): REFUND.SUCCESS follows as a notification.
        await moveRefund(trx, {
          refundId: refund.id,
          from: ['submitting'],
          to: 'processing',
          wechatRefundId: answer.refund_id,
          now,
        });
      }
    });
  } catch (error) {
    if (!(error instanceof WechatPayApiError) || error.status >= 500) {
      deps.logger.warn(
        { err: error, refund: refund.out_refund_no },
        'refund not confirmed by WeChat Pay; will resubmit',
      );
      return refund;
    }
    deps.logger.error({ err: error, refund: refund.out_refund_no }, 'WeChat Pay refused the refund');
    await deps.db.transaction().execute(async (trx) => {
      const now = deps.clock();
      if (
        await moveRefund(trx, { refundId: refund.id, from: ['submitting'], to: 'failed', failure: error.code, now })
      ) {
        await releaseRefund(trx, { paymentId: refund.payment_id, amountFen: refund.amount_fen, now });
      }
    });
  }
  return (await findRefundById(deps.db, refund.id)) ?? refund;
}

/**
 * Refunds part or all of an order's payment (shopper before shipping, after-sale, operators):
 * request in one transaction, then submit. `outRefundNo` makes a retried call the same
 * refund. `alongside` runs first in the same transaction, for the caller's own conditional
 * change (the order's 待发货 -> 售后中): when it throws, nothing is requested.
 */
export async function refundPayment(
  deps: PaymentFlowDeps,
  input: { orderId: string; amountFen: number; reason: string; outRefundNo: string; purpose?: RefundPurpose },
  alongside?: (trx: Transaction<DB>, now: Date) => Promise<void>,
): Promise<RefundRow> {
  const payment = await findPaymentByOrderId(deps.db, input.orderId);
  if (!payment) throw new PaymentError('PAYMENT_NOT_FOUND');
  const existing = await findRefundByOutRefundNo(deps.db, input.outRefundNo);
  const refund =
    existing ??
    (await deps.db.transaction().execute(async (trx) => {
      const now = deps.clock();
      await alongside?.(trx, now);
      return requestRefund(
        trx,
        {
          paymentId: payment.id,
          amountFen: input.amountFen,
          reason: input.reason,
          outRefundNo: input.outRefundNo,
          purpose: input.purpose,
        },
        now,
      );
    }));
  return submitRefund(deps, refund.id);
}
