import { AFTER_SALE_KIND_LABELS, AFTER_SALE_REASON_LABELS } from '@wematrix/shared';
import type { Database } from '../db/database';
import { isUuid } from '../db/uuid';
import { AfterSaleError } from '../modules/after-sales/after-sale.errors';
import {
  approveAfterSale as approvePending,
  findAfterSaleById,
  refuseAfterSale as refusePending,
} from '../modules/after-sales/after-sale.repository';
import { afterSaleRefundNo } from '../modules/after-sales/after-sale.service';
import type { AfterSaleRow } from '../modules/after-sales/after-sale.table';
import { returnOrderFromAfterSale } from '../modules/orders/order.repository';
import type { PaymentFlowDeps } from './payment-flow-deps';
import { refundPayment } from './refund-payment';

/** WeChat Pay shows a refund's reason to the shopper, 80 characters at most. */
const REFUND_REASON_MAX = 80;

async function pendingRequest(db: Database, id: string): Promise<AfterSaleRow> {
  const row = isUuid(id) ? await findAfterSaleById(db, id) : undefined;
  if (!row) throw new AfterSaleError('AFTER_SALE_NOT_FOUND', { details: { id } });
  if (row.status !== 'pending') {
    throw new AfterSaleError('AFTER_SALE_STATUS_CONFLICT', { details: { id, status: row.status } });
  }
  return row;
}

/**
 * An operator approves: the full refund goes through the payment flows (refundPayment:
 * reserve and record in one transaction, send to WeChat Pay after the commit). The request's
 * 待处理 → 已同意 runs in that same transaction, so a request is approved exactly when its
 * refund is recorded; its refund number is fixed per request (`AS<id>`), so approving twice,
 * even at the same instant, is one refund. REFUND.SUCCESS later settles the order (已退款)
 * and the request (已退款) in settleSucceededRefund.
 */
export async function approveAfterSale(
  flow: PaymentFlowDeps,
  approval: { id: string; comment: string | null },
): Promise<AfterSaleRow> {
  const row = await pendingRequest(flow.db, approval.id);
  const outRefundNo = afterSaleRefundNo(row.id);
  const reason = `售后${AFTER_SALE_KIND_LABELS[row.kind]}：${AFTER_SALE_REASON_LABELS[row.reason]}`;
  await refundPayment(
    flow,
    { orderId: row.order_id, amountFen: row.refund_fen, reason: reason.slice(0, REFUND_REASON_MAX), outRefundNo },
    async (trx, now) => {
      const approved = await approvePending(trx, { id: row.id, outRefundNo, comment: approval.comment, now });
      if (!approved) throw new AfterSaleError('AFTER_SALE_STATUS_CONFLICT', { details: { id: row.id } });
    },
  );
  const after = await findAfterSaleById(flow.db, row.id);
  if (!after) throw new Error(`after-sale ${row.id} vanished after its approval`);
  return after;
}

/**
 * An operator refuses: 待处理 → 已拒绝 and the order 售后中 → the state it was in, both
 * conditional, in one transaction. Nothing is refunded.
 */
export async function refuseAfterSale(
  db: Database,
  refusal: { id: string; comment: string; now: Date },
): Promise<AfterSaleRow> {
  const row = await pendingRequest(db, refusal.id);
  return db.transaction().execute(async (trx) => {
    const refused = await refusePending(trx, { id: row.id, comment: refusal.comment, now: refusal.now });
    if (!refused) throw new AfterSaleError('AFTER_SALE_STATUS_CONFLICT', { details: { id: row.id } });
    const back = await returnOrderFromAfterSale(trx, {
      orderId: refused.order_id,
      to: refused.order_status_before,
      at: refusal.now,
    });
    if (!back) throw new Error(`order ${refused.order_id} of pending after-sale ${row.id} is not in after_sale`);
    return refused;
  });
}
