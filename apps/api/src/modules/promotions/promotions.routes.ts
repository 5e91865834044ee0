import {
  type CheckoutPreview,
  type ClaimableCoupon,
  checkoutPreviewRequestSchema,
  cursorQuerySchema,
  idSchema,
  type Points,
  type UserCoupon,
  userCouponsQuerySchema,
} from '@wematrix/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../http/app-error';
import { parseInput } from '../../http/validate';
import type { RouteDeps } from '../../route-deps';
import { currentUserId } from '../auth/auth.guard';
import { previewCheckout } from './checkout-preview';
import { findUserCoupon, listClaimableTemplates, listUserCoupons } from './coupon.repository';
import { claimCoupon } from './coupon-claim';
import { listPointsHistory, pointsBalance } from './points.repository';
import { loadPricingSettings } from './pricing-context.repository';
import { claimableRowToView, userCouponRowToView } from './promotions.service';

const templateParamsSchema = z.object({ templateId: idSchema });
/** The points history cursor is the last entry's ledger id. */
const pointsCursorSchema = z.string().regex(/^[1-9][0-9]{0,17}$/);

export function registerPromotionRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, clock, assetUrl } = deps;
  const guarded = { preHandler: deps.requireUser };

  app.get('/api/coupons/claimable', guarded, async (request): Promise<{ items: ClaimableCoupon[] }> => {
    const rows = await listClaimableTemplates(db, { userId: currentUserId(request), now: clock() });
    return { items: rows.map(claimableRowToView) };
  });

  app.post('/api/coupons/:templateId/claim', guarded, async (request, reply): Promise<UserCoupon> => {
    const userId = currentUserId(request);
    const { templateId } = parseInput(templateParamsSchema, request.params, 'params');
    const now = clock();
    const userCouponId = await db.transaction().execute((trx) => claimCoupon(trx, { templateId, userId, now }));
    const row = await findUserCoupon(db, { userId, userCouponId });
    if (!row) throw new Error(`claimed coupon ${userCouponId} vanished`);
    reply.code(201);
    return userCouponRowToView(row, now);
  });

  app.get('/api/me/coupons', guarded, async (request): Promise<{ items: UserCoupon[] }> => {
    const { status } = parseInput(userCouponsQuerySchema, request.query, 'query');
    const now = clock();
    const rows = await listUserCoupons(db, { userId: currentUserId(request), status, now });
    return { items: rows.map((row) => userCouponRowToView(row, now)) };
  });

  app.get('/api/me/points', guarded, async (request): Promise<Points> => {
    const userId = currentUserId(request);
    const { cursor, pageSize } = parseInput(cursorQuerySchema, request.query, 'query');
    if (cursor !== undefined && !pointsCursorSchema.safeParse(cursor).success) {
      throw new HttpError('VALIDATION_FAILED', { messageEn: 'Invalid points cursor', details: { cursor } });
    }
    const [balance, settings, rows] = await Promise.all([
      pointsBalance(db, userId),
      loadPricingSettings(db),
      listPointsHistory(db, { userId, beforeId: cursor ?? null, limit: pageSize + 1 }),
    ]);
    const page = rows.slice(0, pageSize);
    return {
      balance,
      fenPerPoint: settings.points.fenPerPoint,
      history: page.map((r) => ({
        id: r.id,
        delta: r.delta,
        reason: r.reason,
        ref: r.ref,
        createdAt: r.created_at.toISOString(),
      })),
      nextCursor: rows.length > pageSize ? (page.at(-1)?.id ?? null) : null,
    };
  });

  app.post('/api/checkout/preview', guarded, async (request): Promise<CheckoutPreview> => {
    const input = parseInput(checkoutPreviewRequestSchema, request.body ?? {}, 'body');
    return previewCheckout(db, { userId: currentUserId(request), input, now: clock(), assetUrl });
  });
}
