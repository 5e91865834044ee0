import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decideGroupJoin,
  decideGroupOpen,
  type GroupBuyActivityInput,
  type GroupJoinInput,
  groupBuyActivityProblems,
  groupBuyActivityStatus,
  groupBuyCountdownSeconds,
  groupBuyExpiresAt,
  groupBuyGroupStatus,
  groupBuyIsComplete,
  groupBuySeatsLeft,
  groupBuyUnitPriceFen,
} from './group-buy-rules';

const SEED = { seed: 20261206 };
const startsAt = new Date('2026-12-06T00:00:00Z');
const endsAt = new Date('2026-12-13T00:00:00Z');
const at = (iso: string): Date => new Date(iso);

const activity = (overrides: Partial<GroupBuyActivityInput> = {}): GroupBuyActivityInput => ({
  groupSize: 3,
  tiers: { 2: 8900, 3: 7900, 5: 6900 },
  skuPriceFen: 9900,
  windowHours: 24,
  perUserLimit: 1,
  startsAt,
  endsAt,
  ...overrides,
});

describe('groupBuyActivityProblems', () => {
  it.each([
    ['a valid 3-person activity', {}, []],
    ['a 2-person activity with one tier', { groupSize: 2, tiers: { 2: 6900 } }, []],
    ['a 5-person activity, a 7-day window, limit 3', { groupSize: 5, windowHours: 168, perUserLimit: 3 }, []],
    ['group size 1', { groupSize: 1 }, ['group_size_out_of_range']],
    ['group size 6', { groupSize: 6 }, ['group_size_out_of_range']],
    ['group size 2.5', { groupSize: 2.5 }, ['group_size_out_of_range']],
    ['no tiers', { tiers: {} }, ['tiers_empty']],
    ['a tier for 6', { tiers: { 2: 8900, 6: 6000 } }, ['tier_size_out_of_range']],
    ['a tier for 1', { tiers: { 1: 9000, 2: 8900 } }, ['tier_size_out_of_range']],
    ['a fractional price', { tiers: { 2: 8900.5 } }, ['tier_price_invalid']],
    ['a zero price', { tiers: { 2: 0 } }, ['tier_price_invalid']],
    ['a tier at the SKU price', { tiers: { 2: 9900, 3: 7900 } }, ['tier_not_below_sku_price']],
    ['dearer for more people', { tiers: { 2: 7900, 3: 8900 } }, ['tiers_increasing']],
    ['equal tiers', { tiers: { 2: 7900, 3: 7900 } }, []],
    ['no tier small enough for the size', { groupSize: 2, tiers: { 3: 7900 } }, ['no_tier_for_group_size']],
    ['a 0-hour window', { windowHours: 0 }, ['window_hours_out_of_range']],
    ['an 8-day window (fission cycle over 7 days)', { windowHours: 169 }, ['window_hours_out_of_range']],
    ['limit 0', { perUserLimit: 0 }, ['per_user_limit_invalid']],
    ['ends at its start', { endsAt: startsAt }, ['ends_before_start']],
  ] as const)('%s', (_name, overrides, problems) => {
    expect(groupBuyActivityProblems(activity(overrides as Partial<GroupBuyActivityInput>))).toEqual(problems);
  });

  it('accepts exactly the tier ladders that are whole, positive, below the SKU price and non-increasing', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('2', '3', '4', '5'), fc.integer({ min: -100, max: 12_000 })),
        fc.integer({ min: 2, max: 5 }),
        (tiers, groupSize) => {
          const problems = groupBuyActivityProblems(activity({ tiers, groupSize }));
          const entries = Object.entries(tiers)
            .map(([s, p]) => [Number(s), p] as const)
            .sort((a, b) => a[0] - b[0]);
          const ok =
            entries.length > 0 &&
            entries.every(([, p]) => p > 0 && p < 9900) &&
            entries.every(([, p], i) => i === 0 || p <= (entries[i - 1] as readonly [number, number])[1]) &&
            entries.some(([s]) => s <= groupSize);
          expect(problems.length === 0).toBe(ok);
          if (ok) {
            const price = groupBuyUnitPriceFen(tiers, groupSize) as number;
            expect(Number.isInteger(price)).toBe(true);
            expect(price).toBeGreaterThan(0);
            expect(price).toBeLessThan(9900);
          }
        },
      ),
      SEED,
    );
  });
});

