import { type Order, orderIdParamsSchema, shipOrderRequestSchema } from '@wematrix/shared';
import type { FastifyInstance } from 'fastify';
import { isUuid } from '../../db/uuid';
import { campaignOrderShippable } from '../../flows/campaign-orders';
import { createOpsGuard } from '../../http/ops-guard';
import { parseInput } from '../../http/validate';
import type { RouteDeps } from '../../route-deps';
import { createOrderNotices } from '../subscribe/subscribe.notices';
import { OrderError } from './order.errors';
import { findOrderById, listOrderLines, markOrderShipped } from './order.repository';
import { orderRowToOrder } from './order.service';

/**
 * The operators' order routes, until the console exists: guarded by OPS_API_TOKEN
 * (404 while it is unset, 401 for a missing or wrong token; see http/ops-guard.ts).
 */
export function registerOrderOpsRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, clock, assetUrl } = deps;
  const ops = { preHandler: createOpsGuard(deps.config.opsApiToken ?? null) };
  const notices = createOrderNotices(deps.config.subscribe);

  // 发货: 待发货 → 待收货, starting the 7-day auto-confirm deadline.
  app.post('/api/ops/orders/:id/ship', ops, async (request): Promise<Order> => {
    const { id } = parseInput(orderIdParamsSchema, request.params, 'params');
    const input = parseInput(shipOrderRequestSchema, request.body, 'body');
    if (!isUuid(id)) throw new OrderError('ORDER_NOT_FOUND', { details: { id } });
    const now = clock();
    // The 发货 notice is queued in the same transaction: it exists exactly when the order shipped.
    const row = await db.transaction().execute(async (trx) => {
      const order = await findOrderById(trx, id);
      if (order && !(await campaignOrderShippable(trx, order))) {
        throw new OrderError('ORDER_NOT_SHIPPABLE', { details: { id, campaignKind: order.campaign_kind } });
      }
      const shipped = await markOrderShipped(trx, { orderId: id, ...input, now });
      if (shipped) await notices.orderChanged(trx, { orderId: shipped.id, from: 'paid', to: 'shipped', at: now });
      return shipped;
    });
    if (!row) {
      const existing = await findOrderById(db, id);
      if (!existing) throw new OrderError('ORDER_NOT_FOUND', { details: { id } });
      throw new OrderError('ORDER_STATUS_CONFLICT', { details: { id, status: existing.status } });
    }
    return orderRowToOrder(row, await listOrderLines(db, [row.id]), assetUrl);
  });
}
