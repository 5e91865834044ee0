import type { Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { CampaignOrderHandler, CampaignOrderTerms } from '../../flows/campaign-orders';
import { LotteryError } from './lottery.errors';
import { attachDrawOrder, detachDrawOrder, lockWonDraw } from './lottery.repository';

/**
 * The terms of the order a product prize becomes, inside the order's transaction: the draw
 * locked, checked to be this shopper's won product and not yet ordered; one unit of the
 * prize's SKU at 0 fen (docs/lottery.md "Claiming a product prize").
 */
export async function lotteryOrderTerms(
  trx: Transaction<DB>,
  input: { drawId: string; userId: string },
): Promise<CampaignOrderTerms> {
  const draw = await lockWonDraw(trx, input);
  if (!draw) throw new LotteryError('LOTTERY_PRIZE_NOT_FOUND', { details: { drawId: input.drawId } });
  if (draw.kind !== 'product' || draw.status !== 'unclaimed' || draw.sku_id === null) {
    throw new LotteryError('LOTTERY_PRIZE_ALREADY_CLAIMED', {
      details: { drawId: input.drawId, orderId: draw.order_id },
    });
  }
  // A prize ships at the brand's cost: the shopper pays nothing, so the order is paid at once.
  return { kind: 'lottery', ref: draw.id, skuId: draw.sku_id, quantity: 1, unitPriceFen: 0, freeShipping: true };
}

/**
 * A product prize's side of its order; conditional updates on the draw row in the order's
 * transaction. Cancelled (unpaid, e.g. a shipping fee never paid): the prize can be claimed
 * again. Paid and refunded change nothing: the prize was given.
 */
export const lotteryOrderHandler: CampaignOrderHandler = {
  async attach(trx, { ref, orderId }) {
    if (!(await attachDrawOrder(trx, { drawId: ref, orderId }))) {
      throw new LotteryError('LOTTERY_PRIZE_ALREADY_CLAIMED', { details: { drawId: ref } });
    }
  },
  async paid() {
    // Nothing more: the draw is claimed since attach.
  },
  async cancelled(executor, { ref, orderId }) {
    await detachDrawOrder(executor, { drawId: ref, orderId });
  },
  async refunded() {
    // A refunded prize order does not give the prize back to the pool: it was awarded.
  },
};