describe('groupBuyUnitPriceFen', () => {
  const tiers = { 2: 8900, 3: 7900, 5: 6900 };
  it.each([
    [1, null],
    [2, 8900],
    [3, 7900],
    [4, 7900],
    [5, 6900],
    [9, 6900],
  ] as const)('a group of %i pays %s', (size, price) => {
    expect(groupBuyUnitPriceFen(tiers, size)).toBe(price);
  });

  it('never charges a bigger group more, on any valid ladder', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9899 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 2, max: 5 }),
        (prices, size) => {
          const sorted = [...prices].sort((a, b) => b - a);
          const ladder = Object.fromEntries(sorted.map((p, i) => [i + 2, p]));
          if (size < 5) {
            const small = groupBuyUnitPriceFen(ladder, size) as number;
            const big = groupBuyUnitPriceFen(ladder, size + 1) as number;
            expect(big).toBeLessThanOrEqual(small);
          }
        },
      ),
      SEED,
    );
  });
});

describe('groupBuyActivityStatus', () => {
  it.each([
    ['2026-12-05T23:59:59.999Z', true, 'upcoming'],
    ['2026-12-06T00:00:00.000Z', true, 'live'],
    ['2026-12-12T23:59:59.999Z', true, 'live'],
    ['2026-12-13T00:00:00.000Z', true, 'ended'],
    ['2026-12-07T00:00:00.000Z', false, 'disabled'],
  ] as const)('at %s, enabled %s: %s', (now, enabled, status) => {
    expect(groupBuyActivityStatus({ enabled, startsAt, endsAt }, at(now))).toBe(status);
  });
});

describe('group status and countdown', () => {
  const expiresAt = at('2026-12-07T00:00:00Z');
  it.each([
    ['forming', '2026-12-06T23:59:59.999Z', 'forming', 1],
    ['forming', '2026-12-07T00:00:00.000Z', 'failed', 0],
    ['succeeded', '2026-12-08T00:00:00.000Z', 'succeeded', 0],
    ['failed', '2026-12-06T00:00:00.000Z', 'failed', 86400],
  ] as const)('a %s group at %s is %s, %i s left', (status, now, shown, seconds) => {
    expect(groupBuyGroupStatus({ status, expiresAt }, at(now))).toBe(shown);
    expect(groupBuyCountdownSeconds(expiresAt, at(now))).toBe(seconds);
  });

  it('counts whole seconds, never below zero, zero only once the deadline has come', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (offsetMs) => {
        const now = new Date(expiresAt.getTime() + offsetMs);
        const seconds = groupBuyCountdownSeconds(expiresAt, now);
        expect(Number.isInteger(seconds)).toBe(true);
        expect(seconds >= 0).toBe(true);
        expect(seconds === 0).toBe(offsetMs >= 0);
        expect(groupBuyGroupStatus({ status: 'forming', expiresAt }, now)).toBe(offsetMs >= 0 ? 'failed' : 'forming');
      }),
      SEED,
    );
  });

  it('ends a group at its window or the activity’s end, whichever comes first', () => {
    const now = at('2026-12-06T10:00:00Z');
    expect(groupBuyExpiresAt({ now, windowHours: 24, activityEndsAt: endsAt })).toEqual(at('2026-12-07T10:00:00Z'));
    expect(groupBuyExpiresAt({ now, windowHours: 168, activityEndsAt: endsAt })).toEqual(endsAt);
  });

  it('counts seats left and completion', () => {
    expect(groupBuySeatsLeft(3, 1)).toBe(2);
    expect(groupBuySeatsLeft(3, 4)).toBe(0);
    expect(groupBuyIsComplete(3, 2)).toBe(false);
    expect(groupBuyIsComplete(3, 3)).toBe(true);
  });
});

describe('decideGroupOpen', () => {
  it.each([
    ['live', 0, 1, { ok: true }],
    ['upcoming', 0, 1, { ok: false, reason: 'not_live' }],
    ['ended', 0, 1, { ok: false, reason: 'not_live' }],
    ['disabled', 0, 1, { ok: false, reason: 'not_live' }],
    ['live', 1, 1, { ok: false, reason: 'limit_reached' }],
    ['live', 1, 2, { ok: true }],
  ] as const)('%s activity, %i seats held, limit %i', (activityStatus, leaderActivitySeats, perUserLimit, expected) => {
    expect(decideGroupOpen({ activityStatus, leaderActivitySeats, perUserLimit })).toEqual(expected);
  });
});

