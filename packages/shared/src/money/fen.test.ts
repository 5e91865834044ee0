import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateFen, assertFen, formatFen, isFen, MAX_FEN, MoneyError, parseYuanToFen, splitFen, sumFen } from './fen';

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [1, '¥0.01'],
    [1990, '¥19.90'],
    [129900, '¥1,299.00'],
    [123456789, '¥1,234,567.89'],
    [-505, '-¥5.05'],
  ])('formats %i fen as %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('can drop the symbol and whole-yuan zeros', () => {
    expect(formatFen(1900, { trimZeros: true })).toBe('¥19');
    expect(formatFen(1950, { trimZeros: true })).toBe('¥19.50');
    expect(formatFen(1950, { symbol: false })).toBe('19.50');
  });

  it('refuses fractional fen', () => {
    expect(() => formatFen(19.9)).toThrow(MoneyError);
  });

  it('splits yuan and fen for price typography', () => {
    expect(splitFen(129905)).toEqual({ yuan: '1,299', cents: '05' });
  });
});

describe('parseYuanToFen', () => {
  it.each([
    ['19.9', 1990],
    ['19.90', 1990],
    ['20', 2000],
    ['¥1,299.00', 129900],
    [' 0.01 ', 1],
    ['0', 0],
  ])('parses %s as %i fen', (text, fen) => {
    expect(parseYuanToFen(text)).toBe(fen);
  });

  it.each(['', 'abc', '1.999', '-1', '1e3', '12.', '.5', '¥'])('rejects %j', (text) => {
    expect(() => parseYuanToFen(text)).toThrow(MoneyError);
  });

  it('round-trips with formatFen for every valid amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FEN }), (fen) => {
        expect(parseYuanToFen(formatFen(fen))).toBe(fen);
      }),
    );
  });
});

describe('assertFen / isFen', () => {
  it('accepts whole non-negative amounts within the cap', () => {
    expect(isFen(0)).toBe(true);
    expect(isFen(MAX_FEN)).toBe(true);
    expect(() => assertFen(1990)).not.toThrow();
  });

  it.each([-1, 0.5, Number.NaN, MAX_FEN + 1, '100', null])('rejects %p', (value) => {
    expect(isFen(value)).toBe(false);
    expect(() => assertFen(value, 'price')).toThrow(/price/);
  });
});

describe('allocateFen', () => {
  it('spreads the remainder to the largest fractional parts first', () => {
    expect(allocateFen(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateFen(1000, [5990, 3990])).toEqual([600, 400]);
    expect(allocateFen(1, [1, 3])).toEqual([0, 1]);
    expect(allocateFen(0, [1, 2])).toEqual([0, 0]);
  });

  it('gives nothing to zero weights', () => {
    expect(allocateFen(99, [0, 1, 0])).toEqual([0, 99, 0]);
  });

  it('rejects empty, negative or all-zero weights', () => {
    expect(() => allocateFen(100, [])).toThrow(MoneyError);
    expect(() => allocateFen(100, [1, -1])).toThrow(MoneyError);
    expect(() => allocateFen(100, [0, 0])).toThrow(MoneyError);
    expect(() => allocateFen(1.5, [1])).toThrow(MoneyError);
  });

  it('always adds back to the total, each part within one fen of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_FEN }),
        fc
          .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocateFen(total, weights);
          const weightSum = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((part, i) => {
            const exact = (total * (weights[i] ?? 0)) / weightSum;
            expect(part).toBeGreaterThanOrEqual(0);
            expect(Math.abs(part - exact)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
    );
  });
});

describe('sumFen', () => {
  it('adds and checks the bound', () => {
    expect(sumFen([100, 250])).toBe(350);
    expect(() => sumFen([MAX_FEN, 1])).toThrow(MoneyError);
  });
});
