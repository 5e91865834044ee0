import type { Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { CampaignOrderHandler, CampaignOrderTerms } from '../../flows/campaign-orders';
import { FlashSaleError } from './flash-sale.errors';

/**
 * The terms of an order placed from a held claim, inside the order's transaction: the claim
 * locked, checked to be this shopper's, still held, not yet ordered and within its hold; the
 * line is the slot's SKU at the slot's price for the claimed quantity, and the order must be
 * paid before the hold ends (docs/flash-sale.md "Ordering from a claim").
 */
export async function flashSaleOrderTerms(
  trx: Transaction<DB>,
  input: { claimId: string; userId: string; now: Date },
): Promise<CampaignOrderTerms> {
  const claim = await trx
    .selectFrom('flash_sale_claims as c')
    .innerJoin('flash_sale_slots as s', 's.id', 'c.slot_id')
    .select(['c.id', 'c.user_id', 'c.status', 'c.hold_until', 'c.order_id', 'c.quantity', 's.sku_id', 's.price_fen'])
    .where('c.id', '=', input.claimId)
    .forUpdate('c')
    .executeTakeFirst();
  if (
    !claim ||
    claim.user_id !== input.userId ||
    claim.status !== 'held' ||
    claim.order_id !== null ||
    claim.hold_until <= input.now
  ) {
    throw new FlashSaleError('FLASH_SALE_CLAIM_INVALID', { details: { claimId: input.claimId } });
  }
  return {
    kind: 'flash_sale',
    ref: claim.id,
    skuId: claim.sku_id,
    quantity: claim.quantity,
    unitPriceFen: claim.price_fen,
    payDeadlineAt: claim.hold_until,
  };
}

/**
 * A claim's side of its order. Every step is a conditional update on the claim row, in the
 * order's transaction. A cancelled order does not touch the gate here (the Redis gate's
 * store is outside this transaction): it detaches the claim and makes it due, and the
 * release job gives the units back through the gate on its next tick.
 */
export const flashSaleOrderHandler: CampaignOrderHandler = {
  async attach(trx, { ref, orderId }) {
    const attached = await trx
      .updateTable('flash_sale_claims')
      .set({ order_id: orderId })
      .where('id', '=', ref)
      .where('status', '=', 'held')
      .where('order_id', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!attached) throw new FlashSaleError('FLASH_SALE_CLAIM_INVALID', { details: { claimId: ref } });
  },
  async paid(executor, { ref, orderId }) {
    // Held until its order's cancel detaches it, and a cancelled order never becomes paid:
    // a paid order always finds its claim held.
    await executor
      .updateTable('flash_sale_claims')
      .set({ status: 'paid' })
      .where('id', '=', ref)
      .where('order_id', '=', orderId)
      .where('status', '=', 'held')
      .execute();
  },
  async cancelled(executor, { ref, orderId, at }) {
    await executor
      .updateTable('flash_sale_claims')
      .set((eb) => ({ order_id: null, hold_until: eb.fn('least', ['hold_until', eb.val(at)]) }))
      .where('id', '=', ref)
      .where('order_id', '=', orderId)
      .where('status', '=', 'held')
      .execute();
  },
  async refunded() {
    // A refunded flash-sale unit does not go back on sale: the slot is usually over, and the
    // SKU's own stock is restored by the refund when the goods are back.
  },
};
