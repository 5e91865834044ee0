import { afterSaleRestocks, type OrderStatus } from '@wematrix/shared';
import type { Executor } from '../db/executor';
import { markAfterSaleRefunded } from '../modules/after-sales/after-sale.repository';
import { accrueOrderCommissions, reverseOrderCommissions } from '../modules/distribution/distribution.service';
import {
  findOrderById,
  markOrderAfterSale,
  markOrderRefunded,
  moveOrderToPaid,
  orderHeadline,
} from '../modules/orders/order.repository';
import { restoreOrderStock } from '../modules/orders/order-stock.repository';
import { releaseCouponForOrder } from '../modules/promotions/coupon.repository';
import { refundPoints } from '../modules/promotions/points.repository';
import { notifyCampaignOrder } from './campaign-orders';
import { rewardLotteryFriendOrder } from './lottery-referrals';

/**
 * What the payment flows need from orders, as a narrow port: the flows are written against
 * this, and `orderPort` below maps it onto the orders (and promotions) repositories.
 */
export interface PaymentOrder {
  id: string;
  orderNo: string;
  userId: string;
  status: OrderStatus;
  totalFen: number;
  payDeadlineAt: Date;
}

export interface OrderPort {
  findOrderById(executor: Executor, orderId: string): Promise<PaymentOrder | undefined>;
  /** What the WeChat pay sheet shows as the description (127 characters at most). */
  describeOrder(executor: Executor, orderId: string): Promise<string>;
  /** pending_payment -> paid, conditional; 'not_pending' changes nothing. */
  markOrderPaid(executor: Executor, input: { orderId: string; paidAt: Date }): Promise<'paid' | 'not_pending'>;
  /** paid -> after_sale, conditional; 'not_paid' changes nothing. */
  markOrderAfterSale(executor: Executor, input: { orderId: string; at: Date }): Promise<'after_sale' | 'not_paid'>;
  /** after_sale / paid / cancelled -> refunded, conditional; 'not_refundable' changes nothing. */
  markOrderRefunded(executor: Executor, input: { orderId: string; at: Date }): Promise<'refunded' | 'not_refundable'>;
  /**
   * Gives back what a fully refunded order held: its coupon and its points, and its stock when
   * the goods are in the warehouse (never shipped, or a 退货退款 approved: afterSaleRestocks).
   * Also closes the order's approved after-sale request (已退款) and reverses its 分销
   * commission (a reversal per accrued level, unique, so that part is once). Not idempotent by itself
   * (stock is a relative update): call it only in the transaction whose conditional
   * markOrderRefunded just answered 'refunded'.
   */
  releaseOrderHoldings(executor: Executor, input: { orderId: string; at: Date }): Promise<void>;
}

const DESCRIPTION_MAX = 127;

export const orderPort: OrderPort = {
  async findOrderById(executor, orderId) {
    const row = await findOrderById(executor, orderId);
    if (!row) return undefined;
    return {
      id: row.id,
      orderNo: row.order_no,
      userId: row.user_id,
      status: row.status,
      totalFen: row.total_fen,
      payDeadlineAt: row.pay_deadline_at,
    };
  },
  async describeOrder(executor, orderId) {
    const { firstTitle, lineCount } = await orderHeadline(executor, orderId);
    const more = lineCount > 1 ? ` 等${lineCount}件` : '';
    const title = (firstTitle ?? '商品订单').slice(0, DESCRIPTION_MAX - more.length);
    return `${title}${more}`;
  },
  async markOrderPaid(executor, input) {
    const moved = await moveOrderToPaid(executor, input);
    if (!moved) return 'not_pending';
    // 分销: commission accrues in the transaction that made the order paid, so a payment is
    // never without its commission rows nor the rows without the payment (docs/distribution.md).
    await accrueOrderCommissions(executor, { orderId: input.orderId, at: input.paidAt });
    // A campaign order's seat, claim or bargain learns it was paid in the same transaction.
    await notifyCampaignOrder(executor, 'paid', moved, input.paidAt);
    // 抽奖: a friend who came through a lottery link and now paid earns the sharer a draw.
    await rewardLotteryFriendOrder(executor, { orderId: moved.id, buyerUserId: moved.user_id, at: input.paidAt });
    return 'paid';
  },
  markOrderAfterSale,
  markOrderRefunded,
  async releaseOrderHoldings(executor, { orderId, at }) {
    // No after-sale request: the shopper's refund before shipping (POST /api/orders/:id/refund).
    const afterSale = await markAfterSaleRefunded(executor, { orderId, at });
    if (!afterSale || afterSaleRestocks({ kind: afterSale.kind, fromStatus: afterSale.orderStatusBefore })) {
      await restoreOrderStock(executor, orderId);
    }
    await releaseCouponForOrder(executor, { orderId });
    await refundPoints(executor, { orderId, now: at });
    // No commission on refunded money: every accrual of the order reversed, once.
    await reverseOrderCommissions(executor, { orderId, at });
    const order = await findOrderById(executor, orderId);
    if (order) await notifyCampaignOrder(executor, 'refunded', order, at);
  },
};
