import { randomInt } from 'node:crypto';
import { ORDER_STATUS_LABELS, type Order } from '@wematrix/shared';
import { isUuid } from '../../db/uuid';
import { HttpError } from '../../http/app-error';
import type { AssetUrl } from '../../http/asset-urls';
import type { OrderLineRow, OrderRow } from './order.table';

const iso = (at: Date | null): string | null => (at ? at.toISOString() : null);

/** The API's view of an order (orderSchema), lines in the order they were placed. */
export function orderRowToOrder(row: OrderRow, lines: readonly OrderLineRow[], assetUrl: AssetUrl): Order {
  return {
    id: row.id,
    orderNo: row.order_no,
    status: row.status,
    statusLabel: ORDER_STATUS_LABELS[row.status],
    subtotalFen: row.subtotal_fen,
    shippingFeeFen: row.shipping_fee_fen,
    couponDiscountFen: row.coupon_discount_fen,
    pointsUsed: row.points_used,
    pointsDiscountFen: row.points_discount_fen,
    totalFen: row.total_fen,
    userCouponId: row.user_coupon_id,
    address: row.address,
    lines: [...lines]
      .sort((a, b) => a.line_no - b.line_no)
      .map((line) => ({
        skuId: line.sku_id,
        productId: line.product_id,
        title: line.title,
        specText: line.spec_text,
        imageUrl: line.image ? assetUrl(line.image) : '',
        unitPriceFen: line.unit_price_fen,
        quantity: line.quantity,
        subtotalFen: line.subtotal_fen,
        couponShareFen: line.coupon_share_fen,
        pointsShareFen: line.points_share_fen,
        payFen: line.pay_fen,
      })),
    shipment:
      row.shipping_company !== null && row.tracking_no !== null
        ? { company: row.shipping_company, trackingNo: row.tracking_no }
        : null,
    createdAt: row.created_at.toISOString(),
    payDeadlineAt: row.pay_deadline_at.toISOString(),
    paidAt: iso(row.paid_at),
    shippedAt: iso(row.shipped_at),
    autoConfirmAt: iso(row.auto_confirm_at),
    completedAt: iso(row.completed_at),
    cancelledAt: iso(row.cancelled_at),
    cancelReason: row.cancel_reason,
    campaignKind: row.campaign_kind,
  };
}

/** China has one time zone and no daylight saving: Beijing time is UTC+8 all year. */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/**
 * An order number fit for WeChat Pay's out_trade_no (6-32 of [0-9A-Za-z_-]) and for reading
 * out on the phone: Beijing time to the second, then 12 random digits (26 digits). Unique by
 * constraint; insertOrder draws again on the rare collision.
 *
 * @example newOrderNo(new Date('2026-06-01T04:00:00Z')) // '20260601120000' + 12 digits
 */
export function newOrderNo(now: Date, digit: (max: number) => number = randomInt): string {
  const stamp = new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().replace(/\D/g, '').slice(0, 14);
  let random = '';
  for (let i = 0; i < 12; i += 1) random += String(digit(10));
  return stamp + random;
}

export interface OrderCursor {
  createdAt: Date;
  id: string;
}

/** Opaque to clients: base64url of `[createdAt ISO, id]` of the last order on the page. */
export function encodeOrderCursor(cursor: OrderCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id])).toString('base64url');
}

/** Decodes and checks a cursor, so nothing malformed reaches a SQL cast (400 otherwise). */
export function decodeOrderCursor(raw: string): OrderCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (Array.isArray(parsed) && parsed.length === 2) {
    const [at, id] = parsed as unknown[];
    const createdAt = typeof at === 'string' ? new Date(at) : null;
    if (createdAt && !Number.isNaN(createdAt.getTime()) && typeof id === 'string' && isUuid(id)) {
      return { createdAt, id };
    }
  }
  throw new HttpError('VALIDATION_FAILED', { messageEn: 'Invalid order list cursor', details: { cursor: raw } });
}
