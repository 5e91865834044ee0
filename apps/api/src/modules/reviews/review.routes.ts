import {
  type HiddenReview,
  hideReviewRequestSchema,
  idSchema,
  type OrderReviews,
  orderIdParamsSchema,
  type ProductReviewPage,
  productReviewsQuerySchema,
  ratingSummary,
  submitReviewsRequestSchema,
} from '@wematrix/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DEFAULT_REVIEW_REWARD_POINTS } from '../../config';
import { isUuid } from '../../db/uuid';
import { submitReviews } from '../../flows/submit-reviews';
import { createOpsGuard } from '../../http/ops-guard';
import { parseInput } from '../../http/validate';
import type { RouteDeps } from '../../route-deps';
import { currentUserId } from '../auth/auth.guard';
import { findUserById } from '../auth/user.repository';
import { findShopperOrder } from '../orders/order.repository';
import { createUploadUrl } from '../uploads/upload-url';
import { ReviewError } from './review.errors';
import {
  findReviewById,
  hideReview,
  listOrderReviews,
  listProductReviews,
  productExists,
  productRatingTotals,
} from './review.repository';
import { decodeReviewCursor, encodeReviewCursor, myReviewView, productReviewView } from './review.service';

const productIdParamsSchema = z.object({ id: idSchema });

/**
 * Reviews: the shopper writes them on a completed order (POST /api/orders/:id/reviews) and
 * reads their own (GET), anyone reads a product's visible ones with its rating, and operators
 * hide one (POST /api/ops/reviews/:id/hide, OPS_API_TOKEN).
 */
export function registerReviewRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, clock } = deps;
  const uploadUrl = createUploadUrl(deps.config.publicBaseUrl);
  const guarded = { preHandler: deps.requireUser };
  const ops = { preHandler: createOpsGuard(deps.config.opsApiToken ?? null) };
  const pointsPerReview = deps.config.reviewRewardPoints ?? DEFAULT_REVIEW_REWARD_POINTS;
  const nicknameOf = async (userId: string): Promise<string> => (await findUserById(db, userId))?.nickname ?? '';

  app.post('/api/orders/:id/reviews', guarded, async (request, reply): Promise<OrderReviews> => {
    const { id } = parseInput(orderIdParamsSchema, request.params, 'params');
    const input = parseInput(submitReviewsRequestSchema, request.body, 'body');
    const userId = currentUserId(request);
    const { rows, pointsGranted } = await submitReviews(db, {
      userId,
      orderId: id,
      input,
      pointsPerReview,
      now: clock(),
    });
    const nickname = await nicknameOf(userId);
    reply.code(201);
    return { items: rows.map((row) => myReviewView(row, nickname, uploadUrl)), pointsGranted };
  });

  app.get('/api/orders/:id/reviews', guarded, async (request): Promise<OrderReviews> => {
    const { id } = parseInput(orderIdParamsSchema, request.params, 'params');
    const userId = currentUserId(request);
    const order = isUuid(id) ? await findShopperOrder(db, { userId, orderId: id }) : undefined;
    if (!order) throw new ReviewError('ORDER_NOT_FOUND', { details: { id } });
    const nickname = await nicknameOf(userId);
    const rows = await listOrderReviews(db, order.id);
    return { items: rows.map((row) => myReviewView(row, nickname, uploadUrl)), pointsGranted: 0 };
  });

  app.get('/api/products/:id/reviews', async (request): Promise<ProductReviewPage> => {
    const { id } = parseInput(productIdParamsSchema, request.params, 'params');
    const { cursor, pageSize } = parseInput(productReviewsQuerySchema, request.query, 'query');
    const before = cursor === undefined ? undefined : decodeReviewCursor(cursor);
    if (!(await productExists(db, id))) throw new ReviewError('PRODUCT_NOT_FOUND', { details: { id } });
    const rows = await listProductReviews(db, { productId: id, before, limit: pageSize + 1 });
    const page = rows.slice(0, pageSize);
    const last = page.at(-1);
    return {
      items: page.map((row) => productReviewView(row, uploadUrl)),
      nextCursor:
        rows.length > pageSize && last ? encodeReviewCursor({ createdAt: last.created_at, id: last.id }) : null,
      summary: ratingSummary(await productRatingTotals(db, id)),
    };
  });

  // 隐藏: off the product page and out of its rating; the shopper still sees it, points stay.
  app.post('/api/ops/reviews/:id/hide', ops, async (request): Promise<HiddenReview> => {
    const { id } = parseInput(orderIdParamsSchema, request.params, 'params');
    const { reason } = parseInput(hideReviewRequestSchema, request.body, 'body');
    const hidden = isUuid(id) ? await hideReview(db, { id, reason, now: clock() }) : undefined;
    if (!hidden) {
      const existing = isUuid(id) ? await findReviewById(db, id) : undefined;
      if (!existing) throw new ReviewError('REVIEW_NOT_FOUND', { details: { id } });
      throw new ReviewError('REVIEW_ALREADY_HIDDEN', { details: { id } });
    }
    return {
      id: hidden.id,
      productId: hidden.product_id,
      hidden: true,
      hiddenReason: hidden.hidden_reason ?? reason,
      hiddenAt: (hidden.hidden_at ?? clock()).toISOString(),
    };
  });
}
