import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bindingActive, decideBinding } from './binding';
import {
  commissionFor,
  lineCommissionFen,
  MAX_COMMISSION_RATE_BP,
  MIN_COMMISSION_RATE_BP,
  reversalOf,
  validateCommissionRate,
  validateLevelSplit,
} from './commission';
import { shareLinkExpired, shareLinkMessage, shareTargetSchema } from './share-link';

const SEED = 20261206;

describe('commission rates', () => {
  it.each([
    [799, false],
    [800, true],
    [1000, true],
    [1500, true],
    [1501, false],
    [0, false],
    [-1000, false],
    [1000.5, false],
    [Number.NaN, false],
  ])('%s bp allowed: %s', (rate, ok) => {
    const check = validateCommissionRate(rate);
    expect(check.ok).toBe(ok);
    if (!check.ok) expect(check.reason).toMatch(/佣金比例/);
  });

  it('refuses a third level with the reason', () => {
    expect(validateLevelSplit([70, 30]).ok).toBe(true);
    expect(validateLevelSplit([100]).ok).toBe(true);
    const third = validateLevelSplit([60, 30, 10]);
    expect(third).toMatchObject({ ok: false });
    if (!third.ok) expect(third.reason).toMatch(/传销/);
    expect(() => commissionFor([{ payFen: 100, rateBp: 1000 }], ['a', 'b', 'c'], [60, 30, 10])).toThrow(RangeError);
  });
});

