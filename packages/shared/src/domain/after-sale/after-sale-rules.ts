import { ORDER_TRANSITIONS, type OrderStatus } from '../order/order-status';

/**
 * After-sale (售后): a shopper asks for their money back on a paid, shipped or completed order;
 * an operator approves (full refund through WeChat Pay) or refuses (the order goes back to the
 * state it was in).
 *
 *   pending 待处理 ──approve──▶ approved 退款中 ──REFUND.SUCCESS──▶ refunded 已退款
 *        └──────refuse──▶ refused 已拒绝 (order back to paid / shipped / completed)
 */

/** 仅退款 (the goods stay with the shopper, or never left) or 退货退款 (the goods come back). */
export const AFTER_SALE_KINDS = ['refund_only', 'return_refund'] as const;
export type AfterSaleKind = (typeof AFTER_SALE_KINDS)[number];

export const AFTER_SALE_KIND_LABELS: Readonly<Record<AfterSaleKind, string>> = {
  refund_only: '仅退款',
  return_refund: '退货退款',
};

export const AFTER_SALE_STATUSES = ['pending', 'approved', 'refused', 'refunded'] as const;
export type AfterSaleStatus = (typeof AFTER_SALE_STATUSES)[number];

export const AFTER_SALE_STATUS_LABELS: Readonly<Record<AfterSaleStatus, string>> = {
  pending: '待处理',
  approved: '已同意，退款中',
  refused: '已拒绝',
  refunded: '已退款',
};

/** Requests still in play: an order has at most one of these at a time. */
export const OPEN_AFTER_SALE_STATUSES: readonly AfterSaleStatus[] = ['pending', 'approved'];

/** The fixed reasons a shopper picks from (free text goes beside them). */
export const AFTER_SALE_REASONS = [
  'no_longer_needed',
  'not_received',
  'quality_issue',
  'damaged_in_transit',
  'wrong_item',
  'missing_parts',
  'not_as_described',
  'other',
] as const;
export type AfterSaleReason = (typeof AFTER_SALE_REASONS)[number];

export const AFTER_SALE_REASON_LABELS: Readonly<Record<AfterSaleReason, string>> = {
  no_longer_needed: '不想要了',
  not_received: '未收到货',
  quality_issue: '商品质量问题',
  damaged_in_transit: '运输途中损坏',
  wrong_item: '商家发错货',
  missing_parts: '少件 / 漏发',
  not_as_described: '与商品描述不符',
  other: '其他',
};

/** At most this many photos on one request (WeChat's chooseImage picks up to 9). */
export const MAX_AFTER_SALE_PHOTOS = 9;

/** Order states an after-sale may be requested from (ORDER_TRANSITIONS.request_after_sale). */
export function canRequestAfterSale(status: OrderStatus): boolean {
  return ORDER_TRANSITIONS.request_after_sale.from.includes(status);
}

/**
 * Whether a refunded after-sale puts the order's quantities back on sale: only when the goods
 * are in the warehouse. An order refunded before it shipped never left; a 退货退款 is approved
 * once the returned goods are back. A 仅退款 of a shipped or completed order leaves the goods
 * with the shopper, so its stock stays sold.
 *
 * @example afterSaleRestocks({ kind: 'refund_only', fromStatus: 'paid' })       // true
 * @example afterSaleRestocks({ kind: 'refund_only', fromStatus: 'shipped' })    // false
 * @example afterSaleRestocks({ kind: 'return_refund', fromStatus: 'completed' }) // true
 */
export function afterSaleRestocks(input: { kind: AfterSaleKind; fromStatus: OrderStatus }): boolean {
  return input.fromStatus === 'paid' || input.kind === 'return_refund';
}
