import type { CampaignOrderHandler } from '../../flows/campaign-orders';
import { BargainError } from './bargain.errors';
import { findBargain, markBought, markOrdered, markRefunded, releaseOrdered } from './bargain.repository';

/**
 * A bargain's side of its order (kind 'bargain', ref = bargain id), each step a conditional
 * update on the bargain row in the order's transaction:
 * attach: open | floor_reached (inside the window) -> ordered, tied to the order;
 * paid: ordered -> bought; cancelled: ordered -> open again (floor_reached at the floor)
 * while the window is open, else expired; refunded: bought -> refunded, nothing else
 * (the helps and the helpers' coupons stay: they were for helping).
 */
export const bargainOrderHandler: CampaignOrderHandler = {
  async attach(trx, { ref, orderId, now }) {
    if (await markOrdered(trx, { bargainId: ref, orderId, now })) return;
    const row = await findBargain(trx, ref);
    if (row && (row.status === 'open' || row.status === 'floor_reached' || row.status === 'expired'))
      throw new BargainError('BARGAIN_EXPIRED', { details: { id: ref } });
    throw new BargainError('BARGAIN_ALREADY_ORDERED', { details: { id: ref } });
  },
  async paid(executor, { ref, orderId, at }) {
    await markBought(executor, { bargainId: ref, orderId, at });
  },
  async cancelled(executor, { ref, orderId, at }) {
    await releaseOrdered(executor, { bargainId: ref, orderId, at });
  },
  async refunded(executor, { ref, orderId, at }) {
    await markRefunded(executor, { bargainId: ref, orderId, at });
  },
};
