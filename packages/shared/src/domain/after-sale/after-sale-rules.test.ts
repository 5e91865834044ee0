import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES } from '../order/order-status';
import {
  AFTER_SALE_REASON_LABELS,
  AFTER_SALE_REASONS,
  afterSaleRestocks,
  canRequestAfterSale,
} from './after-sale-rules';

describe('after-sale rules', () => {
  it('may be requested from 待发货, 待收货 and 已完成 only', () => {
    expect(ORDER_STATUSES.filter(canRequestAfterSale)).toEqual(['paid', 'shipped', 'completed']);
  });

  it.each([
    ['refund_only', 'paid', true],
    ['return_refund', 'paid', true],
    ['refund_only', 'shipped', false],
    ['refund_only', 'completed', false],
    ['return_refund', 'shipped', true],
    ['return_refund', 'completed', true],
  ] as const)('%s from %s restocks: %s', (kind, fromStatus, restocks) => {
    expect(afterSaleRestocks({ kind, fromStatus })).toBe(restocks);
  });

  it('labels every reason', () => {
    for (const reason of AFTER_SALE_REASONS) expect(AFTER_SALE_REASON_LABELS[reason].length).toBeGreaterThan(0);
  });
});
