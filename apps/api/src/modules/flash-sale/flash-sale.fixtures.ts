import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { Insertable } from 'kysely';
import type { Database } from '../../db/database';
import { createGateRedis } from './flash-sale.routes';
import type { FlashSaleSlotsTable } from './flash-sale.table';
import { createPostgresStockGate } from './postgres-stock-gate';
import { createRedisStockGate } from './redis-stock-gate';
import type { GateSlot, StockGate } from './stock-gate';

const HOUR_MS = 3600_000;
let slotCounter = 0;

/** A live slot (started an hour before `now`, ends an hour after) of the first fixture SKU. */
export async function createSlot(
  db: Database,
  now: Date,
  overrides: Partial<Insertable<FlashSaleSlotsTable>> = {},
): Promise<GateSlot & { id: string }> {
  slotCounter += 1;
  const sku = await db.selectFrom('skus').select(['id', 'product_id']).orderBy('id').executeTakeFirstOrThrow();
  const row = await db
    .insertInto('flash_sale_slots')
    .values({
      id: `slot-${process.pid}-${slotCounter}-${Date.now()}`,
      product_id: sku.product_id,
      sku_id: sku.id,
      title: '整点秒杀',
      price_fen: 9900,
      starts_at: new Date(now.getTime() - HOUR_MS),
      ends_at: new Date(now.getTime() + HOUR_MS),
      stock: 10,
      per_user_limit: 1,
      created_at: now,
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    stock: row.stock,
    perUserLimit: row.per_user_limit,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    holdMinutes: row.hold_minutes,
  };
}

/** `n` new users straight in the table (the gate only needs their ids). */
export async function createUsers(db: Database, n: number): Promise<string[]> {
  const rows = await db
    .insertInto('users')
    .values(Array.from({ length: n }, (_, i) => ({ nickname: `秒杀用户${i}` })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** How the database sees a slot: claims by status and the PostgreSQL gate's `taken`. */
export async function claimState(db: Database, slotId: string) {
  const [slot, claims] = await Promise.all([
    db.selectFrom('flash_sale_slots').select(['stock', 'taken']).where('id', '=', slotId).executeTakeFirstOrThrow(),
    db.selectFrom('flash_sale_claims').select(['status', 'quantity']).where('slot_id', '=', slotId).execute(),
  ]);
  const units = (status: string) => claims.filter((c) => c.status === status).reduce((sum, c) => sum + c.quantity, 0);
  return { taken: slot.taken, held: units('held'), paid: units('paid'), released: units('released') };
}

export interface GateCase {
  name: string;
  /** Why the case is skipped, or null when it runs. */
  skip: string | null;
  open(db: Database): Promise<{ gate: StockGate; close(): Promise<void> }>;
}

/** Both gates behind one table: PostgreSQL always, Redis when REDIS_URL is set (visibly skipped otherwise). */
export function gateCases(): GateCase[] {
  const redisUrl = process.env.REDIS_URL;
  return [
    {
      name: 'PostgreSQL gate',
      skip: null,
      async open(db) {
        return { gate: createPostgresStockGate(db), close: async () => {} };
      },
    },
    {
      name: 'Redis gate',
      skip: redisUrl ? null : 'REDIS_URL is not set',
      async open(db) {
        const redis = createGateRedis(redisUrl as string, () => {});
        await once(redis, 'ready');
        // Keys of this run only, removed on close, so parallel runs never share a slot.
        const keyPrefix = `wm:test:${randomUUID()}:`;
        return {
          gate: createRedisStockGate({ db, redis, keyPrefix }),
          async close() {
            const keys = await redis.keys(`${keyPrefix}*`);
            if (keys.length > 0) await redis.del(...keys);
            redis.disconnect();
          },
        };
      },
    },
  ];
}
