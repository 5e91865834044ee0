import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database';
import {
  findSlot,
  peekSlotForShopper,
  releaseHeldClaim,
  returnSlotUnits,
  takeSlotUnits,
} from './flash-sale.repository';
import { type GateSlot, holdUntilOf, type StockGate, type TakeResult } from './stock-gate';

/** Rolls the claim's transaction back without an error reaching the caller. */
class Refused extends Error {
  constructor(readonly outcome: 'sold_out' | 'limit_reached') {
    super(outcome);
  }
}

/**
 * The gate on PostgreSQL alone: one transaction inserts the shopper's claim (the partial
 * unique index allows one live claim per shopper and slot; a second one conflicts and does
 * nothing) and takes the units with a relative update guarded by `taken + qty <= stock`.
 * Claims of one slot queue on its row lock, so it can never oversell, on any number of
 * API instances; the price is that every claim of a hot slot waits for that one row, so a
 * plain read refuses the sold-out and already-claimed presses before they join the queue.
 */
export function createPostgresStockGate(db: Database): StockGate {
  return {
    kind: 'postgres',

    async take(slot: GateSlot, userId: string, quantity: number, now: Date): Promise<TakeResult> {
      if (quantity > slot.perUserLimit) return { outcome: 'limit_reached' };
      // Most presses in a sale come after the last unit or from shoppers who already hold one:
      // refuse those on a plain read, so they never queue on the slot's row lock. A stale read
      // can only refuse early (a unit given back a moment ago); it never hands one out.
      const glance = await peekSlotForShopper(db, { slotId: slot.id, userId });
      if (glance?.hasLiveClaim) return { outcome: 'limit_reached' };
      if (!glance || glance.left < quantity) return { outcome: 'sold_out' };
      const claimId = randomUUID();
      const holdUntil = holdUntilOf(slot, now);
      try {
        await db.transaction().execute(async (trx) => {
          const claim = await trx
            .insertInto('flash_sale_claims')
            .values({
              id: claimId,
              slot_id: slot.id,
              user_id: userId,
              quantity,
              status: 'held',
              hold_until: holdUntil,
              created_at: now,
            })
            .onConflict((oc) => oc.columns(['slot_id', 'user_id']).where('status', '<>', 'released').doNothing())
            .returning('id')
            .executeTakeFirst();
          if (!claim) throw new Refused('limit_reached');
          if (!(await takeSlotUnits(trx, { slotId: slot.id, quantity, now }))) throw new Refused('sold_out');
        });
      } catch (error) {
        if (error instanceof Refused) return { outcome: error.outcome };
        throw error;
      }
      return { outcome: 'taken', claimId, holdUntil };
    },

    async giveBack(claimId: string, now: Date): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const released = await releaseHeldClaim(trx, { claimId, now });
        if (!released) return false;
        await returnSlotUnits(trx, { slotId: released.slot_id, quantity: released.quantity });
        return true;
      });
    },

    async remaining(slot: GateSlot): Promise<number> {
      const row = await findSlot(db, slot.id);
      return row ? row.stock - row.taken : 0;
    },
  };
}
