/**
 * Money is an integer number of fen (分, 1/100 yuan). Nothing in WeMatrix stores or
 * computes yuan as a float: format only at the edge, parse user input once.
 */

/** Largest amount we accept anywhere: ¥10,000,000.00. Keeps sums far from 2^53. */
export const MAX_FEN = 1_000_000_000;

export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyError';
  }
}

/** True when `value` is a whole, non-negative number of fen within MAX_FEN. */
export function isFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_FEN;
}

/** Throws unless `value` is a valid fen amount. `assertFen(1990)` passes, `assertFen(19.9)` throws. */
export function assertFen(value: unknown, label = 'amount'): asserts value is number {
  if (!isFen(value)) {
    throw new MoneyError(`${label} must be a whole number of fen between 0 and ${MAX_FEN}, got ${String(value)}`);
  }
}

export interface FormatFenOptions {
  /** Prefix with the yuan sign. Default true. */
  symbol?: boolean;
  /** Drop ".00" for whole yuan (¥19 instead of ¥19.00). Default false. */
  trimZeros?: boolean;
}

/** `formatFen(1990)` -> "¥19.90"; `formatFen(1900, { trimZeros: true })` -> "¥19". */
export function formatFen(fen: number, options: FormatFenOptions = {}): string {
  const { symbol = true, trimZeros = false } = options;
  if (!Number.isSafeInteger(fen)) throw new MoneyError(`not an integer fen amount: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  const yuanText = yuan.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const centsText = trimZeros && cents === 0 ? '' : `.${cents.toString().padStart(2, '0')}`;
  return `${sign}${symbol ? '¥' : ''}${yuanText}${centsText}`;
}

/** Splits a fen amount into its yuan and fen parts for big/small price typography. */
export function splitFen(fen: number): { yuan: string; cents: string } {
  const text = formatFen(fen, { symbol: false });
  const [yuan = '0', cents = '00'] = text.split('.');
  return { yuan, cents };
}

/**
 * Parses a yuan amount typed by a person ("19.9", "¥1,299.00", "20") into fen without
 * floating point: the string is split at the decimal point. More than two decimals is an
 * error rather than a silent rounding.
 */
export function parseYuanToFen(input: string): number {
  const cleaned = input.trim().replace(/^¥/, '').replace(/,/g, '');
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) throw new MoneyError(`not a yuan amount: "${input}"`);
  const yuan = Number(match[1]);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  const fen = yuan * 100 + cents;
  assertFen(fen);
  return fen;
}

/**
 * Splits `totalFen` into parts proportional to `weights` so the parts add back to the
 * total exactly (largest-remainder method; ties go to the earlier weight). Used for
 * coupons spread over lines, partial refunds and commission splits.
 * `allocateFen(100, [1, 1, 1])` -> [34, 33, 33].
 */
export function allocateFen(totalFen: number, weights: readonly number[]): number[] {
  assertFen(totalFen, 'total');
  if (weights.length === 0) throw new MoneyError('allocateFen needs at least one weight');
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new MoneyError(`weights must be non-negative integers, got ${w}`);
  }
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum === 0) throw new MoneyError('allocateFen needs a positive weight');
  // BigInt keeps total * weight exact even for large weights.
  const total = BigInt(totalFen);
  const sum = BigInt(weightSum);
  const parts = weights.map((w) => (total * BigInt(w)) / sum);
  const remainders = weights.map((w, index) => ({ index, rem: (total * BigInt(w)) % sum }));
  let left = totalFen - parts.reduce((a, b) => a + Number(b), 0);
  remainders.sort((a, b) => (a.rem === b.rem ? a.index - b.index : a.rem > b.rem ? -1 : 1));
  const result = parts.map(Number);
  for (const { index } of remainders) {
    if (left === 0) break;
    result[index] = (result[index] ?? 0) + 1;
    left -= 1;
  }
  return result;
}

/** Sum of fen amounts, checked. */
export function sumFen(amounts: readonly number[]): number {
  const total = amounts.reduce((a, b) => a + b, 0);
  assertFen(total, 'sum');
  return total;
}
