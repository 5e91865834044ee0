/**
 * 分销 settlement and withdrawals (提现), pure rules (docs/distribution.md).
 *
 * An accrual is frozen (pending) until its order is completed (确认收货) AND the after-sale
 * window after completion has passed, as Chinese platforms do (7 days by default, setting
 * COMMISSION_SETTLE_DAYS); it is available after that, and reversed once a reversal exists.
 */

/** Days after completion before commission can be withdrawn (COMMISSION_SETTLE_DAYS default). */
export const DEFAULT_COMMISSION_SETTLE_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;

/** ¥1: the smallest withdrawal. */
export const WITHDRAWAL_MIN_FEN = 100;
/**
 * WeChat Pay's 商家转账 needs the payee's real name (user_name, encrypted) from ¥2,000 up.
 * The shop does not collect real names, so one withdrawal stays below that line.
 */
export const WITHDRAWAL_MAX_FEN = 199_999;

export type CommissionState = 'pending' | 'available' | 'reversed';

/** When commission of an order completed at `completedAt` becomes available. */
export function settlesAt(completedAt: Date, settleDays: number): Date {
  return new Date(completedAt.getTime() + settleDays * DAY_MS);
}

/** Settled: completed, and the window has passed (at the exact instant it ends, it has). */
export function commissionSettled(
  order: { status: string; completedAt: Date | null },
  settleDays: number,
  now: Date,
): boolean {
  if (order.status !== 'completed' || order.completedAt === null) return false;
  return settlesAt(order.completedAt, settleDays).getTime() <= now.getTime();
}

/** An accrual's state: reversed wins, then settled → available, else pending (frozen). */
export function commissionState(
  accrual: { reversed: boolean; orderStatus: string; completedAt: Date | null },
  settleDays: number,
  now: Date,
): CommissionState {
  if (accrual.reversed) return 'reversed';
  return commissionSettled({ status: accrual.orderStatus, completedAt: accrual.completedAt }, settleDays, now)
    ? 'available'
    : 'pending';
}

/**
 * What may be withdrawn now: settled commission minus every withdrawal that is not failed
 * or rejected (requested, approved, transferring, succeeded). Never negative: a refund of a
 * settled order after its money was withdrawn leaves 0, not a debt.
 */
export function withdrawableFen(input: { settledFen: number; heldFen: number }): number {
  return Math.max(0, input.settledFen - input.heldFen);
}

export type WithdrawalRefusal = 'WITHDRAWAL_BELOW_MINIMUM' | 'WITHDRAWAL_ABOVE_LIMIT' | 'WITHDRAWAL_OVER_BALANCE';

/** Whether `amountFen` may be withdrawn from `availableFen`; the first rule it breaks. */
export function checkWithdrawal(
  amountFen: number,
  availableFen: number,
): { ok: true } | { refused: WithdrawalRefusal } {
  if (!Number.isSafeInteger(amountFen) || amountFen < WITHDRAWAL_MIN_FEN)
    return { refused: 'WITHDRAWAL_BELOW_MINIMUM' };
  if (amountFen > WITHDRAWAL_MAX_FEN) return { refused: 'WITHDRAWAL_ABOVE_LIMIT' };
  if (amountFen > availableFen) return { refused: 'WITHDRAWAL_OVER_BALANCE' };
  return { ok: true };
}

/**
 * The withdrawal's 商户单号 (out_bill_no), fixed at request time: WeChat allows digits and
 * letters only, at most 32; the uuid without dashes is exactly 32. Sending the same number
 * again is the same transfer on WeChat's side, so a retry can never pay twice.
 */
export function withdrawalOutBillNo(withdrawalId: string): string {
  return `W${withdrawalId.replace(/-/g, '').slice(0, 31)}`;
}
