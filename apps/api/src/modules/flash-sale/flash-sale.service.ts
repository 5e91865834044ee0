import { checkFlashSaleLimit, type FlashSaleClaim, type FlashSaleSlot, flashSaleSlotStatus } from '@wematrix/shared';
import type { Database } from '../../db/database';
import { FlashSaleError } from './flash-sale.errors';
import { findSlot, listOpenSlots, type SlotRow, slotRowToGateSlot } from './flash-sale.repository';
import { type StockGate, StockGateUnavailableError } from './stock-gate';

/** Runs a gate call; an unreachable store becomes 503 FLASH_SALE_UNAVAILABLE. */
async function throughGate<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof StockGateUnavailableError) throw new FlashSaleError('FLASH_SALE_UNAVAILABLE');
    throw error;
  }
}

/** Slots not yet ended, with what the gate has left and their status at `now`. */
export async function listFlashSales(db: Database, gate: StockGate, now: Date): Promise<FlashSaleSlot[]> {
  const rows = await listOpenSlots(db, now);
  return Promise.all(
    rows.map(async (row) => {
      const remaining = await throughGate(() => gate.remaining(slotRowToGateSlot(row)));
      return {
        id: row.id,
        campaignId: row.campaign_id,
        productId: row.product_id,
        skuId: row.sku_id,
        title: row.title,
        priceFen: row.price_fen,
        startsAt: row.starts_at.toISOString(),
        endsAt: row.ends_at.toISOString(),
        stock: row.stock,
        remaining,
        perUserLimit: row.per_user_limit,
        status: flashSaleSlotStatus({ startsAt: row.starts_at, endsAt: row.ends_at, remaining }, now),
      };
    }),
  );
}

/**
 * Claims units of a live slot for the shopper: rules first (window, quantity against the
 * limit), then the gate decides stock and the limit under concurrency.
 */
export async function claimFlashSale(
  db: Database,
  gate: StockGate,
  input: { slotId: string; userId: string; quantity: number; now: Date },
  slotOf: (slotId: string) => Promise<SlotRow | undefined> = (slotId) => findSlot(db, slotId),
): Promise<FlashSaleClaim> {
  const row = await slotOf(input.slotId);
  if (!row) throw new FlashSaleError('FLASH_SALE_NOT_FOUND');
  const { now } = input;
  if (now < row.starts_at || now >= row.ends_at)
    throw new FlashSaleError('FLASH_SALE_NOT_LIVE', {
      details: { startsAt: row.starts_at.toISOString(), endsAt: row.ends_at.toISOString() },
    });
  const limit = checkFlashSaleLimit({ quantity: input.quantity, alreadyClaimed: 0, perUserLimit: row.per_user_limit });
  if (!limit.ok)
    throw new FlashSaleError('FLASH_SALE_LIMIT_REACHED', { details: { perUserLimit: row.per_user_limit } });
  const result = await throughGate(() => gate.take(slotRowToGateSlot(row), input.userId, input.quantity, now));
  if (result.outcome === 'sold_out') throw new FlashSaleError('FLASH_SALE_SOLD_OUT');
  if (result.outcome === 'limit_reached')
    throw new FlashSaleError('FLASH_SALE_LIMIT_REACHED', { details: { perUserLimit: row.per_user_limit } });
  return {
    claimId: result.claimId,
    slotId: row.id,
    quantity: input.quantity,
    holdUntil: result.holdUntil.toISOString(),
  };
}
