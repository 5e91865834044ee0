import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPresaleTerms,
  PRESALE_MAX_WINDOW_HOURS,
  type PresaleTerms,
  presaleOrderUnitPrice,
  presalePriceAt,
  presaleStatus,
} from './presale-rules';

const HOUR = 3_600_000;
const start = new Date('2026-12-06T02:00:00.000Z');
const at = (hours: number) => new Date(start.getTime() + hours * HOUR);

const unitsLadder: PresaleTerms = {
  startsAt: start,
  endsAt: at(72),
  shipsAt: at(72 + 24 * 7),
  stock: 300,
  perUserLimit: 2,
  listPriceFen: 39900,
  ladder: {
    basis: 'units',
    steps: [
      { from: 0, priceFen: 29900, label: '限量预售' },
      { from: 100, priceFen: 32900, label: '限时抢购' },
      { from: 200, priceFen: 34900, label: '阶梯涨价' },
    ],
  },
};
const timeLadder: PresaleTerms = {
  ...unitsLadder,
  ladder: {
    basis: 'time',
    steps: [
      { from: 0, priceFen: 29900, label: '首日价' },
      { from: 24, priceFen: 31900, label: '次日价' },
      { from: 48, priceFen: 33900, label: '末日价' },
    ],
  },
};
const codes = (terms: PresaleTerms) => checkPresaleTerms(terms).map((p) => p.code);

describe('checkPresaleTerms', () => {
  it('accepts a 72-hour presale with a rising ladder by units or by time', () => {
    expect(codes(unitsLadder)).toEqual([]);
    expect(codes(timeLadder)).toEqual([]);
  });

  it.each([
    ['one hour past three days', { endsAt: at(PRESALE_MAX_WINDOW_HOURS + 1) }, 'window_too_long'],
    ['one millisecond past three days', { endsAt: new Date(at(72).getTime() + 1) }, 'window_too_long'],
    ['an end before the start', { endsAt: at(-1) }, 'window_invalid'],
    ['delivery before the end', { shipsAt: at(71) }, 'ship_date_invalid'],
    ['delivery 31 days after the end', { shipsAt: at(72 + 24 * 31) }, 'ship_date_invalid'],
    ['no stock', { stock: 0 }, 'stock_invalid'],
    ['no limit', { perUserLimit: 0 }, 'limit_invalid'],
  ] as const)('refuses %s with its reason', (_name, change, code) => {
    const problems = checkPresaleTerms({ ...unitsLadder, ...change });
    expect(problems.map((p) => p.code)).toContain(code);
    expect(problems.every((p) => p.message.length > 0)).toBe(true);
  });

  it('says the window in the message of a presale that is too long', () => {
    const [problem] = checkPresaleTerms({ ...unitsLadder, endsAt: at(96) });
    expect(problem?.message).toBe('预售周期不得超过 3 天（当前 96 小时）');
  });

  it.each([
    ['a price that steps down', [0, 29900, 100, 28900], 'ladder_price_down'],
    ['a first step after 0', [10, 29900], 'ladder_first_step'],
    ['two steps from the same point', [0, 29900, 0, 32900], 'ladder_order'],
    ['a price above the list price', [0, 49900], 'ladder_price_invalid'],
    ['a fractional price', [0, 299.5], 'ladder_price_invalid'],
    ['a step no unit reaches', [0, 29900, 300, 32900], 'ladder_step_outside_window'],
  ] as const)('refuses a ladder with %s', (_name, flat, code) => {
    const steps = [];
    for (let i = 0; i < flat.length; i += 2)
      steps.push({ from: flat[i] as number, priceFen: flat[i + 1] as number, label: '档' });
    expect(codes({ ...unitsLadder, ladder: { basis: 'units', steps } })).toContain(code);
  });

  it('refuses an empty ladder and a time step outside the window', () => {
    expect(codes({ ...unitsLadder, ladder: { basis: 'units', steps: [] } })).toEqual(['ladder_empty']);
    const late = {
      ...timeLadder,
      ladder: {
        basis: 'time' as const,
        steps: [...timeLadder.ladder.steps, { from: 72, priceFen: 39900, label: '晚' }],
      },
    };
    expect(codes(late)).toEqual(['ladder_step_outside_window']);
  });
});

describe('presalePriceAt and presaleOrderUnitPrice', () => {
  it.each([
    [0, 0, 29900, '限量预售', 100],
    [99, 0, 29900, '限量预售', 1],
    [100, 1, 32900, '限时抢购', 100],
    [199, 1, 32900, '限时抢购', 1],
    [200, 2, 34900, '阶梯涨价', null],
  ] as const)('by units: %i sold → rung %i at %i (%s), next after %s more', (sold, step, price, label, left) => {
    const point = presalePriceAt(unitsLadder, { now: at(1), unitsSold: sold });
    expect(point).toMatchObject({ step, priceFen: price, label });
    expect(point.next?.unitsLeft ?? null).toBe(left);
  });

  it.each([
    [0, 29900, at(24)],
    [23.99, 29900, at(24)],
    [24, 31900, at(48)],
    [71.9, 33900, null],
  ] as const)('by time: %s hours in → %i, next rung at %s', (hours, price, nextAt) => {
    const point = presalePriceAt(timeLadder, { now: at(hours), unitsSold: 0 });
    expect(point.priceFen).toBe(price);
    expect(point.next?.startsAt ?? null).toEqual(nextAt);
  });

  it('prices an order that crosses a units step at the step of its last unit', () => {
    expect(presaleOrderUnitPrice(unitsLadder, { now: at(1), unitsSold: 98, quantity: 2 })).toBe(29900);
    expect(presaleOrderUnitPrice(unitsLadder, { now: at(1), unitsSold: 99, quantity: 2 })).toBe(32900);
    expect(presaleOrderUnitPrice(timeLadder, { now: at(30), unitsSold: 99, quantity: 2 })).toBe(31900);
  });

  it('never gets cheaper as time passes or units sell, never above the list price (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 299 }),
        fc.integer({ min: 0, max: 299 }),
        fc.double({ min: 0, max: 72, noNaN: true }),
        fc.double({ min: 0, max: 72, noNaN: true }),
        (a, b, h1, h2) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const [t1, t2] = h1 <= h2 ? [h1, h2] : [h2, h1];
          const u1 = presalePriceAt(unitsLadder, { now: at(1), unitsSold: lo }).priceFen;
          const u2 = presalePriceAt(unitsLadder, { now: at(1), unitsSold: hi }).priceFen;
          const p1 = presalePriceAt(timeLadder, { now: at(t1), unitsSold: 0 }).priceFen;
          const p2 = presalePriceAt(timeLadder, { now: at(t2), unitsSold: 0 }).priceFen;
          return u1 <= u2 && p1 <= p2 && u2 <= unitsLadder.listPriceFen && p2 <= timeLadder.listPriceFen;
        },
      ),
      { seed: 20261206 },
    );
  });
});

describe('presaleStatus', () => {
  it.each([
    [-0.001, 0, 'upcoming'],
    [0, 0, 'live'],
    [71.99, 299, 'live'],
    [10, 300, 'sold_out'],
    [72, 0, 'ended'],
  ] as const)('%s hours in with %i sold: %s', (hours, sold, status) => {
    expect(presaleStatus(unitsLadder, { now: at(hours), unitsSold: sold })).toBe(status);
  });
});
