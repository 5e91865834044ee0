import { ORDER_TRANSITIONS } from '@wematrix/shared';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database';
import { notifyCampaignOrder } from '../../flows/campaign-orders';
import { releaseCouponForOrder } from '../promotions/coupon.repository';
import { refundPoints } from '../promotions/points.repository';
import { restoreOrderStock } from './order-stock.repository';

/**
 * 待付款 → 已取消, with everything the order held given back: one conditional update
 * (`where status = 'pending_payment'`, and the shopper's id when a shopper asks), then its
 * stock (SKU id order), its coupon and its points, and a campaign order's seat or claim. The one cancel used by the shopper's route
 * and the deadline job. False when the order was not pending (or not this shopper's): nothing
 * was written, so however many requests, jobs or instances race, the goods return once.
 */
export async function cancelPendingOrder(
  trx: Transaction<DB>,
  cancel: { orderId: string; userId?: string; reason: 'shopper' | 'pay_timeout'; now: Date },
): Promise<boolean> {
  let update = trx
    .updateTable('orders')
    .set({ status: 'cancelled', cancelled_at: cancel.now, cancel_reason: cancel.reason, updated_at: cancel.now })
    .where('id', '=', cancel.orderId)
    .where('status', 'in', ORDER_TRANSITIONS.cancel.from);
  if (cancel.userId !== undefined) update = update.where('user_id', '=', cancel.userId);
  const cancelled = await update.returning(['id', 'campaign_kind', 'campaign_ref']).executeTakeFirst();
  if (!cancelled) return false;
  await restoreOrderStock(trx, cancel.orderId);
  await releaseCouponForOrder(trx, { orderId: cancel.orderId });
  await refundPoints(trx, { orderId: cancel.orderId, now: cancel.now });
  // A campaign order gives back its seat, claim or bargain (docs/campaign-orders.md).
  await notifyCampaignOrder(trx, 'cancelled', cancelled, cancel.now);
  return true;
}
