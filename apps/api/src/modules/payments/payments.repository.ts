import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { Executor } from '../../db/executor';
import type { PaymentRow, RefundPurpose, RefundRow, RefundStatus } from './payments.table';

export function findPaymentByOrderId(executor: Executor, orderId: string): Promise<PaymentRow | undefined> {
  return executor.selectFrom('payments').selectAll().where('order_id', '=', orderId).executeTakeFirst();
}

/** Locks the payment: every notification and refund of one payment is applied one at a time. */
export function lockPaymentByOutTradeNo(trx: Transaction<DB>, outTradeNo: string): Promise<PaymentRow | undefined> {
  return trx.selectFrom('payments').selectAll().where('out_trade_no', '=', outTradeNo).forUpdate().executeTakeFirst();
}

export function lockPaymentById(trx: Transaction<DB>, id: string): Promise<PaymentRow | undefined> {
  return trx.selectFrom('payments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The order's payment row, created on first use; a concurrent creator's row wins. */
export async function ensurePayment(
  executor: Executor,
  row: {
    orderId: string;
    userId: string;
    outTradeNo: string;
    appid: string;
    mchid: string;
    payerOpenid: string;
    amountFen: number;
    now: Date;
  },
): Promise<PaymentRow> {
  await executor
    .insertInto('payments')
    .values({
      order_id: row.orderId,
      user_id: row.userId,
      out_trade_no: row.outTradeNo,
      appid: row.appid,
      mchid: row.mchid,
      payer_openid: row.payerOpenid,
      amount_fen: row.amountFen,
      created_at: row.now,
      updated_at: row.now,
    })
    .onConflict((oc) => oc.column('order_id').doNothing())
    .execute();
  const stored = await findPaymentByOrderId(executor, row.orderId);
  if (!stored) throw new Error(`payment of order ${row.orderId} vanished`);
  return stored;
}

/** Keeps the latest prepay (appid and openid may change if the shopper pays from another app). */
export async function savePrepay(
  executor: Executor,
  input: { paymentId: string; appid: string; payerOpenid: string; prepayId: string; expiresAt: Date; now: Date },
): Promise<boolean> {
  const result = await executor
    .updateTable('payments')
    .set({
      appid: input.appid,
      payer_openid: input.payerOpenid,
      prepay_id: input.prepayId,
      prepay_expires_at: input.expiresAt,
      updated_at: input.now,
    })
    .where('id', '=', input.paymentId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * pending (or closed, when WeChat took the money before our close reached it) -> paid.
 * False when it was already paid: a second notification for the same payment.
 */
export async function markPaymentPaid(
  executor: Executor,
  input: { paymentId: string; transactionId: string; paidAt: Date; now: Date },
): Promise<boolean> {
  const result = await executor
    .updateTable('payments')
    .set({ status: 'paid', transaction_id: input.transactionId, paid_at: input.paidAt, updated_at: input.now })
    .where('id', '=', input.paymentId)
    .where('status', 'in', ['pending', 'closed'])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function markPaymentClosed(executor: Executor, paymentId: string, now: Date): Promise<boolean> {
  const result = await executor
    .updateTable('payments')
    .set({ status: 'closed', closed_at: now, updated_at: now })
    .where('id', '=', paymentId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Pending payments whose order the deadline job cancelled: their WeChat transaction must be closed. */
export function pendingPaymentsOfCancelledOrders(executor: Executor, limit: number): Promise<PaymentRow[]> {
  return executor
    .selectFrom('payments')
    .selectAll()
    .where('status', '=', 'pending')
    .where(sql<boolean>`exists (select 1 from orders o where o.id = payments.order_id and o.status = 'cancelled')`)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

/**
 * Reserves `amountFen` of the paid amount for a refund; false when that would refund more
 * than was paid (the relative update and its guard make concurrent refunds safe).
 */
export async function reserveRefund(
  executor: Executor,
  input: { paymentId: string; amountFen: number; now: Date },
): Promise<boolean> {
  const result = await executor
    .updateTable('payments')
    .set({ refunded_fen: sql`refunded_fen + ${input.amountFen}`, updated_at: input.now })
    .where('id', '=', input.paymentId)
    .where('status', '=', 'paid')
    .where(sql<boolean>`refunded_fen + ${input.amountFen} <= amount_fen`)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function releaseRefund(
  executor: Executor,
  input: { paymentId: string; amountFen: number; now: Date },
): Promise<void> {
  await executor
    .updateTable('payments')
    .set({ refunded_fen: sql`refunded_fen - ${input.amountFen}`, updated_at: input.now })
    .where('id', '=', input.paymentId)
    .execute();
}

export function insertRefund(
  executor: Executor,
  row: {
    paymentId: string;
    outRefundNo: string;
    amountFen: number;
    reason: string;
    /** Default 'refund'; 'rebate' gives money back while the order stands (团长免单). */
    purpose?: RefundPurpose;
    now: Date;
  },
): Promise<RefundRow> {
  return executor
    .insertInto('refunds')
    .values({
      payment_id: row.paymentId,
      out_refund_no: row.outRefundNo,
      amount_fen: row.amountFen,
      reason: row.reason,
      purpose: row.purpose ?? 'refund',
      created_at: row.now,
      updated_at: row.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findRefundByOutRefundNo(executor: Executor, outRefundNo: string): Promise<RefundRow | undefined> {
  return executor.selectFrom('refunds').selectAll().where('out_refund_no', '=', outRefundNo).executeTakeFirst();
}

export function findRefundById(executor: Executor, id: string): Promise<RefundRow | undefined> {
  return executor.selectFrom('refunds').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Moves a refund on from one of `from`; false when another writer got there first. */
export async function moveRefund(
  executor: Executor,
  input: {
    refundId: string;
    from: RefundStatus[];
    to: RefundStatus;
    now: Date;
    wechatRefundId?: string;
    failure?: string;
    succeededAt?: Date;
  },
): Promise<boolean> {
  const result = await executor
    .updateTable('refunds')
    .set({
      status: input.to,
      updated_at: input.now,
      ...(input.wechatRefundId ? { refund_id: input.wechatRefundId } : {}),
      ...(input.failure ? { failure: input.failure } : {}),
      ...(input.succeededAt ? { succeeded_at: input.succeededAt } : {}),
    })
    .where('id', '=', input.refundId)
    .where('status', 'in', input.from)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Refunds whose call to WeChat Pay never got an answer (crash, timeout): to submit again. */
export function refundsToResubmit(executor: Executor, before: Date, limit: number): Promise<RefundRow[]> {
  return executor
    .selectFrom('refunds')
    .selectAll()
    .where('status', '=', 'submitting')
    .where('updated_at', '<', before)
    .orderBy('updated_at')
    .limit(limit)
    .execute();
}

export async function hasEvent(executor: Executor, eventId: string): Promise<boolean> {
  const row = await executor
    .selectFrom('payment_events')
    .select('id')
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Appends to the ledger; false when the event id is already there (a replay). */
export async function appendEvent(
  executor: Executor,
  event: {
    eventId: string;
    paymentId: string | null;
    refundId?: string | null;
    kind: string;
    outcome: string;
    amountFen: number | null;
    resource: unknown;
    now: Date;
  },
): Promise<boolean> {
  const rows = await executor
    .insertInto('payment_events')
    .values({
      event_id: event.eventId,
      payment_id: event.paymentId,
      refund_id: event.refundId ?? null,
      kind: event.kind,
      outcome: event.outcome,
      amount_fen: event.amountFen,
      resource: JSON.stringify(event.resource ?? null),
      created_at: event.now,
    })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .returning('id')
    .execute();
  return rows.length > 0;
}

export function findPaymentById(executor: Executor, id: string): Promise<PaymentRow | undefined> {
  return executor.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records that WeChat Pay was just asked about this payment (spaces out the reconcile job). */
export async function markPaymentQueried(executor: Executor, input: { paymentId: string; now: Date }): Promise<void> {
  await executor
    .updateTable('payments')
    .set({ last_queried_at: input.now })
    .where('id', '=', input.paymentId)
    .execute();
}

/**
 * Pending payments with a prepay at WeChat, created before `createdBefore` and not asked
 * about since `queriedBefore`: the ones whose notification may have been lost.
 */
export function pendingPaymentsToReconcile(
  executor: Executor,
  input: { createdBefore: Date; queriedBefore: Date; limit: number },
): Promise<PaymentRow[]> {
  return executor
    .selectFrom('payments')
    .selectAll()
    .where('status', '=', 'pending')
    .where('prepay_id', 'is not', null)
    .where('created_at', '<', input.createdBefore)
    .where((eb) => eb.or([eb('last_queried_at', 'is', null), eb('last_queried_at', '<', input.queriedBefore)]))
    .orderBy('created_at')
    .limit(input.limit)
    .execute();
}

/** What WeChat Pay has confirmed given back so far (succeeded refunds). */
export async function succeededRefundFen(executor: Executor, paymentId: string): Promise<number> {
  const row = await executor
    .selectFrom('refunds')
    .select(sql<number>`coalesce(sum(amount_fen), 0)::int`.as('fen'))
    .where('payment_id', '=', paymentId)
    .where('status', '=', 'succeeded')
    .executeTakeFirstOrThrow();
  return row.fen;
}

export function refundsOfPayment(executor: Executor, paymentId: string): Promise<RefundRow[]> {
  return executor
    .selectFrom('refunds')
    .selectAll()
    .where('payment_id', '=', paymentId)
    .orderBy('created_at')
    .orderBy('out_refund_no')
    .execute();
}
