import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DrawablePrize,
  drawPrize,
  drawsLeftToday,
  LOTTERY_MAX_PRIZE_VALUE_FEN,
  LOTTERY_PPM_WHOLE,
  type LotteryPrizeInput,
  lotteryOdds,
  lotteryRoll,
  lotterySettingsProblems,
  oddsPercent,
  shanghaiDay,
  validateLotteryPool,
} from './lottery-rules';

const SEED = 20261206;

/** mulberry32: a small seeded generator, so frequency tests give the same numbers every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const points = (overrides: Partial<LotteryPrizeInput> = {}): LotteryPrizeInput => ({
  kind: 'points',
  title: '10 积分',
  probabilityPpm: 100_000,
  stock: 10,
  valueFen: 10,
  points: 10,
  ...overrides,
});

describe('validateLotteryPool', () => {
  it.each([
    ['one points prize', [points()], []],
    ['100% exactly', [points({ probabilityPpm: 600_000 }), points({ probabilityPpm: 400_000 })], []],
    [
      'a coupon and a product',
      [
        { kind: 'coupon', title: '满99减20', probabilityPpm: 1, stock: 0, valueFen: 2000, couponTemplateId: 't' },
        {
          kind: 'product',
          title: '香薰蜡烛',
          probabilityPpm: 0,
          stock: 5,
          valueFen: LOTTERY_MAX_PRIZE_VALUE_FEN,
          skuId: 's',
        },
      ],
      [],
    ],
    ['an empty pool', [], ['POOL_EMPTY']],
    ['over 100%', [points({ probabilityPpm: 600_000 }), points({ probabilityPpm: 400_001 })], ['PROBABILITY_OVER_100']],
    ['a negative probability', [points({ probabilityPpm: -1 })], ['PROBABILITY_INVALID']],
    ['a fractional probability', [points({ probabilityPpm: 0.5 })], ['PROBABILITY_INVALID']],
    ['one prize over 100%', [points({ probabilityPpm: 1_000_001 })], ['PROBABILITY_INVALID']],
    ['negative stock', [points({ stock: -1 })], ['STOCK_INVALID']],
    ['a prize over ¥50,000', [points({ valueFen: LOTTERY_MAX_PRIZE_VALUE_FEN + 1 })], ['VALUE_OVER_LEGAL_LIMIT']],
    ['a fractional value', [points({ valueFen: 1.5 })], ['VALUE_INVALID']],
    ['points without points', [points({ points: null })], ['PRIZE_TARGET_MISSING']],
    ['a coupon without template', [points({ kind: 'coupon' })], ['PRIZE_TARGET_MISSING']],
    ['a product without SKU', [points({ kind: 'product' })], ['PRIZE_TARGET_MISSING']],
    ['an unknown kind', [points({ kind: 'cash' as never })], ['KIND_UNKNOWN']],
  ] as const)('%s: %j', (_name, prizes, codes) => {
    const check = validateLotteryPool(prizes as readonly LotteryPrizeInput[]);
    expect(check.ok ? [] : check.problems.map((p) => p.code)).toEqual(codes);
    if (!check.ok) for (const problem of check.problems) expect(problem.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('accepts any pool of valid prizes adding up to at most 100%, refuses any over', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(LOTTERY_PPM_WHOLE), { minLength: 1, maxLength: 8 }), fc.nat(1000), (ppms, stock) => {
        const pool = ppms.map((probabilityPpm) => points({ probabilityPpm, stock }));
        const total = ppms.reduce((a, b) => a + b, 0);
        expect(validateLotteryPool(pool).ok).toBe(total <= LOTTERY_PPM_WHOLE);
      }),
      { seed: SEED },
    );
  });
});

describe('drawPrize', () => {
  const pool = [
    { id: 'a', probabilityPpm: 100_000, stockLeft: 1 },
    { id: 'b', probabilityPpm: 250_000, stockLeft: 0 },
    { id: 'c', probabilityPpm: 150_000, stockLeft: 5 },
  ];
  it.each([
    [0, 'won', 'a'],
    [0.099_999, 'won', 'a'],
    [0.1, 'miss', 'b'],
    [0.349_999, 'miss', 'b'],
    [0.35, 'won', 'c'],
    [0.499_999, 'won', 'c'],
    [0.5, 'miss', null],
    [0.999_999_999, 'miss', null],
  ] as const)('random %d -> %s %s', (r, outcome, id) => {
    const result = drawPrize(pool, () => r);
    expect(result.outcome).toBe(outcome);
    expect('prize' in result ? result.prize.id : null).toBe(id);
    if (result.outcome === 'miss') expect(result.reason).toBe(id === null ? 'no_prize' : 'out_of_stock');
  });

  it.each([-0.1, 1, Number.NaN])('refuses a random source outside [0, 1): %d', (r) => {
    expect(() => drawPrize(pool, () => r)).toThrow(RangeError);
  });

  it('an out-of-stock slice is a miss, never re-rolled onto another prize (the roll alone decides)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ probabilityPpm: fc.nat(200_000), stockLeft: fc.integer({ min: -1, max: 3 }) }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (prizes, r) => {
          const roll = lotteryRoll(() => r);
          const result = drawPrize(prizes, () => r);
          let lower = 0;
          const hit = prizes.findIndex((p) => {
            const inside = roll >= lower && roll < lower + p.probabilityPpm;
            lower += p.probabilityPpm;
            return inside;
          });
          if (hit === -1) expect(result).toEqual({ outcome: 'miss', reason: 'no_prize' });
          else {
            const prize = prizes[hit] as DrawablePrize;
            expect('prize' in result && result.prize).toBe(prize);
            expect(result.outcome).toBe(prize.stockLeft > 0 ? 'won' : 'miss');
          }
        },
      ),
      { seed: SEED },
    );
  });

  it('over 200,000 seeded draws, frequencies match the stated odds (chi-square, 5 df, p = 0.001)', () => {
    const prizes = [
      { id: 'first', probabilityPpm: 10_000, stockLeft: 1e9 },
      { id: 'second', probabilityPpm: 50_000, stockLeft: 1e9 },
      { id: 'third', probabilityPpm: 150_000, stockLeft: 1e9 },
      { id: 'fourth', probabilityPpm: 250_000, stockLeft: 1e9 },
      { id: 'out', probabilityPpm: 40_000, stockLeft: 0 },
    ];
    const random = seededRandom(SEED);
    const n = 200_000;
    const counts = new Map<string, number>();
    for (let i = 0; i < n; i += 1) {
      const result = drawPrize(prizes, random);
      const key = result.outcome === 'won' ? result.prize.id : result.reason === 'out_of_stock' ? 'out' : 'miss';
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const expected = lotteryOdds(prizes).map((line) => ({
      key: line.prizeIndex === null ? 'miss' : (prizes[line.prizeIndex]?.id as string),
      count: (n * line.probabilityPpm) / LOTTERY_PPM_WHOLE,
    }));
    const chiSquare = expected.reduce((sum, e) => sum + ((counts.get(e.key) ?? 0) - e.count) ** 2 / e.count, 0);
    // 6 outcomes, 5 degrees of freedom: the 0.999 quantile is 20.515.
    expect(chiSquare, `chi-square ${chiSquare.toFixed(2)} at seed ${SEED}`).toBeLessThan(20.515);
  });

  it('for any pool, frequencies over many draws approach the weights (within 5 standard deviations)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1_000, max: 300_000 }), { minLength: 1, maxLength: 3 }),
        fc.integer(),
        (ppms, seed) => {
          const prizes = ppms.map((probabilityPpm, i) => ({ i, probabilityPpm, stockLeft: 1e9 }));
          const random = seededRandom(seed);
          const n = 20_000;
          const counts = new Array<number>(prizes.length).fill(0);
          for (let k = 0; k < n; k += 1) {
            const result = drawPrize(prizes, random);
            if (result.outcome === 'won') counts[result.prize.i] = (counts[result.prize.i] ?? 0) + 1;
          }
          prizes.forEach((prize) => {
            const p = prize.probabilityPpm / LOTTERY_PPM_WHOLE;
            const sd = Math.sqrt(n * p * (1 - p));
            expect(Math.abs((counts[prize.i] ?? 0) - n * p)).toBeLessThan(5 * sd);
          });
        },
      ),
      { seed: SEED, numRuns: 25 },
    );
  });
});

describe('drawsLeftToday', () => {
  it.each([
    [{ dailyDraws: 3, extraToday: 0, maxExtraPerDay: 5, drawnToday: 0 }, 3],
    [{ dailyDraws: 3, extraToday: 0, maxExtraPerDay: 5, drawnToday: 3 }, 0],
    [{ dailyDraws: 3, extraToday: 2, maxExtraPerDay: 5, drawnToday: 3 }, 2],
    [{ dailyDraws: 3, extraToday: 9, maxExtraPerDay: 5, drawnToday: 3 }, 5],
    [{ dailyDraws: 1, extraToday: 0, maxExtraPerDay: 5, drawnToday: 4 }, 0],
  ])('%o -> %i', (input, left) => {
    expect(drawsLeftToday(input)).toBe(left);
  });

  it('is never negative and draws + left = allowance until it runs out', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.nat(60), fc.nat(50), fc.nat(100), (dailyDraws, extraToday, maxExtraPerDay, drawn) => {
        const left = drawsLeftToday({ dailyDraws, extraToday, maxExtraPerDay, drawnToday: drawn });
        const allowance = dailyDraws + Math.min(extraToday, maxExtraPerDay);
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left).toBe(drawn <= allowance ? allowance - drawn : 0);
      }),
      { seed: SEED },
    );
  });
});

describe('shanghaiDay', () => {
  it.each([
    ['2026-12-06T15:59:59.999Z', '2026-12-06'],
    ['2026-12-06T16:00:00.000Z', '2026-12-07'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01'],
    ['2026-12-06T00:00:00.000Z', '2026-12-06'],
  ])('%s is %s in Beijing', (iso, day) => {
    expect(shanghaiDay(new Date(iso))).toBe(day);
  });
});

describe('oddsPercent and lotteryOdds', () => {
  it.each([
    [0, '0%'],
    [1, '0.0001%'],
    [125_000, '12.5%'],
    [10_000, '1%'],
    [333_333, '33.3333%'],
    [1_000_000, '100%'],
  ])('%i ppm -> %s', (ppm, shown) => {
    expect(oddsPercent(ppm)).toBe(shown);
  });

  it('shows every ppm exactly (the percentage read back is the ppm / 10,000)', () => {
    fc.assert(
      fc.property(fc.nat(LOTTERY_PPM_WHOLE), (ppm) => {
        const shown = oddsPercent(ppm);
        expect(Math.round(Number.parseFloat(shown) * 10_000)).toBe(ppm);
      }),
      { seed: SEED },
    );
  });

  it('adds 谢谢参与 so the lines make exactly 100%', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(200_000), { maxLength: 5 }), (ppms) => {
        const lines = lotteryOdds(ppms.map((probabilityPpm) => ({ probabilityPpm })));
        expect(lines.reduce((s, l) => s + l.probabilityPpm, 0)).toBe(LOTTERY_PPM_WHOLE);
        expect(lines.at(-1)?.prizeIndex).toBeNull();
      }),
      { seed: SEED },
    );
  });
});

describe('lotterySettingsProblems', () => {
  const startsAt = new Date('2026-12-06T00:00:00Z');
  const endsAt = new Date('2026-12-10T00:00:00Z');
  it.each([
    [{ dailyDraws: 3, maxExtraDrawsPerDay: 5, startsAt, endsAt }, []],
    [{ dailyDraws: 0, maxExtraDrawsPerDay: 5, startsAt, endsAt }, ['DAILY_DRAWS_INVALID']],
    [{ dailyDraws: 21, maxExtraDrawsPerDay: 0, startsAt, endsAt }, ['DAILY_DRAWS_INVALID']],
    [{ dailyDraws: 1, maxExtraDrawsPerDay: 51, startsAt, endsAt }, ['DAILY_DRAWS_INVALID']],
    [{ dailyDraws: 1, maxExtraDrawsPerDay: 0, startsAt: endsAt, endsAt }, ['WINDOW_INVALID']],
  ])('%o -> %j', (input, codes) => {
    expect(lotterySettingsProblems(input).map((p) => p.code)).toEqual(codes);
  });
});