describe('decideGroupJoin', () => {
  const now = at('2026-12-06T12:00:00Z');
  const join = (
    overrides: Omit<Partial<GroupJoinInput>, 'group'> & { group?: Partial<GroupJoinInput['group']> } = {},
  ) =>
    decideGroupJoin({
      liveSeats: [{ seatNo: 1, userId: 'leader' }],
      userId: 'joiner',
      now,
      newUserOnly: false,
      joinerHasPaidOrders: false,
      joinerActivitySeats: 0,
      perUserLimit: 1,
      ...overrides,
      group: {
        status: 'forming',
        expiresAt: at('2026-12-07T00:00:00Z'),
        size: 3,
        leaderUserId: 'leader',
        leaderPaid: true,
        ...overrides.group,
      },
    });

  it.each([
    ['a free seat: the lowest one', {}, { ok: true, seatNo: 2 }],
    [
      'seat 2 released earlier, seat 3 held: seat 2 again',
      {
        liveSeats: [
          { seatNo: 1, userId: 'leader' },
          { seatNo: 3, userId: 'c' },
        ],
      },
      { ok: true, seatNo: 2 },
    ],
    [
      'every seat held',
      {
        liveSeats: [
          { seatNo: 1, userId: 'leader' },
          { seatNo: 2, userId: 'b' },
          { seatNo: 3, userId: 'c' },
        ],
      },
      { ok: false, reason: 'full' },
    ],
    ['past the deadline', { now: at('2026-12-07T00:00:00Z') }, { ok: false, reason: 'expired' }],
    ['failed', { group: { status: 'failed' } }, { ok: false, reason: 'expired' }],
    ['succeeded', { group: { status: 'succeeded' } }, { ok: false, reason: 'full' }],
    ['the leader has not paid', { group: { leaderPaid: false } }, { ok: false, reason: 'not_open' }],
    ['the leader joining their own group', { userId: 'leader' }, { ok: false, reason: 'own_group' }],
    [
      'already a member',
      {
        liveSeats: [
          { seatNo: 1, userId: 'leader' },
          { seatNo: 2, userId: 'joiner' },
        ],
      },
      { ok: false, reason: 'already_member' },
    ],
    ['at the per-user limit', { joinerActivitySeats: 1 }, { ok: false, reason: 'limit_reached' }],
    ['under a limit of 2', { joinerActivitySeats: 1, perUserLimit: 2 }, { ok: true, seatNo: 2 }],
    [
      'new users only, the joiner has paid before',
      { newUserOnly: true, joinerHasPaidOrders: true },
      { ok: false, reason: 'new_users_only' },
    ],
    ['new users only, a new user', { newUserOnly: true }, { ok: true, seatNo: 2 }],
    ['an old user, not new-user-only', { joinerHasPaidOrders: true }, { ok: true, seatNo: 2 }],
  ] as const)('%s', (_name, overrides, expected) => {
    expect(join(overrides as Partial<GroupJoinInput>)).toEqual(expected);
  });

  it('never seats anyone in a held seat, beyond the size, or twice', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.subarray([2, 3, 4, 5]),
        fc.constantFrom('joiner', 'leader', 'u2', 'u3'),
        (size, heldSeats, userId) => {
          const liveSeats = [
            { seatNo: 1, userId: 'leader' },
            ...heldSeats.filter((s) => s <= size).map((s) => ({ seatNo: s, userId: `u${s}` })),
          ];
          const decision = join({ group: { size }, liveSeats, userId });
          if (decision.ok) {
            expect(decision.seatNo).toBeGreaterThanOrEqual(2);
            expect(decision.seatNo).toBeLessThanOrEqual(size);
            expect(liveSeats.some((s) => s.seatNo === decision.seatNo)).toBe(false);
            expect(liveSeats.some((s) => s.userId === userId)).toBe(false);
          } else if (decision.reason === 'full') {
            expect(liveSeats).toHaveLength(size);
          }
        },
      ),
      SEED,
    );
  });
});
