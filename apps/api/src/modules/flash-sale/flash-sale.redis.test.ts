import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { claimState, createSlot, createUsers } from './flash-sale.fixtures';
import { createGateRedis } from './flash-sale.routes';
import { createRedisStockGate } from './redis-stock-gate';
import { StockGateUnavailableError, type TakeResult } from './stock-gate';

const REDIS_URL = process.env.REDIS_URL;
const SECOND_MS = 1000;

describe.skipIf(!REDIS_URL).each(testDatabases())(
  `flash-sale with Redis on $name${REDIS_URL ? '' : ' (skipped: REDIS_URL is not set)'}`,
  (database) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(database, { config: { redisUrl: REDIS_URL } });
    });
    afterAll(async () => {
      await t?.close();
    });
    const now = (): Date => t.time.clock();

    it('warms a slot a minute before it starts, never twice over a running sale', async () => {
      const soon = await createSlot(t.db, now(), {
        starts_at: new Date(now().getTime() + 30 * SECOND_MS),
        ends_at: new Date(now().getTime() + 3600 * SECOND_MS),
        stock: 4,
      });
      const later = await createSlot(t.db, now(), {
        starts_at: new Date(now().getTime() + 120 * SECOND_MS),
        ends_at: new Date(now().getTime() + 3600 * SECOND_MS),
      });
      const redis = createGateRedis(REDIS_URL as string, () => {});
      await once(redis, 'ready');
      try {
        const ticked = await t.jobs.tick(now());
        expect(ticked['flash-sale.warm']).toBeGreaterThanOrEqual(1);
        expect(await redis.get(`wm:fs:{${soon.id}}:stock`)).toBe('4');
        expect(await redis.get(`wm:fs:{${later.id}}:stock`)).toBeNull();

        t.time.advance(30 * SECOND_MS);
        const response = await t.app.inject({
          method: 'POST',
          url: `/api/flash-sales/${soon.id}/claim`,
          headers: bearer(await freshShopper(t)),
          payload: { quantity: 1 },
        });
        expect(response.statusCode, response.body).toBe(201);
        await t.jobs.tick(now());
        expect(await redis.get(`wm:fs:{${soon.id}}:stock`)).toBe('3');
        expect(await claimState(t.db, soon.id)).toMatchObject({ held: 1, taken: 0 });
      } finally {
        await redis.del(
          ...[soon.id, later.id].flatMap((id) => ['stock', 'users', 'claims'].map((k) => `wm:fs:{${id}}:${k}`)),
        );
        redis.disconnect();
        t.time.set(new Date(now().getTime() - 30 * SECOND_MS));
      }
    });

    it('reconciliation counts a slot whose Redis count and database claims disagree', async () => {
      const slot = await createSlot(t.db, now(), { stock: 5 });
      const [stray] = (await createUsers(t.db, 1)) as [string];
      const token = await freshShopper(t);
      const claimed = await t.app.inject({
        method: 'POST',
        url: `/api/flash-sales/${slot.id}/claim`,
        headers: bearer(token),
        payload: { quantity: 1 },
      });
      expect(claimed.statusCode, claimed.body).toBe(201);
      const before = (await t.jobs.tick(now()))['flash-sale.reconcile'] ?? -1;
      // A claim Redis never handed out (written around the gate): one more drifting slot.
      await t.db
        .insertInto('flash_sale_claims')
        .values({
          id: randomUUID(),
          slot_id: slot.id,
          user_id: stray,
          quantity: 1,
          status: 'paid',
          hold_until: now(),
          created_at: now(),
        })
        .execute();
      expect((await t.jobs.tick(now()))['flash-sale.reconcile']).toBe(before + 1);
    });

    it('Redis dropped mid-sale: the rest answer unavailable, nothing oversold, database claims never above Redis', async () => {
      const redis = createGateRedis(REDIS_URL as string, () => {});
      await once(redis, 'ready');
      const keyPrefix = `wm:test:${randomUUID()}:`;
      const gate = createRedisStockGate({ db: t.db, redis, keyPrefix });
      const slot = await createSlot(t.db, now(), { stock: 50 });
      await gate.warm(slot);
      const users = await createUsers(t.db, 120);
      const take = (userId: string): Promise<TakeResult['outcome'] | 'unavailable'> =>
        gate.take(slot, userId, 1, now()).then(
          (result) => result.outcome,
          (error: unknown) => {
            if (!(error instanceof StockGateUnavailableError)) throw error;
            return 'unavailable' as const;
          },
        );
      // Given 30 claims answered, when Redis drops with 40 more just sent (already on the
      // wire: answered or lost) and 50 come after it, then:
      const first = await Promise.all(users.slice(0, 30).map(take));
      const inFlight = users.slice(30, 70).map(take);
      redis.disconnect();
      await new Promise((resolve) => setImmediate(resolve));
      const afterDrop = await Promise.all(users.slice(70).map(take));
      const outcomes = [...first, ...(await Promise.all(inFlight)), ...afterDrop];
      expect(afterDrop.every((o) => o === 'unavailable')).toBe(true);
      const taken = outcomes.filter((o) => o === 'taken').length;
      expect(first.every((o) => o === 'taken')).toBe(true);
      expect(taken).toBeLessThanOrEqual(slot.stock);
      expect((await claimState(t.db, slot.id)).held).toBe(taken);

      // Back up: Redis has handed out at least what the database holds (a lost answer is an
      // unsold unit that reconciliation reports, never a second sale of one).
      const again = createGateRedis(REDIS_URL as string, () => {});
      await once(again, 'ready');
      const after = createRedisStockGate({ db: t.db, redis: again, keyPrefix });
      const { redisTaken, claimed } = await after.drift(slot);
      expect(claimed).toBe(taken);
      expect(redisTaken).toBeGreaterThanOrEqual(claimed);
      expect(redisTaken).toBeLessThanOrEqual(slot.stock);
      const keys = await again.keys(`${keyPrefix}*`);
      if (keys.length > 0) await again.del(...keys);
      again.disconnect();
    });
  },
);
