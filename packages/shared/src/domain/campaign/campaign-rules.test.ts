import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignStatus } from './campaign-status';
import { discountPercent } from './discount-percent';

describe('campaignStatus', () => {
  const iso = { startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-01-02T00:00:00Z' };
  const dates = { startsAt: new Date(iso.startsAt), endsAt: new Date(iso.endsAt) };
  it.each([
    ['2025-12-31T23:59:59.999Z', 'upcoming'],
    ['2026-01-01T00:00:00.000Z', 'live'],
    ['2026-01-01T23:59:59.999Z', 'live'],
    ['2026-01-02T00:00:00.000Z', 'ended'],
    ['2027-01-01T00:00:00.000Z', 'ended'],
  ] as const)('at %s is %s, whichever way the instants are held', (at, expected) => {
    expect(campaignStatus(dates, new Date(at))).toBe(expected);
    expect(campaignStatus(iso, at)).toBe(expected);
    expect(campaignStatus(iso, Date.parse(at))).toBe(expected);
  });

  it('an empty window is never live', () => {
    const empty = { startsAt: iso.startsAt, endsAt: iso.startsAt };
    expect(campaignStatus(empty, '2025-12-31T23:59:59.999Z')).toBe('upcoming');
    expect(campaignStatus(empty, iso.startsAt)).toBe('ended');
  });
});

describe('discountPercent', () => {
  it.each([
    [{ priceFen: 6990, originalPriceFen: 9990 }, 30],
    [{ priceFen: 7000, originalPriceFen: 10000 }, 30],
    [{ priceFen: 7001, originalPriceFen: 10000 }, 29],
    [{ priceFen: 1, originalPriceFen: 100 }, 99],
    [{ priceFen: 0, originalPriceFen: 100 }, 100],
    [{ priceFen: 100, originalPriceFen: 100 }, 0],
    [{ priceFen: 120, originalPriceFen: 100 }, 0],
    [{ priceFen: 0, originalPriceFen: 0 }, 0],
    [{ priceFen: 999_999_999, originalPriceFen: 1_000_000_000 }, 0],
  ])('%o -> %i%%', (input, expected) => {
    expect(discountPercent(input)).toBe(expected);
  });
});

describe('discountPercent, for any prices', () => {
  it('never overstates the saving and is off by under one percent', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000_000 }), fc.nat({ max: 1_000_000_000 }), (priceFen, originalPriceFen) => {
        const percent = discountPercent({ priceFen, originalPriceFen });
        expect(Number.isInteger(percent)).toBe(true);
        const savedFen = Math.max(0, originalPriceFen - priceFen);
        if (originalPriceFen === 0) {
          expect(percent).toBe(0);
        } else {
          expect(percent * originalPriceFen).toBeLessThanOrEqual(savedFen * 100);
          expect((percent + 1) * originalPriceFen).toBeGreaterThan(savedFen * 100);
        }
      }),
    );
  });
});
