/**
 * 抽奖 lottery rules (docs/lottery.md): the prize pool, one draw, the draws a shopper has left
 * today and the odds shown to shoppers (概率公示). Pure: the random source and `now` are passed in.
 *
 * Probabilities are integer parts per million (ppm): 1_000_000 is 100%, 125_000 is 12.5%.
 * A pool's probabilities add up to at most 100%; the rest is 谢谢参与 (a miss).
 */

export const LOTTERY_PRIZE_KINDS = ['coupon', 'points', 'product'] as const;
export type LotteryPrizeKind = (typeof LOTTERY_PRIZE_KINDS)[number];

/** 100% in parts per million. */
export const LOTTERY_PPM_WHOLE = 1_000_000;

/**
 * The most one prize may be worth: ¥50,000. 《反不正当竞争法》 art. 10 forbids 抽奖式有奖销售
 * whose highest prize exceeds 50,000 yuan, so a pool with a dearer prize is refused on save.
 */
export const LOTTERY_MAX_PRIZE_VALUE_FEN = 5_000_000;

/** How many draws a day a lottery may grant by itself, and how many extra a shopper may earn a day. */
export const LOTTERY_MAX_DAILY_DRAWS = 20;
export const LOTTERY_MAX_EXTRA_DRAWS_PER_DAY = 50;

/** A prize as the operator saves it. */
export interface LotteryPrizeInput {
  kind: LotteryPrizeKind;
  title: string;
  probabilityPpm: number;
  stock: number;
  /** What the prize is worth to the shopper (its market value), for the legal cap. */
  valueFen: number;
  couponTemplateId?: string | null;
  points?: number | null;
  skuId?: string | null;
}

export type LotteryPoolProblemCode =
  | 'POOL_EMPTY'
  | 'KIND_UNKNOWN'
  | 'PROBABILITY_INVALID'
  | 'PROBABILITY_OVER_100'
  | 'STOCK_INVALID'
  | 'VALUE_INVALID'
  | 'VALUE_OVER_LEGAL_LIMIT'
  | 'PRIZE_TARGET_MISSING'
  | 'DAILY_DRAWS_INVALID'
  | 'WINDOW_INVALID'
  /** Checked by the API against its tables: a campaign, template or SKU that does not exist. */
  | 'REFERENCE_UNKNOWN'
  /** Checked by the API: the lottery or a prize id is taken, or repeated in the pool. */
  | 'ID_TAKEN'
  /** The title or a prize's name breaks the compliance rules (checkCompliance). */
  | 'COPY_NOT_COMPLIANT';

export interface LotteryPoolProblem {
  code: LotteryPoolProblemCode;
  /** Index of the prize the problem is about; absent for the pool as a whole. */
  prizeIndex?: number;
  /** The reason in Chinese, for the operator. */
  message: string;
}

export type LotteryPoolCheck = { ok: true } | { ok: false; problems: LotteryPoolProblem[] };

function isCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

function targetProblem(prize: LotteryPrizeInput): string | null {
  if (prize.kind === 'coupon' && !prize.couponTemplateId) return '优惠券奖品需要指定券模板';
  if (prize.kind === 'points' && !(Number.isSafeInteger(prize.points) && (prize.points ?? 0) > 0))
    return '积分奖品需要正整数积分';
  if (prize.kind === 'product' && !prize.skuId) return '实物奖品需要指定商品规格';
  return null;
}

/**
 * Checks a prize pool before it is saved, and says every reason it is refused: at least one
 * prize; each of a known kind with its target (coupon template, points, SKU); probabilities
 * whole ppm in 0..100% adding up to at most 100%; stock a whole number >= 0; no prize worth
 * more than ¥50,000 (LOTTERY_MAX_PRIZE_VALUE_FEN).
 *
 * @example validateLotteryPool([{ kind: 'points', title: '10积分', probabilityPpm: 500_000, stock: 100, valueFen: 10, points: 10 }]) // { ok: true }
 */
