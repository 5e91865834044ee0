import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkWithdrawal,
  commissionSettled,
  commissionState,
  DEFAULT_COMMISSION_SETTLE_DAYS,
  WITHDRAWAL_MAX_FEN,
  WITHDRAWAL_MIN_FEN,
  withdrawableFen,
  withdrawalOutBillNo,
} from './settlement';

const SEED = 20261206;
const DAY_MS = 24 * 3600 * 1000;
const NOW = new Date('2026-12-06T10:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe('settlement window', () => {
  it.each([
    ['paid, not completed', 'paid', null, false],
    ['completed just now', 'completed', ago(0), false],
    ['completed 7 days minus 1 ms ago', 'completed', ago(7 * DAY_MS - 1), false],
    ['completed exactly 7 days ago', 'completed', ago(7 * DAY_MS), true],
    ['completed 30 days ago', 'completed', ago(30 * DAY_MS), true],
    ['refunded after completion', 'refunded', ago(30 * DAY_MS), false],
  ] as const)('%s → settled %s', (_name, status, completedAt, settled) => {
    expect(commissionSettled({ status, completedAt }, DEFAULT_COMMISSION_SETTLE_DAYS, NOW)).toBe(settled);
  });

  it('a window of 0 days settles at completion; reversed wins over everything', () => {
    expect(commissionSettled({ status: 'completed', completedAt: NOW }, 0, NOW)).toBe(true);
    expect(commissionState({ reversed: true, orderStatus: 'completed', completedAt: ago(30 * DAY_MS) }, 7, NOW)).toBe(
      'reversed',
    );
    expect(commissionState({ reversed: false, orderStatus: 'completed', completedAt: ago(DAY_MS) }, 7, NOW)).toBe(
      'pending',
    );
  });
});

describe('withdrawals', () => {
  it.each([
    [99, 10_000, 'WITHDRAWAL_BELOW_MINIMUM'],
    [100.5, 10_000, 'WITHDRAWAL_BELOW_MINIMUM'],
    [Number.NaN, 10_000, 'WITHDRAWAL_BELOW_MINIMUM'],
    [WITHDRAWAL_MIN_FEN, 100, null],
    [101, 100, 'WITHDRAWAL_OVER_BALANCE'],
    [WITHDRAWAL_MAX_FEN, 10_000_000, null],
    [WITHDRAWAL_MAX_FEN + 1, 10_000_000, 'WITHDRAWAL_ABOVE_LIMIT'],
  ])('%s fen from %s available → %s', (amount, available, refused) => {
    const check = checkWithdrawal(amount, available);
    expect('refused' in check ? check.refused : null).toBe(refused);
  });

  it('the withdrawable balance is never negative and never more than what settled', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 10_000_000 }), fc.nat(10_000_000), (settledFen, heldFen) => {
        const free = withdrawableFen({ settledFen, heldFen });
        expect(free).toBeGreaterThanOrEqual(0);
        expect(free).toBeLessThanOrEqual(Math.max(0, settledFen));
        expect(Number.isSafeInteger(free)).toBe(true);
        // Whatever checkWithdrawal accepts fits in it.
        const amount = Math.min(free, WITHDRAWAL_MAX_FEN);
        if (amount >= WITHDRAWAL_MIN_FEN) expect(checkWithdrawal(amount, free)).toEqual({ ok: true });
        expect('refused' in checkWithdrawal(free + 1, free)).toBe(true);
      }),
      { seed: SEED },
    );
  });

  it("out_bill_no is WeChat's shape (digits and letters, at most 32) and fixed per withdrawal", () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        const no = withdrawalOutBillNo(id);
        expect(no).toMatch(/^[0-9A-Za-z]{1,32}$/);
        expect(withdrawalOutBillNo(id)).toBe(no);
      }),
      { seed: SEED },
    );
  });
});
