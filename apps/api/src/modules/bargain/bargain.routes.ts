import {
  type Bargain,
  type BargainActivities,
  type BargainActivityDetail,
  type BargainHelpResult,
  type BargainStarted,
  bargainIdParamsSchema,
  campaignOrderRequestSchema,
  campaignQuoteRequestSchema,
  type Order,
  type OrderQuoteView,
} from '@wematrix/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { placeCampaignOrder, quoteCampaignOrder } from '../../flows/campaign-orders';
import { parseInput } from '../../http/validate';
import type { RouteDeps } from '../../route-deps';
import { currentUserId } from '../auth/auth.guard';
import { idempotencyKeyOf } from '../idempotency/idempotency-key';
import { BargainError } from './bargain.errors';
import { registerBargainJobs } from './bargain.jobs';
import { findActivity, listLiveActivities } from './bargain.repository';
import {
  activityRowToActivity,
  bargainOrderTerms,
  bargainView,
  helpBargain,
  myLiveBargainId,
  startBargain,
  systemRandom,
} from './bargain.service';

/**
 * 砍价 (docs/bargain.md): live activities, starting a bargain, the bargain page, a friend's
 * help, and the owner's order at the current price. `random` is injectable for tests.
 */
export function registerBargainRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  options: { random?: () => number } = {},
): void {
  const { db, clock, assetUrl, requireUser } = deps;
  const random = options.random ?? systemRandom;
  registerBargainJobs(deps.jobs, db);

  /** The shopper if a valid session came with the request; the pages themselves are public. */
  async function optionalUserId(request: FastifyRequest, reply: FastifyReply): Promise<string | null> {
    if (!request.headers.authorization) return null;
    try {
      await requireUser.call(app, request, reply);
      return request.userId;
    } catch {
      return null;
    }
  }

  app.get('/api/bargains/activities', async (): Promise<BargainActivities> => {
    const now = clock();
    const rows = await listLiveActivities(db, now);
    return { serverTime: now.toISOString(), activities: rows.map((row) => activityRowToActivity(row, assetUrl)) };
  });

  app.get('/api/bargain-activities/:id', async (request, reply): Promise<BargainActivityDetail> => {
    const { id } = parseInput(bargainIdParamsSchema, request.params, 'params');
    const now = clock();
    const row = await findActivity(db, id);
    if (!row) throw new BargainError('BARGAIN_ACTIVITY_NOT_FOUND', { details: { id } });
    const userId = await optionalUserId(request, reply);
    return {
      serverTime: now.toISOString(),
      activity: activityRowToActivity(row, assetUrl),
      myBargainId: await myLiveBargainId(db, { activityId: id, userId, now }),
    };
  });

  app.post(
    '/api/bargain-activities/:id/start',
    { preHandler: requireUser },
    async (request, reply): Promise<BargainStarted> => {
      const userId = currentUserId(request);
      const { id } = parseInput(bargainIdParamsSchema, request.params, 'params');
      const { started, created } = await startBargain(db, { activityId: id, userId, now: clock() });
      reply.code(created ? 201 : 200);
      return started;
    },
  );

  app.get('/api/bargains/:id', async (request, reply): Promise<Bargain> => {
    const { id } = parseInput(bargainIdParamsSchema, request.params, 'params');
    const viewerId = await optionalUserId(request, reply);
    return bargainView(db, assetUrl, { bargainId: id, viewerId, now: clock() });
  });

  app.post(
    '/api/bargains/:id/help',
    { preHandler: requireUser },
    async (request, reply): Promise<BargainHelpResult> => {
      const helperUserId = currentUserId(request);
      const { id } = parseInput(bargainIdParamsSchema, request.params, 'params');
      const result = await helpBargain(db, { bargainId: id, helperUserId, now: clock(), random });
      reply.code(201);
      return result;
    },
  );

  // The figures of the order the owner would place now (current price, the region's shipping).
  app.post('/api/bargains/:id/quote', { preHandler: requireUser }, async (request): Promise<OrderQuoteView> => {
    const userId = currentUserId(request);
    const { id } = parseInput(bargainIdParamsSchema, request.params, 'params');
    const input = parseInput(campaignQuoteRequestSchema, request.body ?? {}, 'body');
    const now = clock();
    return quoteCampaignOrder(
      { db, assetUrl },
      { userId, now, input, terms: (trx) => bargainOrderTerms(trx, { bargainId: id, userId, now }) },
    );
  });

  // The owner buys at the current price, any time in the window; paying is POST /api/orders/:id/pay.
  app.post('/api/bargains/:id/order', { preHandler: requireUser }, async (request, reply): Promise<Order> => {
    const userId = currentUserId(request);
    const idempotencyKey = idempotencyKeyOf(request);
    const { id } = parseInput(bargainIdParamsSchema, request.params, 'params');
    const input = parseInput(campaignOrderRequestSchema, request.body, 'body');
    const now = clock();
    const answer = await placeCampaignOrder(
      { db, assetUrl },
      {
        userId,
        idempotencyKey,
        now,
        target: { kind: 'bargain', id },
        input,
        terms: (trx) => bargainOrderTerms(trx, { bargainId: id, userId, now }),
      },
    );
    reply.code(answer.status);
    if (answer.replayed) reply.header('idempotent-replayed', 'true');
    return answer.body;
  });
}
