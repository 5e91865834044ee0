import {
  type Order,
  type OrderCounts,
  type OrderPage,
  orderIdParamsSchema,
  orderListQuerySchema,
  placeOrderRequestSchema,
} from '@wematrix/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Executor } from '../../db/executor';
import { isUuid } from '../../db/uuid';
import { placeOrder } from '../../flows/place-order';
import { parseInput } from '../../http/validate';
import type { RouteDeps } from '../../route-deps';
import { currentUserId } from '../auth/auth.guard';
import { idempotencyKeyOf } from '../idempotency/idempotency-key';
import { OrderError } from './order.errors';
import {
  countShopperOrders,
  findShopperOrder,
  listOrderLines,
  listShopperOrders,
  markOrderCompleted,
} from './order.repository';
import { decodeOrderCursor, encodeOrderCursor, orderRowToOrder } from './order.service';
import type { OrderLineRow, OrderRow } from './order.table';
import { cancelPendingOrder } from './order-cancel';
import { registerOrderOpsRoutes } from './order-ops.routes';

/** The shopper's order routes under /api/orders (and the operators' under /api/ops/orders). */
export function registerOrderRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, clock, assetUrl } = deps;
  const guarded = { preHandler: deps.requireUser };
  const view = async (executor: Executor, row: OrderRow): Promise<Order> =>
    orderRowToOrder(row, await listOrderLines(executor, [row.id]), assetUrl);
  /** The :id param; one that cannot be an order id is 404 ORDER_NOT_FOUND like an unknown one. */
  const orderIdOf = (request: FastifyRequest): string => {
    const { id } = parseInput(orderIdParamsSchema, request.params, 'params');
    if (!isUuid(id)) throw new OrderError('ORDER_NOT_FOUND', { details: { id } });
    return id;
  };
  /** After a refused transition: 404 when the order is not the shopper's, else 409. */
  const refusal = async (executor: Executor, userId: string, orderId: string): Promise<OrderError> => {
    const row = await findShopperOrder(executor, { userId, orderId });
    if (!row) return new OrderError('ORDER_NOT_FOUND', { details: { id: orderId } });
    return new OrderError('ORDER_STATUS_CONFLICT', { details: { id: orderId, status: row.status } });
  };

  app.post('/api/orders', guarded, async (request, reply): Promise<Order> => {
    const userId = currentUserId(request);
    const idempotencyKey = idempotencyKeyOf(request);
    const input = parseInput(placeOrderRequestSchema, request.body, 'body');
    const answer = await placeOrder({ db, assetUrl }, { userId, idempotencyKey, input, now: clock() });
    reply.code(answer.status);
    if (answer.replayed) reply.header('idempotent-replayed', 'true');
    return answer.body;
  });

  app.get('/api/orders', guarded, async (request): Promise<OrderPage> => {
    const userId = currentUserId(request);
    const { cursor, pageSize, status } = parseInput(orderListQuerySchema, request.query, 'query');
    const before = cursor === undefined ? undefined : decodeOrderCursor(cursor);
    const rows = await listShopperOrders(db, { userId, status, before, limit: pageSize + 1 });
    const page = rows.slice(0, pageSize);
    const linesByOrder = new Map<string, OrderLineRow[]>();
    for (const line of await listOrderLines(
      db,
      page.map((r) => r.id),
    )) {
      linesByOrder.set(line.order_id, [...(linesByOrder.get(line.order_id) ?? []), line]);
    }
    const last = page.at(-1);
    return {
      items: page.map((row) => orderRowToOrder(row, linesByOrder.get(row.id) ?? [], assetUrl)),
      nextCursor:
        rows.length > pageSize && last ? encodeOrderCursor({ createdAt: last.created_at, id: last.id }) : null,
    };
  });

  app.get(
    '/api/orders/counts',
    guarded,
    async (request): Promise<OrderCounts> => countShopperOrders(db, currentUserId(request)),
  );

  app.get('/api/orders/:id', guarded, async (request): Promise<Order> => {
    const userId = currentUserId(request);
    const orderId = orderIdOf(request);
    const row = await findShopperOrder(db, { userId, orderId });
    if (!row) throw new OrderError('ORDER_NOT_FOUND', { details: { id: orderId } });
    return view(db, row);
  });

  // 取消订单: only while 待付款; stock, coupon and points go back in the same transaction.
  app.post('/api/orders/:id/cancel', guarded, async (request): Promise<Order> => {
    const userId = currentUserId(request);
    const orderId = orderIdOf(request);
    const now = clock();
    return db.transaction().execute(async (trx) => {
      if (!(await cancelPendingOrder(trx, { orderId, userId, reason: 'shopper', now }))) {
        throw await refusal(trx, userId, orderId);
      }
      const row = await findShopperOrder(trx, { userId, orderId });
      if (!row) throw new Error(`order ${orderId} vanished after its cancel`);
      return view(trx, row);
    });
  });

  // 确认收货: only while 待收货.
  app.post('/api/orders/:id/confirm', guarded, async (request): Promise<Order> => {
    const userId = currentUserId(request);
    const orderId = orderIdOf(request);
    const row = await markOrderCompleted(db, { orderId, userId, now: clock() });
    if (!row) throw await refusal(db, userId, orderId);
    return view(db, row);
  });

  registerOrderOpsRoutes(app, deps);
}
