import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFlashSaleLimit, flashSaleCountdown, flashSaleSlotStatus, serverClockOffsetMs } from './flash-sale-rules';

const startsAt = new Date('2026-12-06T02:00:00Z');
const endsAt = new Date('2026-12-06T04:00:00Z');
const at = (iso: string): Date => new Date(iso);

describe('flashSaleSlotStatus', () => {
  it.each([
    ['2026-12-06T01:59:59.999Z', 5, 'upcoming'],
    ['2026-12-06T01:59:59.999Z', 0, 'upcoming'],
    ['2026-12-06T02:00:00.000Z', 5, 'live'],
    ['2026-12-06T02:00:00.000Z', 0, 'sold_out'],
    ['2026-12-06T03:59:59.999Z', 1, 'live'],
    ['2026-12-06T04:00:00.000Z', 5, 'ended'],
    ['2026-12-06T04:00:00.000Z', 0, 'ended'],
  ] as const)('at %s with %i left: %s', (now, remaining, status) => {
    expect(flashSaleSlotStatus({ startsAt, endsAt, remaining }, at(now))).toBe(status);
  });

  it('is live or sold out exactly inside [startsAt, endsAt)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 20_000_000 }), fc.nat(100), (offsetMs, remaining) => {
        const now = new Date(startsAt.getTime() + offsetMs);
        const status = flashSaleSlotStatus({ startsAt, endsAt, remaining }, now);
        const inside = now >= startsAt && now < endsAt;
        expect(status === 'live' || status === 'sold_out').toBe(inside);
        if (inside) expect(status).toBe(remaining > 0 ? 'live' : 'sold_out');
      }),
      { seed: 20261206 },
    );
  });
});

describe('flashSaleCountdown', () => {
  it.each([
    ['2026-12-06T01:00:00.000Z', 'start', 3600],
    ['2026-12-06T01:59:59.001Z', 'start', 1],
    ['2026-12-06T02:00:00.000Z', 'end', 7200],
    ['2026-12-06T03:59:59.500Z', 'end', 1],
    ['2026-12-06T04:00:00.000Z', null, 0],
    ['2026-12-07T00:00:00.000Z', null, 0],
  ] as const)('at %s: to %s, %i s', (now, target, seconds) => {
    expect(flashSaleCountdown({ startsAt, endsAt }, at(now))).toEqual({ target, seconds });
  });

  it('never counts below zero and reaches zero only at the moment', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 20_000_000 }), (offsetMs) => {
        const { target, seconds } = flashSaleCountdown({ startsAt, endsAt }, new Date(startsAt.getTime() + offsetMs));
        expect(seconds).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(seconds)).toBe(true);
        if (target !== null) expect(seconds).toBeGreaterThan(0);
      }),
      { seed: 20261206 },
    );
  });
});

describe('serverClockOffsetMs', () => {
  it('takes the server time as read halfway through the request', () => {
    expect(
      serverClockOffsetMs({
        serverTime: at('2026-12-06T02:00:10.000Z'),
        sentAt: at('2026-12-06T02:00:00.000Z'),
        receivedAt: at('2026-12-06T02:00:00.200Z'),
      }),
    ).toBe(9900);
  });
});

describe('checkFlashSaleLimit', () => {
  it.each([
    [1, 0, 1, { ok: true }],
    [2, 0, 2, { ok: true }],
    [1, 1, 2, { ok: true }],
    [1, 1, 1, { ok: false, reason: 'limit_reached' }],
    [3, 0, 2, { ok: false, reason: 'limit_reached' }],
    [0, 0, 2, { ok: false, reason: 'quantity_invalid' }],
    [-1, 0, 2, { ok: false, reason: 'quantity_invalid' }],
    [1.5, 0, 2, { ok: false, reason: 'quantity_invalid' }],
  ] as const)('%s more with %i held, limit %i', (quantity, alreadyClaimed, perUserLimit, expected) => {
    expect(checkFlashSaleLimit({ quantity, alreadyClaimed, perUserLimit })).toEqual(expected);
  });

  it('never lets the total pass the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2, max: 10 }), fc.nat(10), fc.integer({ min: 1, max: 10 }), (q, held, limit) => {
        const check = checkFlashSaleLimit({ quantity: q, alreadyClaimed: held, perUserLimit: limit });
        if (check.ok) expect(held + q).toBeLessThanOrEqual(limit);
        else expect(q < 1 || held + q > limit).toBe(true);
      }),
      { seed: 20261206 },
    );
  });
});
