import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Database } from '../../db/database';
import { claimedUnitsBySlot, insertHeldClaim, releaseHeldClaim } from './flash-sale.repository';
import { type GateSlot, holdUntilOf, type StockGate, StockGateUnavailableError, type TakeResult } from './stock-gate';

/**
 * One slot's keys. The `{slotId}` hash tag keeps them in one Redis Cluster slot, which a
 * script touching all three needs. stock: units free; users: shopper -> units held or paid;
 * claims: claim id -> "shopper:units" (what give-back returns, once).
 */
function keysOf(prefix: string, slotId: string): [string, string, string] {
  const base = `${prefix}{${slotId}}`;
  return [`${base}:stock`, `${base}:users`, `${base}:claims`];
}

/**
 * Stock check, per-user check, decrement and claim record in one script: Redis runs a script
 * alone, so no other claim can run between the check and the decrement.
 * Answers 1 taken, 0 sold out, -1 limit reached, -2 slot not loaded (warm it, then retry).
 */
const TAKE = `
local stock = redis.call('GET', KEYS[1])
if not stock then return -2 end
local qty = tonumber(ARGV[2])
local held = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
if held > 0 or qty > tonumber(ARGV[3]) then return -1 end
if tonumber(stock) < qty then return 0 end
redis.call('DECRBY', KEYS[1], qty)
redis.call('HINCRBY', KEYS[2], ARGV[1], qty)
redis.call('HSET', KEYS[3], ARGV[4], ARGV[1] .. ':' .. qty)
return 1
`;

/** Frees a claim's units once: the claim's entry is deleted in the same script. */
const GIVE_BACK = `
local v = redis.call('HGET', KEYS[3], ARGV[1])
if not v then return 0 end
local sep = string.find(v, ':', 1, true)
local user = string.sub(v, 1, sep - 1)
local qty = tonumber(string.sub(v, sep + 1))
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('INCRBY', KEYS[1], qty)
if redis.call('HINCRBY', KEYS[2], user, -qty) <= 0 then redis.call('HDEL', KEYS[2], user) end
return 1
`;

/**
 * Loads a slot only when it is not loaded yet (so a second warm-up never resets a running
 * sale): ARGV[1] units free, ARGV[2] time to live (ms), then claim id, shopper, units.
 */
const WARM = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('DEL', KEYS[2], KEYS[3])
redis.call('SET', KEYS[1], ARGV[1])
for i = 3, #ARGV, 3 do
  redis.call('HINCRBY', KEYS[2], ARGV[i + 1], tonumber(ARGV[i + 2]))
  redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1] .. ':' .. ARGV[i + 2])
end
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[2]) end
return 1
`;

/**
 * Keys outlive the slot by a week, for reconciliation and late give-backs. A time to live
 * from loading (the slot's length plus a week), not an instant: Redis keeps its own clock.
 */
const KEEP_AFTER_END_MS = 7 * 24 * 3600 * 1000;

export interface RedisStockGate extends StockGate {
  readonly kind: 'redis';
  /** Loads the slot's free units and live claims from the database unless already loaded. */
  warm(slot: GateSlot): Promise<boolean>;
  /** Units Redis has handed out minus the database's held and paid claims (0: in step). */
  drift(slot: GateSlot): Promise<{ redisTaken: number; claimed: number }>;
}

/**
 * The gate on Redis (ioredis): the hot path is one script, no row lock, so a popular slot
 * does not queue on one PostgreSQL row. The claim row is still written to the database
 * after the script answers (and the units given back in Redis when that write fails), so
 * orders and reconciliation read claims from one place. When Redis cannot be reached the
 * gate throws StockGateUnavailableError: it never falls back to the database, whose count
 * does not see what Redis has handed out (two counters would oversell).
 */
export function createRedisStockGate(deps: { db: Database; redis: Redis; keyPrefix?: string }): RedisStockGate {
  const { db, redis } = deps;
  const prefix = deps.keyPrefix ?? 'wm:fs:';

  async function run<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw new StockGateUnavailableError(error);
    }
  }

  async function warm(slot: GateSlot): Promise<boolean> {
    const claims = await db
      .selectFrom('flash_sale_claims')
      .select(['id', 'user_id', 'quantity'])
      .where('slot_id', '=', slot.id)
      .where('status', '<>', 'released')
      .execute();
    const claimed = claims.reduce((sum, c) => sum + c.quantity, 0);
    const args = [
      String(Math.max(0, slot.stock - claimed)),
      String(slot.endsAt.getTime() - slot.startsAt.getTime() + KEEP_AFTER_END_MS),
      ...claims.flatMap((c) => [c.id, c.user_id, String(c.quantity)]),
    ];
    const loaded = await run(() => redis.eval(WARM, 3, ...keysOf(prefix, slot.id), ...args));
    return loaded === 1;
  }

  async function giveBackInRedis(slotId: string, claimId: string): Promise<number> {
    return (await run(() => redis.eval(GIVE_BACK, 3, ...keysOf(prefix, slotId), claimId))) as number;
  }

  async function takeInRedis(slot: GateSlot, userId: string, quantity: number, claimId: string): Promise<number> {
    const args = [userId, String(quantity), String(slot.perUserLimit), claimId];
    return (await run(() => redis.eval(TAKE, 3, ...keysOf(prefix, slot.id), ...args))) as number;
  }

  return {
    kind: 'redis',
    warm,

    async take(slot, userId, quantity, now): Promise<TakeResult> {
      const claimId = randomUUID();
      let answer = await takeInRedis(slot, userId, quantity, claimId);
      if (answer === -2) {
        await warm(slot);
        answer = await takeInRedis(slot, userId, quantity, claimId);
      }
      if (answer === 0) return { outcome: 'sold_out' };
      if (answer !== 1) return { outcome: 'limit_reached' };
      const holdUntil = holdUntilOf(slot, now);
      try {
        await insertHeldClaim(db, { id: claimId, slotId: slot.id, userId, quantity, holdUntil, now });
      } catch (error) {
        // The explicit undo of the Redis step: the units go back, the caller sees the error.
        await giveBackInRedis(slot.id, claimId);
        throw error;
      }
      return { outcome: 'taken', claimId, holdUntil };
    },

    async giveBack(claimId, now): Promise<boolean> {
      // The database decides once (held -> released); Redis then frees the units, once per
      // claim id. If Redis is down here the unit stays taken there (undersold, never
      // oversold) and the reconciliation job reports the drift.
      const released = await releaseHeldClaim(db, { claimId, now });
      if (!released) return false;
      await giveBackInRedis(released.slot_id, claimId);
      return true;
    },

    async remaining(slot): Promise<number> {
      const [stockKey] = keysOf(prefix, slot.id);
      let value = await run(() => redis.get(stockKey));
      if (value === null) {
        await warm(slot);
        value = await run(() => redis.get(stockKey));
      }
      return Math.max(0, Number(value ?? 0));
    },

    async drift(slot) {
      const [stockKey] = keysOf(prefix, slot.id);
      const value = await run(() => redis.get(stockKey));
      const claimed = (await claimedUnitsBySlot(db, [slot.id])).get(slot.id) ?? 0;
      // Not loaded yet: nothing handed out by Redis, so nothing to compare.
      const redisTaken = value === null ? claimed : slot.stock - Number(value);
      return { redisTaken, claimed };
    },
  };
}
