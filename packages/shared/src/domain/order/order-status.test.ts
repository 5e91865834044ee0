import { describe, expect, it } from 'vitest';
import { AUTO_CONFIRM_AFTER_MS, autoConfirmAt, orderCountdown, PAY_WINDOW_MS, payDeadlineAt } from './order-deadlines';
import {
  canApply,
  isFinalStatus,
  ORDER_ACTIONS,
  ORDER_STATUS_LABELS,
  ORDER_STATUSES,
  type OrderAction,
  type OrderStatus,
  shopperActions,
  statusAfter,
} from './order-status';

// The whole table, written out: a changed rule must change this test too.
const LEGAL: Record<OrderStatus, Partial<Record<OrderAction, OrderStatus>>> = {
  pending_payment: { pay: 'paid', cancel: 'cancelled' },
  paid: { ship: 'shipped', request_after_sale: 'after_sale', refund: 'refunded' },
  shipped: { confirm: 'completed', request_after_sale: 'after_sale' },
  completed: { request_after_sale: 'after_sale' },
  cancelled: { refund: 'refunded' },
  after_sale: { refund: 'refunded' },
  refunded: {},
};

describe('order status transitions', () => {
  for (const status of ORDER_STATUSES) {
    for (const action of ORDER_ACTIONS) {
      const expected = LEGAL[status][action] ?? null;
      it(`${status} --${action}--> ${expected ?? 'refused'}`, () => {
        expect(statusAfter(status, action)).toBe(expected);
        expect(canApply(status, action)).toBe(expected !== null);
      });
    }
  }

  it('labels every state in Chinese', () => {
    expect(ORDER_STATUSES.map((s) => ORDER_STATUS_LABELS[s])).toEqual([
      '待付款',
      '待发货',
      '待收货',
      '已完成',
      '已取消',
      '售后中',
      '已退款',
    ]);
  });

  it('knows which states are final and what a shopper may do', () => {
    expect(ORDER_STATUSES.filter(isFinalStatus)).toEqual(['cancelled', 'after_sale', 'refunded']);
    expect(shopperActions('pending_payment')).toEqual(['pay', 'cancel']);
    expect(shopperActions('paid')).toEqual(['request_after_sale']);
    expect(shopperActions('shipped')).toEqual(['confirm', 'request_after_sale']);
    expect(shopperActions('refunded')).toEqual([]);
  });
});

describe('order deadlines', () => {
  const placed = new Date('2026-06-01T04:00:00.000Z');

  it('gives 30 minutes to pay and 7 days to confirm', () => {
    expect(PAY_WINDOW_MS).toBe(1_800_000);
    expect(payDeadlineAt(placed).toISOString()).toBe('2026-06-01T04:30:00.000Z');
    expect(AUTO_CONFIRM_AFTER_MS).toBe(604_800_000);
    expect(autoConfirmAt(placed).toISOString()).toBe('2026-06-08T04:00:00.000Z');
  });

  it('counts down to payment while pending and to auto-confirm while shipped', () => {
    const pending = {
      status: 'pending_payment' as const,
      payDeadlineAt: '2026-06-01T04:30:00.000Z',
      autoConfirmAt: null,
    };
    expect(orderCountdown(pending, Date.parse('2026-06-01T04:10:30.000Z'))).toEqual({
      kind: 'pay',
      label: '剩余支付时间',
      parts: { days: 0, hours: 0, minutes: 19, seconds: 30, over: false },
    });
    expect(orderCountdown(pending, Date.parse('2026-06-01T05:00:00.000Z'))?.parts.over).toBe(true);

    const shipped = { status: 'shipped' as const, payDeadlineAt: null, autoConfirmAt: '2026-06-08T04:00:00.000Z' };
    expect(orderCountdown(shipped, Date.parse('2026-06-01T04:00:00.000Z'))).toMatchObject({
      kind: 'auto_confirm',
      parts: { days: 7, hours: 0 },
    });
    // A paid order has a deadline column from when it was pending; no countdown any more.
    expect(orderCountdown({ ...pending, status: 'paid' }, Date.parse('2026-06-01T04:10:00.000Z'))).toBeNull();
  });
});
