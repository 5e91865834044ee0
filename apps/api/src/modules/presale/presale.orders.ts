import { randomUUID } from 'node:crypto';
import { presaleOrderUnitPrice, presaleStatus } from '@wematrix/shared';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { CampaignOrderHandler, CampaignOrderTerms } from '../../flows/campaign-orders';
import { PresaleError } from './presale.errors';
import { insertBooking, lockPresale, takePresaleUnits, unitsOfShopper } from './presale.repository';

/**
 * The terms of a presale order, inside the order's transaction: the presale row locked (one
 * order at a time reads `sold`, which the units ladder prices by), the window and the
 * shopper's limit checked, the price locked at the current rung (by units: the rung of the
 * order's last unit), the units taken with a guarded update and a booking written.
 * `dryRun` (the quote) checks and prices without writing.
 */
export async function presaleOrderTerms(
  trx: Transaction<DB>,
  input: { presaleId: string; userId: string; quantity: number; now: Date; dryRun?: boolean },
): Promise<CampaignOrderTerms> {
  const presale = await lockPresale(trx, input.presaleId);
  if (!presale) throw new PresaleError('PRESALE_NOT_FOUND');
  const status = presaleStatus(
    { startsAt: presale.starts_at, endsAt: presale.ends_at, stock: presale.stock },
    { now: input.now, unitsSold: presale.sold },
  );
  if (status === 'upcoming' || status === 'ended')
    throw new PresaleError('PRESALE_NOT_LIVE', {
      details: { startsAt: presale.starts_at.toISOString(), endsAt: presale.ends_at.toISOString() },
    });
  if (presale.sold + input.quantity > presale.stock)
    throw new PresaleError('PRESALE_SOLD_OUT', { details: { left: presale.stock - presale.sold } });
  const mine = await unitsOfShopper(trx, presale.id, input.userId);
  if (mine + input.quantity > presale.per_user_limit)
    throw new PresaleError('PRESALE_LIMIT_REACHED', {
      details: { perUserLimit: presale.per_user_limit, already: mine },
    });
  const unitPriceFen = presaleOrderUnitPrice(
    { startsAt: presale.starts_at, ladder: presale.ladder },
    { now: input.now, unitsSold: presale.sold, quantity: input.quantity },
  );
  const ref = randomUUID();
  if (!input.dryRun) {
    // The row lock makes this the only writer; the guard is the backstop (and the CHECK behind it).
    if (!(await takePresaleUnits(trx, { presaleId: presale.id, quantity: input.quantity })))
      throw new PresaleError('PRESALE_SOLD_OUT');
    await insertBooking(trx, {
      id: ref,
      presale_id: presale.id,
      user_id: input.userId,
      quantity: input.quantity,
      unit_price_fen: unitPriceFen,
      now: input.now,
    });
  }
  return { kind: 'presale', ref, skuId: presale.sku_id, quantity: input.quantity, unitPriceFen };
}

/** A booking's side of its order: conditional updates in the order's transaction. */
export const presaleOrderHandler: CampaignOrderHandler = {
  async attach(trx, { ref, orderId, now }) {
    await trx
      .updateTable('presale_bookings')
      .set({ order_id: orderId, updated_at: now })
      .where('id', '=', ref)
      .where('order_id', 'is', null)
      .execute();
  },
  async paid(executor, { ref, at }) {
    await executor
      .updateTable('presale_bookings')
      .set({ status: 'paid', updated_at: at })
      .where('id', '=', ref)
      .where('status', '=', 'held')
      .execute();
  },
  async cancelled(executor, { ref, at }) {
    // The units go back to the presale once: only the update that releases the booking returns it.
    const released = await executor
      .updateTable('presale_bookings')
      .set({ status: 'released', updated_at: at })
      .where('id', '=', ref)
      .where('status', '=', 'held')
      .returning(['presale_id', 'quantity'])
      .executeTakeFirst();
    if (!released) return;
    await executor
      .updateTable('presales')
      .set((eb) => ({ sold: eb('sold', '-', released.quantity) }))
      .where('id', '=', released.presale_id)
      .execute();
  },
  async refunded(executor, { ref, at }) {
    // Refunded units are not sold again: the price ladder already moved past them.
    await executor
      .updateTable('presale_bookings')
      .set({ status: 'refunded', updated_at: at })
      .where('id', '=', ref)
      .where('status', '=', 'paid')
      .execute();
  },
};
