import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BargainActivityDraft,
  bargainCountdownSeconds,
  bargainCut,
  bargainExpiresAt,
  bargainHelpCheck,
  bargainStatus,
  validateBargainActivity,
} from './bargain-rules';

const SEED = 20261206;
const startsAt = new Date('2026-12-06T00:00:00Z');
const draft: BargainActivityDraft = {
  skuPriceFen: 12900,
  floorPriceFen: 0,
  windowHours: 12,
  helpsTarget: 5,
  perUserLimit: 1,
  startsAt,
  endsAt: new Date('2026-12-12T00:00:00Z'),
};
/** A random source that replays `values` in turn (then repeats the last). */
const replay = (values: number[]) => {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)] ?? 0;
};

describe('validateBargainActivity', () => {
  it.each([
    [{}, []],
    [{ floorPriceFen: 12899, helpsTarget: 1 }, []],
    [{ floorPriceFen: -1 }, ['floor_negative']],
    [{ floorPriceFen: 0.5 }, ['floor_negative']],
    [{ floorPriceFen: 12900 }, ['floor_not_below_price']],
    [{ floorPriceFen: 12898, helpsTarget: 5 }, ['gap_below_helps_target']],
    [{ windowHours: 7 }, ['window_out_of_range']],
    [{ windowHours: 8 }, []],
    [{ windowHours: 13 }, ['window_out_of_range']],
    [{ windowHours: 9.5 }, ['window_out_of_range']],
    [{ helpsTarget: 0 }, ['helps_target_out_of_range']],
    [{ helpsTarget: 100 }, []],
    [{ helpsTarget: 101 }, ['helps_target_out_of_range']],
    [{ perUserLimit: 0 }, ['per_user_limit_out_of_range']],
    [{ endsAt: startsAt }, ['ends_before_starts']],
    [{ endsAt: new Date('2026-12-13T00:00:00.001Z') }, ['activity_too_long']],
    [
      { floorPriceFen: 20000, windowHours: 24, helpsTarget: 0 },
      ['floor_not_below_price', 'window_out_of_range', 'helps_target_out_of_range'],
    ],
  ] as Array<[Partial<BargainActivityDraft>, string[]]>)('%o → %o', (change, problems) => {
    const check = validateBargainActivity({ ...draft, ...change });
    expect(check).toEqual(problems.length === 0 ? { ok: true } : { ok: false, problems });
  });
});

describe('bargainCut', () => {
  const base = { currentFen: 10000, floorFen: 0, helpsDone: 0, helpsTarget: 5, isNewUser: false };
  it.each([
    // ordinary draw uniform in [1, ⌊2·left/helpsLeft⌋] = [1, 4000]
    [{}, [0], 1],
    [{}, [0.5], 2001],
    [{}, [0.999999], 4000],
    // a new user: twice the ordinary draw
    [{ isNewUser: true }, [0.5], 4002],
    // capped so each of the 4 helps after this one still has 1 fen
    [{ isNewUser: true }, [0.999999], 8000],
    [{ currentFen: 10, helpsDone: 0 }, [0.999999], 4],
    [{ currentFen: 10, isNewUser: true }, [0.999999], 6],
    // the last needed help takes the price to the floor exactly, whatever the draw
    [{ currentFen: 777, floorFen: 100, helpsDone: 4 }, [0], 677],
    [{ currentFen: 5, helpsDone: 0 }, [0.999999], 1],
  ] as Array<[Partial<typeof base>, number[], number]>)('%o with draws %o cuts %i fen', (change, draws, cut) => {
    const input = { ...base, ...change };
    const result = bargainCut({ ...input, random: replay(draws) });
    expect(result.cutFen).toBe(cut);
    expect(result.newPriceFen).toBe(input.currentFen - cut);
    expect(result.floorReached).toBe(result.newPriceFen === input.floorFen);
  });

  it.each([
    [{ currentFen: 0, helpsDone: 4 }],
    [{ helpsDone: 5 }],
    [{ currentFen: 3, helpsDone: 0 }],
    [{ currentFen: 100.5 }],
  ])('refuses a bargain that may not be helped: %o', (change) => {
    expect(() => bargainCut({ ...base, ...change, random: () => 0.5 })).toThrow(RangeError);
  });

  /** Runs a whole bargain: helpsTarget helps with the given draws and new-user flags. */
  const runBargain = (
    startFen: number,
    floorFen: number,
    helpsTarget: number,
    draws: number[],
    newUsers: boolean[],
  ) => {
    const random = replay(draws);
    let price = startFen;
    const cuts: number[] = [];
    const prices: number[] = [];
    for (let help = 0; help < helpsTarget; help += 1) {
      const cut = bargainCut({
        currentFen: price,
        floorFen,
        helpsDone: help,
        helpsTarget,
        isNewUser: newUsers[help % Math.max(newUsers.length, 1)] ?? false,
        random,
      });
      cuts.push(cut.cutFen);
      price = cut.newPriceFen;
      prices.push(price);
    }
    return { cuts, prices };
  };
  const bargainArb = fc
    .record({
      floorFen: fc.integer({ min: 0, max: 50_000 }),
      helpsTarget: fc.integer({ min: 1, max: 100 }),
      extraFen: fc.integer({ min: 0, max: 200_000 }),
      draws: fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 100 }),
      newUsers: fc.array(fc.boolean(), { maxLength: 100 }),
    })
    .map((v) => ({ ...v, startFen: v.floorFen + v.helpsTarget + v.extraFen }));

  it('over exactly helpsTarget helps the cuts sum to start − floor, each a positive whole fen, the price above the floor until the last', () => {
    fc.assert(
      fc.property(bargainArb, ({ startFen, floorFen, helpsTarget, draws, newUsers }) => {
        const { cuts, prices } = runBargain(startFen, floorFen, helpsTarget, draws, newUsers);
        expect(cuts.reduce((a, b) => a + b, 0)).toBe(startFen - floorFen);
        for (const cut of cuts) expect(Number.isInteger(cut) && cut >= 1).toBe(true);
        expect(prices.at(-1)).toBe(floorFen);
        for (const price of prices.slice(0, -1)) expect(price).toBeGreaterThan(floorFen);
        // Never passed: one more help is refused.
        expect(() =>
          bargainCut({
            currentFen: floorFen,
            floorFen,
            helpsDone: helpsTarget,
            helpsTarget,
            isNewUser: false,
            random: () => 0,
          }),
        ).toThrow(RangeError);
      }),
      { seed: SEED },
    );
  });

  it('is deterministic for a given random sequence', () => {
    fc.assert(
      fc.property(bargainArb, ({ startFen, floorFen, helpsTarget, draws, newUsers }) => {
        expect(runBargain(startFen, floorFen, helpsTarget, draws, newUsers)).toEqual(
          runBargain(startFen, floorFen, helpsTarget, draws, newUsers),
        );
      }),
      { seed: SEED },
    );
  });

  it('gives a new user at least the ordinary cut for the same draw, and twice it unless capped', () => {
    fc.assert(
      fc.property(bargainArb, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (b, draw) => {
        if (b.helpsTarget < 2) return;
        const input = { currentFen: b.startFen, floorFen: b.floorFen, helpsDone: 0, helpsTarget: b.helpsTarget };
        const ordinary = bargainCut({ ...input, isNewUser: false, random: () => draw }).cutFen;
        const fresh = bargainCut({ ...input, isNewUser: true, random: () => draw }).cutFen;
        const cap = b.startFen - b.floorFen - (b.helpsTarget - 1);
        expect(fresh).toBe(Math.min(2 * ordinary, cap));
      }),
      { seed: SEED },
    );
  });
});

