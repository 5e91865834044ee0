import {
  AFTER_SALE_KIND_LABELS,
  AFTER_SALE_REASON_LABELS,
  AFTER_SALE_STATUS_LABELS,
  type AfterSale,
} from '@wematrix/shared';
import { isUuid } from '../../db/uuid';
import { HttpError } from '../../http/app-error';
import type { UploadUrl } from '../uploads/upload-url';
import type { AfterSaleRow } from './after-sale.table';

const iso = (at: Date | null): string | null => (at ? at.toISOString() : null);

/** The API's view of a request (afterSaleSchema). */
export function afterSaleRowToView(row: AfterSaleRow, uploadUrl: UploadUrl): AfterSale {
  return {
    id: row.id,
    orderId: row.order_id,
    orderNo: row.order_no,
    kind: row.kind,
    kindLabel: AFTER_SALE_KIND_LABELS[row.kind],
    status: row.status,
    statusLabel: AFTER_SALE_STATUS_LABELS[row.status],
    reason: row.reason,
    reasonLabel: AFTER_SALE_REASON_LABELS[row.reason],
    reasonText: row.reason_text,
    photos: row.photos.map(uploadUrl),
    refundFen: row.refund_fen,
    orderStatusBefore: row.order_status_before,
    operatorComment: row.operator_comment,
    createdAt: row.created_at.toISOString(),
    decidedAt: iso(row.decided_at),
    refundedAt: iso(row.refunded_at),
  };
}

/**
 * The refund number of an approved request: one per request (WeChat treats the same number as
 * the same refund), within WeChat's 64 characters of [0-9A-Za-z_-|*@].
 */
export function afterSaleRefundNo(afterSaleId: string): string {
  return `AS${afterSaleId.replace(/-/g, '')}`;
}

/** Opaque keyset cursor of the operators' list: base64url of "<created_at ISO>|<id>". */
export function encodeAfterSaleCursor(at: { createdAt: Date; id: string }): string {
  return Buffer.from(`${at.createdAt.toISOString()}|${at.id}`, 'utf8').toString('base64url');
}

export function decodeAfterSaleCursor(cursor: string): { createdAt: Date; id: string } {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(createdAt ?? '');
  if (!id || !isUuid(id) || Number.isNaN(date.getTime())) {
    throw new HttpError('VALIDATION_FAILED', { messageEn: 'Invalid query: cursor is malformed' });
  }
  return { createdAt: date, id };
}
