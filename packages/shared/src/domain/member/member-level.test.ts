import { describe, expect, it } from 'vitest';
import { MEMBER_TIERS, memberSpendWindowStart, memberStanding } from './member-level';

describe('memberStanding', () => {
  it.each([
    // spend, level, toNext, progress
    [0, 'regular', 50_000, 0],
    [1, 'regular', 49_999, 0],
    [25_000, 'regular', 25_000, 50],
    [49_999, 'regular', 1, 99],
    [50_000, 'silver', 150_000, 0],
    [199_999, 'silver', 1, 99],
    [200_000, 'gold', 600_000, 0],
    [500_000, 'gold', 300_000, 50],
    [799_999, 'gold', 1, 99],
    [800_000, 'black_gold', 0, 100],
    [10_000_000, 'black_gold', 0, 100],
  ] as const)('spend %i fen is %s, %i to go, %i%%', (spend, level, toNext, progress) => {
    const standing = memberStanding(spend);
    expect(standing.level).toBe(level);
    expect(standing.toNextFen).toBe(toNext);
    expect(standing.progressPercent).toBe(progress);
    expect(standing.spendFen).toBe(spend);
  });

  it('names the next tier, and none at the top', () => {
    expect(memberStanding(49_999)).toMatchObject({ label: '普通会员', nextLevel: 'silver', nextLabel: '银卡会员' });
    expect(memberStanding(800_000)).toMatchObject({ label: '黑金会员', nextLevel: null, nextLabel: null });
  });

  it('gives each tier its benefits', () => {
    for (const tier of MEMBER_TIERS) expect(memberStanding(tier.minSpendFen).benefits).toEqual(tier.benefits);
  });

  it('keeps the tiers in order, starting at 0, with thresholds as data', () => {
    expect(MEMBER_TIERS[0]?.minSpendFen).toBe(0);
    for (let i = 1; i < MEMBER_TIERS.length; i += 1) {
      expect(MEMBER_TIERS[i]?.minSpendFen).toBeGreaterThan(
        MEMBER_TIERS[i - 1]?.minSpendFen ?? Number.POSITIVE_INFINITY,
      );
    }
    const custom = [
      { level: 'regular', label: 'A', minSpendFen: 0, benefits: [] },
      { level: 'silver', label: 'B', minSpendFen: 100, benefits: [] },
    ] as const;
    expect(memberStanding(100, custom)).toMatchObject({ level: 'silver', toNextFen: 0, progressPercent: 100 });
  });

  it('refuses spend that is not non-negative integer fen', () => {
    expect(() => memberStanding(-1)).toThrow();
    expect(() => memberStanding(1.5)).toThrow();
    expect(() => memberStanding(Number.NaN)).toThrow();
  });
});

describe('memberSpendWindowStart', () => {
  it('is 12 calendar months back', () => {
    expect(memberSpendWindowStart(new Date('2026-12-06T04:00:00Z')).toISOString()).toBe('2025-12-06T04:00:00.000Z');
    expect(memberSpendWindowStart(new Date('2026-01-31T00:00:00Z')).toISOString()).toBe('2025-01-31T00:00:00.000Z');
  });

  it('rolls 29 February to 1 March', () => {
    expect(memberSpendWindowStart(new Date('2028-02-29T12:00:00Z')).toISOString()).toBe('2027-03-01T12:00:00.000Z');
  });
});