export function validateLotteryPool(prizes: readonly LotteryPrizeInput[]): LotteryPoolCheck {
  const problems: LotteryPoolProblem[] = [];
  if (prizes.length === 0) problems.push({ code: 'POOL_EMPTY', message: '奖池至少需要一个奖品' });
  let totalPpm = 0;
  prizes.forEach((prize, prizeIndex) => {
    if (!(LOTTERY_PRIZE_KINDS as readonly string[]).includes(prize.kind)) {
      problems.push({ code: 'KIND_UNKNOWN', prizeIndex, message: '奖品类型只能是优惠券、积分或实物' });
    } else {
      const target = targetProblem(prize);
      if (target) problems.push({ code: 'PRIZE_TARGET_MISSING', prizeIndex, message: target });
    }
    if (!isCount(prize.probabilityPpm) || prize.probabilityPpm > LOTTERY_PPM_WHOLE) {
      problems.push({ code: 'PROBABILITY_INVALID', prizeIndex, message: '中奖概率须在 0% 到 100% 之间' });
    } else {
      totalPpm += prize.probabilityPpm;
    }
    if (!isCount(prize.stock)) problems.push({ code: 'STOCK_INVALID', prizeIndex, message: '奖品库存须为非负整数' });
    if (!isCount(prize.valueFen)) {
      problems.push({ code: 'VALUE_INVALID', prizeIndex, message: '奖品价值须为非负整数（分）' });
    } else if (prize.valueFen > LOTTERY_MAX_PRIZE_VALUE_FEN) {
      problems.push({
        code: 'VALUE_OVER_LEGAL_LIMIT',
        prizeIndex,
        message: '抽奖式有奖销售最高奖的金额不得超过五万元（《反不正当竞争法》第十条）',
      });
    }
  });
  if (totalPpm > LOTTERY_PPM_WHOLE)
    problems.push({ code: 'PROBABILITY_OVER_100', message: '各奖品中奖概率之和不得超过 100%' });
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

/** A lottery's own settings as the operator saves them. */
export interface LotterySettingsInput {
  dailyDraws: number;
  maxExtraDrawsPerDay: number;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Checks the settings beside the pool: 1..20 draws a day, 0..50 extra a day, a window that
 * ends after it starts. Same problem shape as validateLotteryPool.
 */
export function lotterySettingsProblems(input: LotterySettingsInput): LotteryPoolProblem[] {
  const problems: LotteryPoolProblem[] = [];
  if (!isCount(input.dailyDraws) || input.dailyDraws < 1 || input.dailyDraws > LOTTERY_MAX_DAILY_DRAWS)
    problems.push({ code: 'DAILY_DRAWS_INVALID', message: `每日抽奖次数须在 1 到 ${LOTTERY_MAX_DAILY_DRAWS} 之间` });
  if (!isCount(input.maxExtraDrawsPerDay) || input.maxExtraDrawsPerDay > LOTTERY_MAX_EXTRA_DRAWS_PER_DAY)
    problems.push({
      code: 'DAILY_DRAWS_INVALID',
      message: `每日额外抽奖次数须在 0 到 ${LOTTERY_MAX_EXTRA_DRAWS_PER_DAY} 之间`,
    });
  if (!(input.endsAt.getTime() > input.startsAt.getTime()))
    problems.push({ code: 'WINDOW_INVALID', message: '结束时间须晚于开始时间' });
  return problems;
}

/** A prize as a draw sees it: its odds and how many are left. */
export interface DrawablePrize {
  probabilityPpm: number;
  /** Units left to award (stock - awarded); 0 or less: this prize's slice is a miss. */
  stockLeft: number;
}

export type DrawOutcome<P extends DrawablePrize> =
  | { outcome: 'won'; prize: P }
  /** The roll fell on a prize with nothing left: a miss, never re-rolled onto another prize. */
  | { outcome: 'miss'; reason: 'out_of_stock'; prize: P }
  /** The roll fell past every prize: 谢谢参与. */
  | { outcome: 'miss'; reason: 'no_prize' };

/** The roll a random number in [0, 1) makes: a whole ppm in [0, 1_000_000). */
export function lotteryRoll(random: () => number): number {
  const r = random();
  if (!(r >= 0 && r < 1)) throw new RangeError(`random() must be in [0, 1), got ${r}`);
  return Math.min(LOTTERY_PPM_WHOLE - 1, Math.floor(r * LOTTERY_PPM_WHOLE));
}

/**
 * One draw: the roll picks the prize whose slice of [0, 100%) contains it, prizes laid out
 * in the pool's order by cumulative probability. A prize with no stock left keeps its slice
 * and that slice is a miss: re-rolling onto the other prizes would make them likelier than
 * the odds shown. Past the last slice: a miss (谢谢参与).
 *
 * @example drawPrize([{ probabilityPpm: 250_000, stockLeft: 1 }], () => 0.1) // { outcome: 'won', prize: … }
 */
export function drawPrize<P extends DrawablePrize>(pool: readonly P[], random: () => number): DrawOutcome<P> {
  const roll = lotteryRoll(random);
  let upper = 0;
  for (const prize of pool) {
    upper += prize.probabilityPpm;
    if (roll < upper) {
      return prize.stockLeft > 0 ? { outcome: 'won', prize } : { outcome: 'miss', reason: 'out_of_stock', prize };
    }
  }
  return { outcome: 'miss', reason: 'no_prize' };
}

/** What a shopper may still draw today. */
export interface DrawAllowanceInput {
  /** The lottery's draws per shopper per day. */
  dailyDraws: number;
  /** Extra draws earned today (a friend signed up or ordered). */
  extraToday: number;
  /** At most this many extra draws count per day. */
  maxExtraPerDay: number;
  /** Draws already made today. */
  drawnToday: number;
}

/**
 * Draws left today: the daily base plus the extra draws earned today (capped), minus the
 * draws made today; never below zero.
 *
 * @example drawsLeftToday({ dailyDraws: 3, extraToday: 2, maxExtraPerDay: 1, drawnToday: 2 }) // 2
 */
export function drawsLeftToday(input: DrawAllowanceInput): number {
  const allowance = input.dailyDraws + Math.min(Math.max(0, input.extraToday), input.maxExtraPerDay);
  return Math.max(0, allowance - input.drawnToday);
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/**
 * The calendar day in Asia/Shanghai (fixed +08:00, no DST) as 'YYYY-MM-DD': daily draws
 * start again at midnight Beijing time, whatever the server's zone.
 *
 * @example shanghaiDay(new Date('2026-12-06T16:00:00Z')) // '2026-12-07'
 */
export function shanghaiDay(now: Date): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * A probability as the percentage shown to shoppers, exact (1 ppm = 0.0001%), trailing
 * zeros dropped.
 *
 * @example oddsPercent(125_000) // '12.5%'
 * @example oddsPercent(1) // '0.0001%'
 */
export function oddsPercent(ppm: number): string {
  if (!isCount(ppm) || ppm > LOTTERY_PPM_WHOLE) throw new RangeError(`not a probability in ppm: ${ppm}`);
  const whole = Math.floor(ppm / 10_000);
  const fraction = String(ppm % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return fraction === '' ? `${whole}%` : `${whole}.${fraction}%`;
}

export interface LotteryOddsLine {
  /** The prize's index in the pool, or null for 谢谢参与. */
  prizeIndex: number | null;
  probabilityPpm: number;
  percent: string;
}

/**
 * 概率公示: every prize's odds and the miss (谢谢参与) that makes up the rest, so the shown
 * lines always add up to exactly 100%.
 */
export function lotteryOdds(pool: readonly Pick<DrawablePrize, 'probabilityPpm'>[]): LotteryOddsLine[] {
  const lines: LotteryOddsLine[] = pool.map((prize, prizeIndex) => ({
    prizeIndex,
    probabilityPpm: prize.probabilityPpm,
    percent: oddsPercent(prize.probabilityPpm),
  }));
  const missPpm = LOTTERY_PPM_WHOLE - pool.reduce((sum, prize) => sum + prize.probabilityPpm, 0);
  if (missPpm < 0) throw new RangeError('probabilities add up to more than 100%');
  lines.push({ prizeIndex: null, probabilityPpm: missPpm, percent: oddsPercent(missPpm) });
  return lines;
}
