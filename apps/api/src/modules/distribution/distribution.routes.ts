import {
  type BindingResponse,
  bindingRequestSchema,
  commissionRateRequestSchema,
  DEFAULT_COMMISSION_SETTLE_DAYS,
  type MyCommissions,
  type Promoter,
  type ShareLinkResponse,
  shareLinkRequestSchema,
  validateCommissionRate,
} from '@wematrix/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createOpsGuard } from '../../http/ops-guard';
import { parseInput } from '../../http/validate';
import type { RouteDeps } from '../../route-deps';
import { currentUserId } from '../auth/auth.guard';
import { DistributionError } from './distribution.errors';
import { applyAsPromoter, approvePromoter, findPromoter, setRate } from './distribution.repository';
import { bindBuyer, myCommissions, promoterView } from './distribution.service';
import { createShareLinkSigner, SHARE_LINK_TTL_SECONDS } from './share-link-signer';
import { registerWithdrawalRoutes } from './withdrawal.routes';

const promoterParamsSchema = z.object({ id: z.string().uuid() });

/** 分销: applying, approval, signed share links, binding, the promoter's ledger (docs/distribution.md). */
export function registerDistributionRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, clock } = deps;
  const guarded = { preHandler: deps.requireUser };
  const ops = { preHandler: createOpsGuard(deps.config.opsApiToken ?? null) };
  const signer = createShareLinkSigner(deps.config.sessionSecret);

  app.post('/api/promoters/apply', guarded, async (request, reply): Promise<Promoter> => {
    const row = await applyAsPromoter(db, { userId: currentUserId(request), now: clock() });
    reply.code(row.status === 'pending' ? 202 : 200);
    return promoterView(row);
  });

  app.post('/api/ops/promoters/:id/approve', ops, async (request): Promise<Promoter> => {
    const { id } = parseInput(promoterParamsSchema, request.params, 'params');
    const row = await approvePromoter(db, { userId: id, now: clock() });
    if (!row) throw new DistributionError('DISTRIBUTION_PROMOTER_NOT_FOUND');
    return promoterView(row);
  });

  app.put('/api/ops/distribution/rates', ops, async (request) => {
    const { productId, rateBp } = parseInput(commissionRateRequestSchema, request.body, 'body');
    const check = validateCommissionRate(rateBp);
    if (!check.ok) {
      throw new DistributionError('DISTRIBUTION_RATE_OUT_OF_RANGE', {
        message: check.reason,
        messageEn: check.reasonEn,
      });
    }
    if (productId) {
      const product = await db.selectFrom('products').select('id').where('id', '=', productId).executeTakeFirst();
      if (!product) throw new DistributionError('PRODUCT_NOT_FOUND');
    }
    await setRate(db, { productId: productId ?? null, rateBp, now: clock() });
    return { productId: productId ?? null, rateBp };
  });

  app.post('/api/share-links', guarded, async (request): Promise<ShareLinkResponse> => {
    const userId = currentUserId(request);
    const { target } = parseInput(shareLinkRequestSchema, request.body, 'body');
    const promoter = await findPromoter(db, userId);
    if (promoter?.status !== 'approved') throw new DistributionError('DISTRIBUTION_NOT_PROMOTER');
    const expiresAt = Math.floor(clock().getTime() / 1000) + SHARE_LINK_TTL_SECONDS;
    return {
      params: signer.sign({ promoterId: userId, target, expiresAt }),
      expiresAt: new Date(expiresAt * 1000).toISOString(),
    };
  });

  app.post('/api/bindings', guarded, async (request, reply): Promise<BindingResponse> => {
    const buyerId = currentUserId(request);
    const { link } = parseInput(bindingRequestSchema, request.body, 'body');
    const now = clock();
    const check = signer.verify(link, now);
    if (check === 'invalid') throw new DistributionError('SHARE_LINK_INVALID');
    if (check === 'expired') throw new DistributionError('SHARE_LINK_EXPIRED');
    const result = await db
      .transaction()
      .execute((trx) => bindBuyer(trx, { buyerId, promoterId: link.p, target: link.t, linkExpiresAt: link.e, now }));
    if ('refused' in result) throw new DistributionError(result.refused);
    reply.code(result.created ? 201 : 200);
    return { promoterId: result.promoterId, boundAt: result.boundAt.toISOString(), created: result.created };
  });

  app.get('/api/me/commissions', guarded, async (request): Promise<MyCommissions> => {
    return myCommissions(db, currentUserId(request), {
      settleDays: deps.config.commissionSettleDays ?? DEFAULT_COMMISSION_SETTLE_DAYS,
      now: clock(),
    });
  });

  registerWithdrawalRoutes(app, deps);
}