describe('bargain status, countdown and help check', () => {
  const expiresAt = new Date('2026-12-06T12:00:00Z');
  const before = new Date('2026-12-06T11:59:59.500Z');
  it.each([
    ['open', before, 'open'],
    ['open', expiresAt, 'expired'],
    ['floor_reached', before, 'floor_reached'],
    ['floor_reached', expiresAt, 'expired'],
    ['ordered', expiresAt, 'ordered'],
    ['bought', expiresAt, 'bought'],
    ['expired', before, 'expired'],
  ] as const)('%s at %s is %s', (status, now, shown) => {
    expect(bargainStatus({ status, expiresAt }, now)).toBe(shown);
  });

  it('counts down in whole seconds, rounded up, never below zero', () => {
    expect(bargainCountdownSeconds(expiresAt, before)).toBe(1);
    expect(bargainCountdownSeconds(expiresAt, expiresAt)).toBe(0);
    expect(bargainCountdownSeconds(expiresAt, new Date('2026-12-07T00:00:00Z'))).toBe(0);
    expect(bargainCountdownSeconds(expiresAt, new Date('2026-12-06T00:00:00Z'))).toBe(43200);
  });

  it('closes a bargain after its window, but never after the activity', () => {
    const startedAt = new Date('2026-12-06T00:00:00Z');
    expect(bargainExpiresAt({ startedAt, windowHours: 12, activityEndsAt: new Date('2026-12-08T00:00:00Z') })).toEqual(
      expiresAt,
    );
    const activityEndsAt = new Date('2026-12-06T05:00:00Z');
    expect(bargainExpiresAt({ startedAt, windowHours: 12, activityEndsAt })).toEqual(activityEndsAt);
  });

  const check = {
    status: 'open',
    expiresAt,
    ownerUserId: 'a',
    helperUserId: 'b',
    alreadyHelped: false,
    now: before,
  } as const;
  it.each([
    [{}, null],
    [{ helperUserId: null }, 'not_signed_in'],
    [{ helperUserId: 'a' }, 'own'],
    [{ now: expiresAt }, 'expired'],
    [{ status: 'expired' }, 'expired'],
    [{ status: 'ordered' }, 'ordered'],
    [{ status: 'bought' }, 'ordered'],
    [{ alreadyHelped: true }, 'already_helped'],
    [{ status: 'floor_reached' }, 'floor_reached'],
    [{ status: 'floor_reached', alreadyHelped: true }, 'already_helped'],
  ] as const)('%o → %s', (change, reason) => {
    expect(bargainHelpCheck({ ...check, ...change })).toEqual(reason === null ? { ok: true } : { ok: false, reason });
  });
});
