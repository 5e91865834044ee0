import {
  buildSubscribeData,
  type OrderStatus,
  type SubscribeKind,
  type SubscribeValue,
  subscribeKindForTransition,
  subscribeMessagePage,
} from '@wematrix/shared';
import type { Executor } from '../../db/executor';
import { findOrderById, orderHeadline } from '../orders/order.repository';
import type { OrderRow } from '../orders/order.table';
import type { SubscribeConfig, SubscribeTemplateSetting } from './subscribe.config';
import { insertOutboxMessage, outboxMessageExists, spendSubscribeQuota } from './subscribe.repository';

/** What the order flows call after a state change, inside its transaction. */
export interface OrderNotices {
  /**
   * Queues the notice the change sends (subscribeKindForTransition), if the shopper has an
   * allowed notice left for its template in one of the apps: one is spent and the message is
   * written to the outbox in the caller's transaction, so it exists exactly when the change
   * commits. Nothing here talks to WeChat; the send job does, later.
   */
  orderChanged(
    executor: Executor,
    change: { orderId: string; from: OrderStatus; to: OrderStatus; at: Date },
  ): Promise<void>;
}

const STATUS_TEXT: Record<SubscribeKind, string> = { order_shipped: '已发货', refund_succeeded: '退款成功' };

function goodsText(headline: { firstTitle: string | null; lineCount: number }): string {
  const title = headline.firstTitle ?? '商品订单';
  return headline.lineCount > 1 ? `${title} 等${headline.lineCount}件` : title;
}

/** Every value a notice of `kind` can carry, for this order. */
function noticeValues(
  kind: SubscribeKind,
  order: OrderRow,
  headline: { firstTitle: string | null; lineCount: number },
  at: Date,
): Record<string, SubscribeValue> {
  const common = {
    orderNo: { text: order.order_no },
    goods: { text: goodsText(headline) },
    // An order is 已退款 only once every fen paid is back, so the refund is the order's total.
    amount: { fen: order.total_fen },
    status: { text: STATUS_TEXT[kind] },
  };
  if (kind === 'refund_succeeded') return { ...common, refundedAt: { at: order.refunded_at ?? at } };
  return {
    ...common,
    company: { text: order.shipping_company ?? '' },
    trackingNo: { text: order.tracking_no ?? '' },
    shippedAt: { at: order.shipped_at ?? at },
  };
}

/** The order notices for this configuration; with no templates configured, they do nothing. */
export function createOrderNotices(config: SubscribeConfig | undefined): OrderNotices {
  const templates = config?.templates ?? [];
  const byKind = (kind: SubscribeKind): SubscribeTemplateSetting[] => templates.filter((t) => t.kind === kind);

  return {
    async orderChanged(executor, change) {
      const kind = subscribeKindForTransition(change);
      if (!kind) return;
      const candidates = byKind(kind);
      if (candidates.length === 0) return;
      const order = await findOrderById(executor, change.orderId);
      if (!order || (await outboxMessageExists(executor, kind, order.id))) return;
      const values = noticeValues(kind, order, await orderHeadline(executor, order.id), change.at);
      // The first app (in configuration order) where the shopper allowed this notice sends it.
      for (const template of candidates) {
        const spent = await spendSubscribeQuota(executor, {
          userId: order.user_id,
          app: template.app,
          templateId: template.templateId,
          now: change.at,
        });
        if (!spent) continue;
        await insertOutboxMessage(executor, {
          userId: order.user_id,
          app: template.app,
          templateId: template.templateId,
          kind,
          refId: order.id,
          page: subscribeMessagePage(order.id),
          data: buildSubscribeData(template.fields, values),
          now: change.at,
        });
        return;
      }
    },
  };
}
