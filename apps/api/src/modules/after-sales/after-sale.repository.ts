import type { AfterSaleKind, AfterSaleReason, AfterSaleStatus, OrderStatus } from '@wematrix/shared';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { Executor } from '../../db/executor';
import type { AfterSaleRow } from './after-sale.table';

export interface NewAfterSale {
  orderId: string;
  orderNo: string;
  userId: string;
  kind: AfterSaleKind;
  reason: AfterSaleReason;
  reasonText: string;
  photos: string[];
  refundFen: number;
  orderStatusBefore: 'paid' | 'shipped' | 'completed';
  now: Date;
}

/**
 * Inserts a pending request. Call it in the transaction that moved the order to 售后中: the
 * order's conditional move is what allows one open request per order (the partial unique
 * index `after_sales_one_open_idx` stands behind it).
 */
export function insertAfterSale(trx: Transaction<DB>, request: NewAfterSale): Promise<AfterSaleRow> {
  return trx
    .insertInto('after_sales')
    .values({
      order_id: request.orderId,
      order_no: request.orderNo,
      user_id: request.userId,
      kind: request.kind,
      reason: request.reason,
      reason_text: request.reasonText,
      photos: request.photos,
      refund_fen: request.refundFen,
      order_status_before: request.orderStatusBefore,
      created_at: request.now,
      updated_at: request.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findAfterSaleById(executor: Executor, id: string): Promise<AfterSaleRow | undefined> {
  return executor.selectFrom('after_sales').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The order's open request (pending or approved), if any. */
export function findOpenAfterSale(executor: Executor, orderId: string): Promise<AfterSaleRow | undefined> {
  return executor
    .selectFrom('after_sales')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('status', 'in', ['pending', 'approved'])
    .executeTakeFirst();
}

/** An order's requests, newest first. */
export function listOrderAfterSales(executor: Executor, orderId: string): Promise<AfterSaleRow[]> {
  return executor
    .selectFrom('after_sales')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Operators' list, newest first, keyset on (created_at, id), one status or all. */
export function listAfterSales(
  executor: Executor,
  query: { status?: AfterSaleStatus; before?: { createdAt: Date; id: string }; limit: number },
): Promise<AfterSaleRow[]> {
  let select = executor.selectFrom('after_sales').selectAll();
  if (query.status) select = select.where('status', '=', query.status);
  const before = query.before;
  if (before) {
    select = select.where(sql<boolean>`(created_at, id) < (${before.createdAt}::timestamptz, ${before.id}::uuid)`);
  }
  return select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
}

/**
 * 待处理 → 已同意, once (`where status = 'pending'`), recording the refund number the approval
 * uses. Undefined when the request is not pending (approved, refused ... or approved by a
 * concurrent call a moment ago): nothing was written.
 */
export function approveAfterSale(
  executor: Executor,
  approval: { id: string; outRefundNo: string; comment: string | null; now: Date },
): Promise<AfterSaleRow | undefined> {
  return executor
    .updateTable('after_sales')
    .set({
      status: 'approved',
      out_refund_no: approval.outRefundNo,
      operator_comment: approval.comment,
      decided_at: approval.now,
      updated_at: approval.now,
    })
    .where('id', '=', approval.id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

/** 待处理 → 已拒绝, once, with the operator's words. Undefined when not pending (nothing written). */
export function refuseAfterSale(
  executor: Executor,
  refusal: { id: string; comment: string; now: Date },
): Promise<AfterSaleRow | undefined> {
  return executor
    .updateTable('after_sales')
    .set({ status: 'refused', operator_comment: refusal.comment, decided_at: refusal.now, updated_at: refusal.now })
    .where('id', '=', refusal.id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

/**
 * 已同意 → 已退款 for the order's approved request, when its refund settled the order. Answers
 * what the refund flow needs to decide about stock, or undefined when the order had no
 * approved request (a refund before shipping through POST /api/orders/:id/refund).
 */
export async function markAfterSaleRefunded(
  executor: Executor,
  { orderId, at }: { orderId: string; at: Date },
): Promise<{ kind: AfterSaleKind; orderStatusBefore: OrderStatus } | undefined> {
  const row = await executor
    .updateTable('after_sales')
    .set({ status: 'refunded', refunded_at: at, updated_at: at })
    .where('order_id', '=', orderId)
    .where('status', '=', 'approved')
    .returning(['kind', 'order_status_before'])
    .executeTakeFirst();
  return row ? { kind: row.kind, orderStatusBefore: row.order_status_before } : undefined;
}
