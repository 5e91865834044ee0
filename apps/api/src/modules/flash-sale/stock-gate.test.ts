import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { claimState, createSlot, createUsers, gateCases } from './flash-sale.fixtures';
import { createRedisStockGate } from './redis-stock-gate';
import type { StockGate } from './stock-gate';
import { StockGateUnavailableError } from './stock-gate';

describe.each(testDatabases())('flash-sale stock gates on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });
  const now = (): Date => t.time.clock();

  for (const gateCase of gateCases()) {
    // PGlite is one connection: the PostgreSQL gate's races only prove something on PostgreSQL.
    // The Redis gate decides in Redis, so its races mean something on either database.
    const raceSkip =
      gateCase.skip ??
      (gateCase.name === 'PostgreSQL gate' && database.name === 'PGlite' ? 'PGlite serialises everything' : null);

    describe.skipIf(gateCase.skip !== null)(
      `${gateCase.name}${gateCase.skip ? ` (skipped: ${gateCase.skip})` : ''}`,
      () => {
        let gate: StockGate;
        let close: () => Promise<void>;
        beforeAll(async () => {
          ({ gate, close } = await gateCase.open(t.db));
        });
        afterAll(async () => {
          await close?.();
        });

        it.skipIf(raceSkip !== null)(
          `200 concurrent claims from 200 shoppers for 10 units: exactly 10 taken, never below zero${raceSkip ? ` (skipped: ${raceSkip})` : ''}`,
          async () => {
            const slot = await createSlot(t.db, now(), { stock: 10 });
            const users = await createUsers(t.db, 200);
            const results = await Promise.all(users.map((userId) => gate.take(slot, userId, 1, now())));
            const taken = results.filter((r) => r.outcome === 'taken');
            expect(taken).toHaveLength(10);
            expect(results.filter((r) => r.outcome === 'sold_out')).toHaveLength(190);
            expect(await gate.remaining(slot)).toBe(0);
            const state = await claimState(t.db, slot.id);
            expect(state.held).toBe(10);
            expect(state.taken).toBe(gate.kind === 'postgres' ? 10 : 0);
          },
        );

        it.skipIf(raceSkip !== null)(
          `one shopper pressing 20 times at once gets one claim; more than the limit is refused${raceSkip ? ` (skipped: ${raceSkip})` : ''}`,
          async () => {
            const slot = await createSlot(t.db, now(), { stock: 10, per_user_limit: 2 });
            const [userId] = (await createUsers(t.db, 1)) as [string];
            expect((await gate.take(slot, userId, 3, now())).outcome).toBe('limit_reached');
            const results = await Promise.all(Array.from({ length: 20 }, () => gate.take(slot, userId, 2, now())));
            expect(results.filter((r) => r.outcome === 'taken')).toHaveLength(1);
            expect(results.filter((r) => r.outcome === 'limit_reached')).toHaveLength(19);
            expect(await gate.remaining(slot)).toBe(8);
            expect((await claimState(t.db, slot.id)).held).toBe(2);
          },
        );

        it('gives a claim back once, however often it is asked; the shopper may then claim again', async () => {
          const slot = await createSlot(t.db, now(), { stock: 1 });
          const [first, second] = (await createUsers(t.db, 2)) as [string, string];
          const claim = await gate.take(slot, first, 1, now());
          if (claim.outcome !== 'taken') throw new Error(`expected a claim, got ${claim.outcome}`);
          expect(claim.holdUntil.getTime() - now().getTime()).toBe(15 * 60_000);
          expect((await gate.take(slot, second, 1, now())).outcome).toBe('sold_out');

          const answers = [];
          for (let i = 0; i < 3; i += 1) answers.push(await gate.giveBack(claim.claimId, now()));
          expect(answers).toEqual([true, false, false]);
          expect(await gate.remaining(slot)).toBe(1);
          expect(await claimState(t.db, slot.id)).toMatchObject({ held: 0, released: 1, taken: 0 });

          expect((await gate.take(slot, second, 1, now())).outcome).toBe('taken');
          expect(await gate.remaining(slot)).toBe(0);
          expect(await gate.giveBack('00000000-0000-4000-8000-000000000000', now())).toBe(false);
        });

        it.skipIf(raceSkip !== null)(
          `give-backs racing each other free the units once${raceSkip ? ` (skipped: ${raceSkip})` : ''}`,
          async () => {
            const slot = await createSlot(t.db, now(), { stock: 3, per_user_limit: 3 });
            const [userId] = (await createUsers(t.db, 1)) as [string];
            const claim = await gate.take(slot, userId, 3, now());
            if (claim.outcome !== 'taken') throw new Error(`expected a claim, got ${claim.outcome}`);
            const answers = await Promise.all(Array.from({ length: 10 }, () => gate.giveBack(claim.claimId, now())));
            expect(answers.filter(Boolean)).toHaveLength(1);
            expect(await gate.remaining(slot)).toBe(3);
          },
        );
      },
    );
  }

  describe('Redis gate pointed at a closed port', () => {
    it('takes nothing: StockGateUnavailableError, no claim row', async () => {
      const redis = new Redis('redis://127.0.0.1:1', {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        lazyConnect: true,
        retryStrategy: () => null,
      });
      redis.on('error', () => {});
      await redis.connect().catch(() => {});
      const gate = createRedisStockGate({ db: t.db, redis, keyPrefix: 'wm:test:closed:' });
      const slot = await createSlot(t.db, now(), { stock: 5 });
      const [userId] = (await createUsers(t.db, 1)) as [string];
      await expect(gate.take(slot, userId, 1, now())).rejects.toBeInstanceOf(StockGateUnavailableError);
      await expect(gate.remaining(slot)).rejects.toBeInstanceOf(StockGateUnavailableError);
      expect(await claimState(t.db, slot.id)).toEqual({ taken: 0, held: 0, paid: 0, released: 0 });
      redis.disconnect();
    });
  });
});
