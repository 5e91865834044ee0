import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { BargainError } from './bargain.errors';
import { bargainState, createActivity, createHelpers } from './bargain.fixtures';
import { helpBargain, startBargain, systemRandom } from './bargain.service';

/** What a help attempt came to: the cut, or the refusal's code. */
async function attempt(promise: Promise<{ cutFen: number }>): Promise<string> {
  try {
    await promise;
    return 'helped';
  } catch (error) {
    if (error instanceof BargainError) return error.code;
    throw error;
  }
}

const count = (outcomes: string[], outcome: string): number => outcomes.filter((o) => o === outcome).length;

describe.each(testDatabases())('bargain helps under concurrency on $name', (database) => {
  // PGlite is one connection: it runs the transactions one after another, so a race there proves nothing.
  const skip = database.name === 'PGlite' ? 'PGlite serialises everything' : null;
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  it.skipIf(skip !== null)(
    `30 helpers at once on a bargain needing 5: exactly 5 helps, the price exactly at the floor, 25 BARGAIN_FLOOR_REACHED${skip ? ` (skipped: ${skip})` : ''}`,
    async () => {
      for (let round = 0; round < 3; round += 1) {
        const now = t.time.clock();
        const activity = await createActivity(t.db, now, { helpsTarget: 5, floorPriceFen: 1900 });
        const [owner, ...helpers] = (await createHelpers(t.db, 31)) as [string, ...string[]];
        const { started } = await startBargain(t.db, { activityId: activity.id, userId: owner, now });
        const outcomes = await Promise.all(
          helpers.map((helperUserId) =>
            attempt(helpBargain(t.db, { bargainId: started.bargainId, helperUserId, now, random: systemRandom })),
          ),
        );
        expect(count(outcomes, 'helped')).toBe(5);
        expect(count(outcomes, 'BARGAIN_FLOOR_REACHED')).toBe(25);
        const state = await bargainState(t.db, started.bargainId);
        expect(state.row).toMatchObject({ status: 'floor_reached', helps_done: 5, current_price_fen: 1900 });
        expect(state.helps).toHaveLength(5);
        expect(state.cutSum).toBe(8900 - 1900);
      }
    },
  );

  it.skipIf(skip !== null)(
    `one helper pressing 10 times at once: one help, nine BARGAIN_ALREADY_HELPED${skip ? ` (skipped: ${skip})` : ''}`,
    async () => {
      const now = t.time.clock();
      const activity = await createActivity(t.db, now, { helpsTarget: 5 });
      const [owner, helperUserId] = (await createHelpers(t.db, 2)) as [string, string];
      const { started } = await startBargain(t.db, { activityId: activity.id, userId: owner, now });
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, () =>
          attempt(helpBargain(t.db, { bargainId: started.bargainId, helperUserId, now, random: systemRandom })),
        ),
      );
      expect(count(outcomes, 'helped')).toBe(1);
      expect(count(outcomes, 'BARGAIN_ALREADY_HELPED')).toBe(9);
      const state = await bargainState(t.db, started.bargainId);
      expect(state.row.helps_done).toBe(1);
      expect(state.row.current_price_fen).toBe(8900 - state.cutSum);
    },
  );

  it.skipIf(skip !== null)(
    `one owner starting 10 times at once: one bargain${skip ? ` (skipped: ${skip})` : ''}`,
    async () => {
      const now = t.time.clock();
      const activity = await createActivity(t.db, now, { perUserLimit: 3 });
      const [owner] = (await createHelpers(t.db, 1)) as [string];
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => startBargain(t.db, { activityId: activity.id, userId: owner, now })),
      );
      expect(new Set(answers.map((a) => a.started.bargainId)).size).toBe(1);
      expect(answers.filter((a) => a.created)).toHaveLength(1);
    },
  );

  it('systemRandom draws in [0, 1)', () => {
    for (let i = 0; i < 1000; i += 1) {
      const r = systemRandom();
      expect(r >= 0 && r < 1).toBe(true);
    }
  });
});
