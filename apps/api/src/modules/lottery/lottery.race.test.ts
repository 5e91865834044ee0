import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawLottery } from '../../flows/draw-lottery';
import { bearer, createTestApp, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { createUsers } from '../flash-sale/flash-sale.fixtures';
import { LotteryError } from './lottery.errors';
import { createTestLottery, lotteryState, prize } from './lottery.fixtures';

const assetUrl = (stored: string) => stored;

describe.each(testDatabases())('lottery draws under concurrency on $name', (database) => {
  // PGlite is one connection: it serialises every transaction, so these races prove nothing there.
  const skip = database.name === 'PGlite' ? 'PGlite serialises everything' : null;
  const suffix = skip ? ` (skipped: ${skip})` : '';
  let t: TestApp;
  beforeAll(async () => {
    if (!skip) t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  it.skipIf(skip !== null)(
    `100 shoppers drawing at once from a prize with stock 3 at 100%: exactly 3 awarded, 97 misses${suffix}`,
    async () => {
      const now = t.time.clock();
      const lottery = await createTestLottery(t.db, now, [prize({ kind: 'points', points: 10, stock: 3 })]);
      const users = await createUsers(t.db, 100);
      const results = await Promise.all(
        users.map((userId) => drawLottery(t.db, assetUrl, { lotteryId: lottery.id, userId, now, random: Math.random })),
      );
      expect(results.filter((r) => r.status === 'issued')).toHaveLength(3);
      expect(results.filter((r) => r.status === 'miss')).toHaveLength(97);
      expect(await lotteryState(t.db, lottery.id)).toMatchObject({ awarded: 3, issued: 3, miss: 97, drawn: 100 });
      const ledger = await t.db
        .selectFrom('points_ledger')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('user_id', 'in', users)
        .executeTakeFirstOrThrow();
      expect(Number(ledger.n)).toBe(3);
    },
  );

  it.skipIf(skip !== null)(
    `one shopper with 3 daily draws pressing 10 times at once: exactly 3 draws, 7 refusals that change nothing${suffix}`,
    async () => {
      const now = t.time.clock();
      const lottery = await createTestLottery(t.db, now, [prize({ kind: 'points', stock: 100 })], { dailyDraws: 3 });
      const token = await freshShopper(t);
      const responses = await Promise.all(
        Array.from({ length: 10 }, () =>
          t.app.inject({ method: 'POST', url: `/api/lotteries/${lottery.id}/draw`, headers: bearer(token) }),
        ),
      );
      const codes = responses.map((r) => r.statusCode).sort();
      expect(codes).toEqual([201, 201, 201, 409, 409, 409, 409, 409, 409, 409]);
      for (const r of responses.filter((x) => x.statusCode === 409)) {
        expect(r.json()).toMatchObject({ code: 'LOTTERY_NO_DRAWS_LEFT' });
      }
      expect(await lotteryState(t.db, lottery.id)).toMatchObject({ draws: 3, awarded: 3, drawn: 3 });
    },
  );

  it.skipIf(skip !== null)(
    `many shoppers each pressing several times on a small stock: awarded never exceeds stock, each within the limit${suffix}`,
    async () => {
      const now = t.time.clock();
      const lottery = await createTestLottery(
        t.db,
        now,
        [
          prize({ kind: 'points', probabilityPpm: 500_000, stock: 5 }),
          prize({ kind: 'points', stock: 2, probabilityPpm: 500_000 }),
        ],
        { dailyDraws: 2 },
      );
      const users = await createUsers(t.db, 20);
      const attempts = users.flatMap((userId) =>
        Array.from({ length: 3 }, () =>
          drawLottery(t.db, assetUrl, { lotteryId: lottery.id, userId, now, random: Math.random }).catch(
            (e: unknown) => {
              if (e instanceof LotteryError) return e.code;
              throw e;
            },
          ),
        ),
      );
      const results = await Promise.all(attempts);
      expect(results.filter((r) => r === 'LOTTERY_NO_DRAWS_LEFT')).toHaveLength(20);
      const state = await lotteryState(t.db, lottery.id);
      expect(state).toMatchObject({ draws: 40, drawn: 40 });
      expect(state.awarded).toBeLessThanOrEqual(7);
      const prizes = await t.db
        .selectFrom('lottery_prizes')
        .select(['stock', 'awarded'])
        .where('lottery_id', '=', lottery.id)
        .execute();
      for (const p of prizes) expect(p.awarded).toBeLessThanOrEqual(p.stock);
    },
  );
});
