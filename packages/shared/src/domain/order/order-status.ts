/**
 * An order's life (ARCHITECTURE.md "Deadlines and jobs"):
 *
 *   pending_payment 待付款 ──pay──▶ paid 待发货 ──ship──▶ shipped 待收货 ──confirm──▶ completed 已完成
 *         │                          │                     │                          │
 *       cancel                 request_after_sale ─────────┴──────────────────────────┘
 *         ▼                          ▼
 *   cancelled 已取消            after_sale 售后中 ──refund──▶ refunded 已退款
 *
 * `refund` also applies to a paid order (refunded in full before shipping) and to a
 * cancelled one (a payment that arrived after the order was cancelled is refunded).
 * The API turns each action into one conditional update (`... WHERE status IN (from)`), so a
 * transition happens at most once however many requests or instances race for it.
 */
export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'shipped',
  'completed',
  'cancelled',
  'after_sale',
  'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** What a shopper reads for each state (the mall's tabs and badges). */
export const ORDER_STATUS_LABELS: Readonly<Record<OrderStatus, string>> = {
  pending_payment: '待付款',
  paid: '待发货',
  shipped: '待收货',
  completed: '已完成',
  cancelled: '已取消',
  after_sale: '售后中',
  refunded: '已退款',
};

export const ORDER_ACTIONS = ['pay', 'cancel', 'ship', 'confirm', 'request_after_sale', 'refund'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/** Each action: the states it may start from and the one it leads to. */
export const ORDER_TRANSITIONS: Readonly<Record<OrderAction, { from: readonly OrderStatus[]; to: OrderStatus }>> = {
  pay: { from: ['pending_payment'], to: 'paid' },
  /** By the shopper, or by the deadline job once the pay window is over. */
  cancel: { from: ['pending_payment'], to: 'cancelled' },
  ship: { from: ['paid'], to: 'shipped' },
  /** By the shopper (确认收货), or by the deadline job 7 days after shipping. */
  confirm: { from: ['shipped'], to: 'completed' },
  request_after_sale: { from: ['paid', 'shipped', 'completed'], to: 'after_sale' },
  refund: { from: ['after_sale', 'paid', 'cancelled'], to: 'refunded' },
};

/** Whether `action` may be applied to an order in `status`. */
export function canApply(status: OrderStatus, action: OrderAction): boolean {
  return ORDER_TRANSITIONS[action].from.includes(status);
}

/**
 * The state after `action`, or null when the action is not allowed from `status`.
 *
 * @example statusAfter('pending_payment', 'pay') // 'paid'
 * @example statusAfter('cancelled', 'pay')       // null
 */
export function statusAfter(status: OrderStatus, action: OrderAction): OrderStatus | null {
  return canApply(status, action) ? ORDER_TRANSITIONS[action].to : null;
}

/** States no action leads out of except a refund: nothing more happens to the order. */
export function isFinalStatus(status: OrderStatus): boolean {
  return ORDER_ACTIONS.every((action) => action === 'refund' || !canApply(status, action));
}

/** The buttons a shopper sees on an order (the operator's `ship` and the payment system's `refund` are not theirs). */
export function shopperActions(status: OrderStatus): OrderAction[] {
  return (['pay', 'cancel', 'confirm', 'request_after_sale'] as const).filter((action) => canApply(status, action));
}
