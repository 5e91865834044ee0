import { type Selectable, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { Executor } from '../../db/executor';
import type { FlashSaleSlotsTable } from './flash-sale.table';
import type { GateSlot } from './stock-gate';

export type SlotRow = Selectable<FlashSaleSlotsTable>;

export function slotRowToGateSlot(row: SlotRow): GateSlot {
  return {
    id: row.id,
    stock: row.stock,
    perUserLimit: row.per_user_limit,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    holdMinutes: row.hold_minutes,
  };
}

export function findSlot(db: Executor, slotId: string): Promise<SlotRow | undefined> {
  return db.selectFrom('flash_sale_slots').selectAll().where('id', '=', slotId).executeTakeFirst();
}

/** Slots not yet ended at `now`, soonest first. */
export function listOpenSlots(db: Executor, now: Date): Promise<SlotRow[]> {
  return db
    .selectFrom('flash_sale_slots')
    .selectAll()
    .where('ends_at', '>', now)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

/**
 * Takes `quantity` units of a live slot: a relative update guarded by the stock and the
 * window. Locks the row until the transaction ends, so claims of one slot queue here.
 */
export async function takeSlotUnits(
  trx: Transaction<DB>,
  { slotId, quantity, now }: { slotId: string; quantity: number; now: Date },
): Promise<boolean> {
  const row = await trx
    .updateTable('flash_sale_slots')
    .set({ taken: sql`taken + ${quantity}` })
    .where('id', '=', slotId)
    .where('starts_at', '<=', now)
    .where('ends_at', '>', now)
    .where(sql<boolean>`taken + ${quantity} <= stock`)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * A lock-free look at a slot for one shopper (a plain MVCC read, which never waits for the
 * slot's row lock): units left and whether the shopper already holds a live claim. Used only
 * to refuse early; the guarded transaction still decides every unit it hands out.
 */
export async function peekSlotForShopper(
  db: Executor,
  { slotId, userId }: { slotId: string; userId: string },
): Promise<{ left: number; hasLiveClaim: boolean } | undefined> {
  const row = await db
    .selectFrom('flash_sale_slots as s')
    .select((eb) => [
      sql<number>`s.stock - s.taken`.as('left'),
      eb
        .exists(
          eb
            .selectFrom('flash_sale_claims as c')
            .select('c.id')
            .whereRef('c.slot_id', '=', 's.id')
            .where('c.user_id', '=', userId)
            .where('c.status', '<>', 'released'),
        )
        .as('has_live_claim'),
    ])
    .where('s.id', '=', slotId)
    .executeTakeFirst();
  return row ? { left: Number(row.left), hasLiveClaim: Boolean(row.has_live_claim) } : undefined;
}

/** Returns units to the slot; guarded so `taken` never goes below zero. */
export async function returnSlotUnits(
  trx: Transaction<DB>,
  { slotId, quantity }: { slotId: string; quantity: number },
): Promise<void> {
  await trx
    .updateTable('flash_sale_slots')
    .set({ taken: sql`taken - ${quantity}` })
    .where('id', '=', slotId)
    .where('taken', '>=', quantity)
    .execute();
}

export async function insertHeldClaim(
  db: Executor,
  claim: { id: string; slotId: string; userId: string; quantity: number; holdUntil: Date; now: Date },
): Promise<void> {
  await db
    .insertInto('flash_sale_claims')
    .values({
      id: claim.id,
      slot_id: claim.slotId,
      user_id: claim.userId,
      quantity: claim.quantity,
      status: 'held',
      hold_until: claim.holdUntil,
      created_at: claim.now,
    })
    .execute();
}

/** held -> released, once: answers the claim when this call released it. */
export function releaseHeldClaim(
  db: Executor,
  { claimId, now }: { claimId: string; now: Date },
): Promise<{ slot_id: string; user_id: string; quantity: number } | undefined> {
  return db
    .updateTable('flash_sale_claims')
    .set({ status: 'released', released_at: now })
    .where('id', '=', claimId)
    .where('status', '=', 'held')
    .returning(['slot_id', 'user_id', 'quantity'])
    .executeTakeFirst();
}

/** Held claims past their deadline (oldest first), for the release job. */
export async function dueHeldClaimIds(db: Executor, { now, limit }: { now: Date; limit: number }): Promise<string[]> {
  const rows = await db
    .selectFrom('flash_sale_claims')
    .select('id')
    .where('status', '=', 'held')
    .where('hold_until', '<=', now)
    // A claim turned into an order is given back by that order's cancel (flash-sale.orders.ts).
    .where('order_id', 'is', null)
    .orderBy('hold_until')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Units held or paid per slot (what a gate must have handed out), for reconciliation. */
export async function claimedUnitsBySlot(db: Executor, slotIds: string[]): Promise<Map<string, number>> {
  if (slotIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('flash_sale_claims')
    .select(['slot_id', sql<string>`sum(quantity)`.as('units')])
    .where('slot_id', 'in', slotIds)
    .where('status', '<>', 'released')
    .groupBy('slot_id')
    .execute();
  return new Map(rows.map((r) => [r.slot_id, Number(r.units)]));
}

/** Units each shopper holds or paid for in a slot (to warm Redis from the database). */
export async function claimedUnitsByUser(db: Executor, slotId: string): Promise<Array<[string, number]>> {
  const rows = await db
    .selectFrom('flash_sale_claims')
    .select(['user_id', 'quantity'])
    .where('slot_id', '=', slotId)
    .where('status', '<>', 'released')
    .execute();
  return rows.map((r) => [r.user_id, r.quantity]);
}
