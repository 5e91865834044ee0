import {
  type AfterSale,
  type AfterSaleList,
  type AfterSalePage,
  approveAfterSaleRequestSchema,
  createAfterSaleRequestSchema,
  opsAfterSaleQuerySchema,
  orderIdParamsSchema,
  refuseAfterSaleRequestSchema,
} from '@wematrix/shared';
import type { FastifyInstance } from 'fastify';
import type { WechatPayConfig } from '../../config';
import { isUuid } from '../../db/uuid';
import { approveAfterSale, refuseAfterSale } from '../../flows/decide-after-sale';
import type { PaymentFlowDeps } from '../../flows/payment-flow-deps';
import { orderPort } from '../../flows/payment-orders';
import { requestAfterSale } from '../../flows/request-after-sale';
import { createOpsGuard } from '../../http/ops-guard';
import { parseInput } from '../../http/validate';
import { createWechatPayClient } from '../../integrations/wechatpay';
import type { RouteDeps } from '../../route-deps';
import { currentUserId } from '../auth/auth.guard';
import { findShopperOrder } from '../orders/order.repository';
import { createOrderNotices } from '../subscribe/subscribe.notices';
import { createUploadUrl } from '../uploads/upload-url';
import { AfterSaleError } from './after-sale.errors';
import { listAfterSales, listOrderAfterSales } from './after-sale.repository';
import { afterSaleRowToView, decodeAfterSaleCursor, encodeAfterSaleCursor } from './after-sale.service';

/**
 * After-sale (售后): the shopper's request and list under /api/orders/:id/after-sales, the
 * operators' list, approval (a full refund through WeChat Pay) and refusal under
 * /api/ops/after-sales (OPS_API_TOKEN). Without a merchant account approving answers 503.
 */
export function registerAfterSaleRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  payConfig: WechatPayConfig | null,
): void {
  const { db, clock } = deps;
  const uploadUrl = createUploadUrl(deps.config.publicBaseUrl);
  const guarded = { preHandler: deps.requireUser };
  const ops = { preHandler: createOpsGuard(deps.config.opsApiToken ?? null) };
  const flow: PaymentFlowDeps | null = payConfig
    ? {
        db,
        pay: createWechatPayClient({ settings: payConfig, clock }),
        payConfig,
        orders: orderPort,
        clock,
        logger: app.log,
        notices: createOrderNotices(deps.config.subscribe),
      }
    : null;

  app.post('/api/orders/:id/after-sales', guarded, async (request, reply): Promise<AfterSale> => {
    const { id } = parseInput(orderIdParamsSchema, request.params, 'params');
    const input = parseInput(createAfterSaleRequestSchema, request.body, 'body');
    const row = await requestAfterSale(db, { userId: currentUserId(request), orderId: id, input, now: clock() });
    reply.code(201);
    return afterSaleRowToView(row, uploadUrl);
  });

  app.get('/api/orders/:id/after-sales', guarded, async (request): Promise<AfterSaleList> => {
    const { id } = parseInput(orderIdParamsSchema, request.params, 'params');
    const order = isUuid(id) ? await findShopperOrder(db, { userId: currentUserId(request), orderId: id }) : undefined;
    if (!order) throw new AfterSaleError('ORDER_NOT_FOUND', { details: { id } });
    const rows = await listOrderAfterSales(db, order.id);
    return { items: rows.map((row) => afterSaleRowToView(row, uploadUrl)) };
  });

  app.get('/api/ops/after-sales', ops, async (request): Promise<AfterSalePage> => {
    const { status, cursor, pageSize } = parseInput(opsAfterSaleQuerySchema, request.query, 'query');
    const before = cursor === undefined ? undefined : decodeAfterSaleCursor(cursor);
    const rows = await listAfterSales(db, { status, before, limit: pageSize + 1 });
    const page = rows.slice(0, pageSize);
    const last = page.at(-1);
    return {
      items: page.map((row) => afterSaleRowToView(row, uploadUrl)),
      nextCursor:
        rows.length > pageSize && last ? encodeAfterSaleCursor({ createdAt: last.created_at, id: last.id }) : null,
    };
  });

  // 同意: the refund is recorded with the approval and sent to WeChat Pay after the commit.
  app.post('/api/ops/after-sales/:id/approve', ops, async (request): Promise<AfterSale> => {
    const { id } = parseInput(orderIdParamsSchema, request.params, 'params');
    const { comment } = parseInput(approveAfterSaleRequestSchema, request.body, 'body');
    if (!flow) {
      throw new AfterSaleError('PAY_UNAVAILABLE', {
        messageEn: 'WeChat Pay is not configured on this server (WECHATPAY_MCHID is unset)',
      });
    }
    return afterSaleRowToView(await approveAfterSale(flow, { id, comment: comment || null }), uploadUrl);
  });

  // 拒绝: the order goes back to the state it was in.
  app.post('/api/ops/after-sales/:id/refuse', ops, async (request): Promise<AfterSale> => {
    const { id } = parseInput(orderIdParamsSchema, request.params, 'params');
    const { comment } = parseInput(refuseAfterSaleRequestSchema, request.body, 'body');
    return afterSaleRowToView(await refuseAfterSale(db, { id, comment, now: clock() }), uploadUrl);
  });
}
