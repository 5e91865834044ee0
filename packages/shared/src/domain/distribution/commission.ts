import { allocateFen, assertFen } from '../../money/fen';

/**
 * 分销 commission, the legal version (docs/distribution.md). China's 《禁止传销条例》 treats
 * pay that depends on recruiting people in more than three tiers as 传销, so commission goes
 * to at most two people above the buyer: the promoter who brought the buyer (level 1) and
 * the person who brought that promoter (level 2). Rates are basis points of what the buyer
 * actually paid for a line, inside 8%–15%.
 */

/** 8%: the lowest commission rate, in basis points of the paid amount. */
export const MIN_COMMISSION_RATE_BP = 800;
/** 15%: the highest. */
export const MAX_COMMISSION_RATE_BP = 1500;
/** Levels of commission above the buyer; a third is refused, never silently dropped. */
export const MAX_COMMISSION_LEVELS = 2;
/**
 * How one line's commission is split between level 1 and level 2 (weights for allocateFen).
 * Two entries exactly: validateLevelSplit refuses more.
 */
export const DEFAULT_LEVEL_SPLIT: readonly [number, number] = [70, 30];

export type CommissionLevel = 1 | 2;

export type RuleCheck = { ok: true } | { ok: false; reason: string; reasonEn: string };

/** A rate an operator may configure (per product or the default), or the reason it may not. */
export function validateCommissionRate(rateBp: unknown): RuleCheck {
  if (typeof rateBp !== 'number' || !Number.isSafeInteger(rateBp)) {
    return { ok: false, reason: '佣金比例须为整数基点', reasonEn: 'The rate must be a whole number of basis points' };
  }
  if (rateBp < MIN_COMMISSION_RATE_BP || rateBp > MAX_COMMISSION_RATE_BP) {
    return {
      ok: false,
      reason: `佣金比例须在 8%–15% 之间（收到 ${rateBp / 100}%）`,
      reasonEn: `The commission rate must be between 8% and 15% (800–1500 bp), got ${rateBp} bp`,
    };
  }
  return { ok: true };
}

/**
 * A split of commission over levels: at most two levels (a third counts as multi-level
 * marketing), whole non-negative weights, level 1 weighted.
 */
export function validateLevelSplit(weights: readonly number[]): RuleCheck {
  if (weights.length > MAX_COMMISSION_LEVELS) {
    return {
      ok: false,
      reason: '分销最多两级：三级及以上按《禁止传销条例》属于传销',
      reasonEn: 'Distribution has at most two levels: a third counts as pyramid selling under Chinese law',
    };
  }
  if (weights.length === 0 || weights.some((w) => !Number.isSafeInteger(w) || w < 0) || !((weights[0] ?? 0) > 0)) {
    return {
      ok: false,
      reason: '分佣比例无效',
      reasonEn: 'Level weights must be whole, non-negative, level 1 above 0',
    };
  }
  return { ok: true };
}

export interface CommissionLine {
  /** What the buyer paid for the line after coupon and points shares (order_lines.pay_fen). */
  payFen: number;
  /** The line's rate in basis points (validated: 800–1500). */
  rateBp: number;
}

export interface CommissionShare {
  level: CommissionLevel;
  promoterId: string;
  amountFen: number;
}

/** Floor of payFen × rate: commission never rounds up past the configured share. */
export function lineCommissionFen(line: CommissionLine): number {
  assertFen(line.payFen, 'payFen');
  const check = validateCommissionRate(line.rateBp);
  if (!check.ok) throw new RangeError(check.reasonEn);
  return Math.floor((line.payFen * line.rateBp) / 10_000);
}

/**
 * Per-level commission of one paid order. `chain` is the buyer's promoters nearest first
 * (level 1, then level 2, ...): only the first two are ever paid, whatever the chain holds.
 * The order's pool (sum of each line's floor) is split by `split` with allocateFen, so the
 * levels add up to the pool exactly; a missing level 2 leaves its part unpaid rather than
 * handing it to level 1. Shares of 0 fen are left out.
 */
export function commissionFor(
  lines: readonly CommissionLine[],
  chain: readonly string[],
  split: readonly number[] = DEFAULT_LEVEL_SPLIT,
): CommissionShare[] {
  const splitCheck = validateLevelSplit(split);
  if (!splitCheck.ok) throw new RangeError(splitCheck.reasonEn);
  const pool = lines.reduce((sum, line) => sum + lineCommissionFen(line), 0);
  const weights = [split[0] ?? 0, split[1] ?? 0];
  const parts = weights[1] === 0 ? [pool, 0] : allocateFen(pool, weights);
  const shares: CommissionShare[] = [];
  chain.slice(0, MAX_COMMISSION_LEVELS).forEach((promoterId, index) => {
    const amountFen = parts[index] ?? 0;
    if (amountFen > 0) shares.push({ level: (index + 1) as CommissionLevel, promoterId, amountFen });
  });
  return shares;
}

/** The reversal of accrued shares on a refund: the same amounts, level for level, once each. */
export function reversalOf(accrued: readonly CommissionShare[]): CommissionShare[] {
  return accrued.map((share) => ({ ...share }));
}