describe('commissionFor', () => {
  it.each([
    // [lines, chain, expected]
    [
      [{ payFen: 10_000, rateBp: 1000 }],
      ['c', 'b', 'a'],
      [
        { level: 1, promoterId: 'c', amountFen: 700 },
        { level: 2, promoterId: 'b', amountFen: 300 },
      ],
    ],
    [[{ payFen: 10_000, rateBp: 1000 }], ['c'], [{ level: 1, promoterId: 'c', amountFen: 700 }]],
    [[{ payFen: 10_000, rateBp: 1000 }], [], []],
    // 999 × 8% = 79.92 -> 79; 79 split 70/30 by largest remainder -> 55 / 24 (55.3 / 23.7).
    [
      [{ payFen: 999, rateBp: 800 }],
      ['c', 'b'],
      [
        { level: 1, promoterId: 'c', amountFen: 55 },
        { level: 2, promoterId: 'b', amountFen: 24 },
      ],
    ],
    // Lines floor separately: 15 + 15 = 30 fen.
    [
      [
        { payFen: 199, rateBp: 800 },
        { payFen: 100, rateBp: 1500 },
      ],
      ['c', 'b'],
      [
        { level: 1, promoterId: 'c', amountFen: 21 },
        { level: 2, promoterId: 'b', amountFen: 9 },
      ],
    ],
    // Tiny orders give nothing rather than negative or fractional fen.
    [[{ payFen: 1, rateBp: 1500 }], ['c', 'b'], []],
  ])('%j over %j', (lines, chain, expected) => {
    expect(commissionFor(lines, chain)).toEqual(expected);
  });

  it('never pays a third person, whatever the chain (A invites B invites C invites D: D buys)', () => {
    const shares = commissionFor([{ payFen: 50_000, rateBp: 1500 }], ['C', 'B', 'A']);
    expect(shares.map((s) => s.promoterId)).toEqual(['C', 'B']);
  });

  it('refuses an out-of-band rate on a line', () => {
    expect(() => lineCommissionFen({ payFen: 100, rateBp: 2000 })).toThrow(RangeError);
  });

  const lineArb = fc.record({
    payFen: fc.integer({ min: 0, max: 10_000_000 }),
    rateBp: fc.integer({ min: MIN_COMMISSION_RATE_BP, max: MAX_COMMISSION_RATE_BP }),
  });
  const chainArb = fc.array(fc.uuid(), { maxLength: 6 });
  const splitArb = fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 100 }));

  it('property: whole, positive fen; at most two levels; the sum never exceeds the configured share', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 8 }), chainArb, splitArb, (lines, chain, split) => {
        const shares = commissionFor(lines, chain, split);
        expect(shares.length).toBeLessThanOrEqual(2);
        for (const s of shares) {
          expect(Number.isSafeInteger(s.amountFen)).toBe(true);
          expect(s.amountFen).toBeGreaterThan(0);
        }
        const sum = shares.reduce((a, s) => a + s.amountFen, 0);
        const share = lines.reduce((a, l) => a + (l.payFen * l.rateBp) / 10_000, 0);
        expect(sum).toBeLessThanOrEqual(share);
        if (chain.length >= 2) expect(sum).toBe(lines.reduce((a, l) => a + lineCommissionFen(l), 0));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('property: a reversal cancels the accrual exactly, level for level', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 8 }), chainArb, (lines, chain) => {
        const accrued = commissionFor(lines, chain);
        const reversed = reversalOf(accrued);
        expect(reversed.map((r) => [r.level, r.promoterId])).toEqual(accrued.map((a) => [a.level, a.promoterId]));
        const net = accrued.reduce((a, s) => a + s.amountFen, 0) - reversed.reduce((a, s) => a + s.amountFen, 0);
        expect(net).toBe(0);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('decideBinding', () => {
  const now = new Date('2026-12-06T00:00:00Z');
  const approved = { id: 'p', status: 'approved' as const };
  const base = { buyerId: 'b', promoter: approved, existing: null, promoterUpline: [], windowDays: 30, now };
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

  it.each([
    ['binds a new buyer', base, { kind: 'bind' }],
    [
      'refuses an unknown promoter',
      { ...base, promoter: null },
      { kind: 'refused', code: 'DISTRIBUTION_PROMOTER_NOT_APPROVED' },
    ],
    [
      'refuses a pending promoter',
      { ...base, promoter: { id: 'p', status: 'pending' as const } },
      { kind: 'refused', code: 'DISTRIBUTION_PROMOTER_NOT_APPROVED' },
    ],
    ['refuses self-binding', { ...base, buyerId: 'p' }, { kind: 'refused', code: 'DISTRIBUTION_SELF_BINDING' }],
    [
      'refuses a cycle (the buyer brought the promoter)',
      { ...base, promoterUpline: ['x', 'b'] },
      { kind: 'refused', code: 'DISTRIBUTION_BINDING_CYCLE' },
    ],
    [
      'first binding wins in the window',
      { ...base, existing: { promoterId: 'q', boundAt: daysAgo(29) } },
      { kind: 'refused', code: 'DISTRIBUTION_ALREADY_BOUND' },
    ],
    [
      'same promoter again: nothing to do',
      { ...base, existing: { promoterId: 'p', boundAt: daysAgo(1) } },
      { kind: 'same' },
    ],
    [
      'after the window a new link binds',
      { ...base, existing: { promoterId: 'q', boundAt: daysAgo(30) } },
      { kind: 'bind' },
    ],
  ])('%s', (_name, input, expected) => {
    expect(decideBinding(input)).toEqual(expected);
  });

  it('window edge: active just before, not at, the end', () => {
    expect(bindingActive(daysAgo(30), 30, new Date(now.getTime() - 1))).toBe(true);
    expect(bindingActive(daysAgo(30), 30, now)).toBe(false);
  });
});

describe('share link payload', () => {
  it('signs promoter, target and expiry as one versioned message', () => {
    expect(shareLinkMessage({ promoterId: 'p', target: 'product:x', expiresAt: 10 })).toBe(
      'wm-share-v1\np\nproduct:x\n10',
    );
  });
  it('accepts home and product targets only', () => {
    expect(shareTargetSchema.safeParse('home').success).toBe(true);
    expect(shareTargetSchema.safeParse('product:p-toner_1').success).toBe(true);
    expect(shareTargetSchema.safeParse('product:a\nb').success).toBe(false);
    expect(shareTargetSchema.safeParse('reward:share').success).toBe(false);
  });
  it('expires at the expiry second', () => {
    expect(shareLinkExpired(100, new Date(99_999))).toBe(false);
    expect(shareLinkExpired(100, new Date(100_000))).toBe(true);
  });
});
