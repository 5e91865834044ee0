import {
  type Order,
  type OrderQuoteView,
  type PresaleDetail,
  type PresaleList,
  presaleCreateRequestSchema,
  presaleOrderRequestSchema,
  presaleQuoteRequestSchema,
} from '@wematrix/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { placeCampaignOrder, quoteCampaignOrder } from '../../flows/campaign-orders';
import { createOpsGuard } from '../../http/ops-guard';
import { parseInput } from '../../http/validate';
import type { RouteDeps } from '../../route-deps';
import { currentUserId } from '../auth/auth.guard';
import { idempotencyKeyOf } from '../idempotency/idempotency-key';
import { PresaleError } from './presale.errors';
import { presaleOrderTerms } from './presale.orders';
import { findPresale, listOpenPresales } from './presale.repository';
import { createPresale, presaleViews } from './presale.service';

const presaleParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/** 预售: listing, one presale with its ladder, quote and order, and the operators' save (docs/presale.md). */
export function registerPresaleRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, clock, assetUrl } = deps;
  const guarded = { preHandler: deps.requireUser };
  const ops = { preHandler: createOpsGuard(deps.config.opsApiToken ?? null) };

  app.get('/api/presales', async (): Promise<PresaleList> => {
    const now = clock();
    return {
      serverTime: now.toISOString(),
      presales: await presaleViews(db, await listOpenPresales(db, now), now, assetUrl),
    };
  });

  app.get('/api/presales/:id', async (request): Promise<PresaleDetail> => {
    const { id } = parseInput(presaleParamsSchema, request.params, 'params');
    const row = await findPresale(db, id);
    if (!row) throw new PresaleError('PRESALE_NOT_FOUND');
    const now = clock();
    const [presale] = await presaleViews(db, [row], now, assetUrl);
    if (!presale) throw new PresaleError('PRESALE_NOT_FOUND');
    return { serverTime: now.toISOString(), presale };
  });

  app.post('/api/presales/:id/quote', guarded, async (request): Promise<OrderQuoteView> => {
    const userId = currentUserId(request);
    const { id } = parseInput(presaleParamsSchema, request.params, 'params');
    const input = parseInput(presaleQuoteRequestSchema, request.body ?? {}, 'body');
    const now = clock();
    return quoteCampaignOrder(
      { db, assetUrl },
      {
        userId,
        now,
        input,
        terms: (trx) => presaleOrderTerms(trx, { presaleId: id, userId, quantity: input.quantity, now, dryRun: true }),
      },
    );
  });

  app.post('/api/presales/:id/order', guarded, async (request, reply): Promise<Order> => {
    const userId = currentUserId(request);
    const idempotencyKey = idempotencyKeyOf(request);
    const { id } = parseInput(presaleParamsSchema, request.params, 'params');
    const { quantity, ...input } = parseInput(presaleOrderRequestSchema, request.body, 'body');
    const now = clock();
    const answer = await placeCampaignOrder(
      { db, assetUrl },
      {
        userId,
        idempotencyKey,
        now,
        target: { kind: 'presale', id: `${id}:${quantity}` },
        input,
        terms: (trx) => presaleOrderTerms(trx, { presaleId: id, userId, quantity, now }),
      },
    );
    reply.code(answer.status);
    if (answer.replayed) reply.header('idempotent-replayed', 'true');
    return answer.body;
  });

  // Until the console (issue 12): operators save presales here, every rule checked on save.
  app.post('/api/ops/presales', ops, async (request, reply): Promise<PresaleDetail> => {
    const input = parseInput(presaleCreateRequestSchema, request.body, 'body');
    const now = clock();
    await createPresale(db, input, now);
    const row = await findPresale(db, input.id);
    const [presale] = row ? await presaleViews(db, [row], now, assetUrl) : [];
    if (!presale) throw new PresaleError('PRESALE_NOT_FOUND');
    reply.code(201);
    return { serverTime: now.toISOString(), presale };
  });
}
