import {
  campaignOrderRequestSchema,
  campaignQuoteRequestSchema,
  type GroupBuyActivity,
  type GroupBuyActivityDetail,
  type GroupBuyActivityList,
  type GroupBuyGroup,
  groupBuyCreateRequestSchema,
  idSchema,
  type MyGroupBuys,
  type Order,
  type OrderQuoteView,
} from '@wematrix/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { WechatPayConfig } from '../../config';
import type { CampaignOrderTerms } from '../../flows/campaign-orders';
import { placeCampaignOrder, quoteCampaignOrder } from '../../flows/campaign-orders';
import type { PaymentFlowDeps } from '../../flows/payment-flow-deps';
import { orderPort } from '../../flows/payment-orders';
import { createOpsGuard } from '../../http/ops-guard';
import { parseInput } from '../../http/validate';
import { createWechatPayClient } from '../../integrations/wechatpay';
import type { RouteDeps } from '../../route-deps';
import { currentUserId } from '../auth/auth.guard';
import { idempotencyKeyOf } from '../idempotency/idempotency-key';
import { createOrderNotices } from '../subscribe/subscribe.notices';
import { registerGroupBuyJobs } from './group-buy.jobs';
import { createGroupBuyActivity } from './group-buy.ops';
import { joinGroupTerms, openGroupTerms } from './group-buy.orders';
import { groupBuyDetail, groupPage, listGroupBuys, myGroupBuys } from './group-buy.service';

const activityParamsSchema = z.object({ activityId: idSchema });
const groupParamsSchema = z.object({ groupId: idSchema });

/**
 * 拼团 (docs/group-buy.md): live activities, an activity with its open groups, the group
 * page, the leader's open and a friend's join (each an order at the group price through
 * placeCampaignOrder, with a quote first), and the group-buy jobs. Paying is the ordinary
 * POST /api/orders/:id/pay; the refund jobs run only with a merchant account.
 */
export function registerGroupBuyRoutes(app: FastifyInstance, deps: RouteDeps, payConfig: WechatPayConfig | null): void {
  const { db, clock, assetUrl } = deps;
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
  registerGroupBuyJobs(deps.jobs, { db, flow });
  const guarded = { preHandler: deps.requireUser };
  // The group page is public; a signed-in caller also learns whether they may join.
  const signedInIfAny = {
    async preHandler(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
      if (request.headers.authorization !== undefined) await deps.requireUser.call(this, request, reply);
    },
  };

  app.get('/api/group-buys', async (): Promise<GroupBuyActivityList> => listGroupBuys(db, assetUrl, clock()));

  app.get(
    '/api/group-buys/mine',
    guarded,
    async (request): Promise<MyGroupBuys> => myGroupBuys(db, { userId: currentUserId(request), now: clock() }),
  );

  app.get('/api/group-buys/groups/:groupId', signedInIfAny, async (request): Promise<GroupBuyGroup> => {
    const { groupId } = parseInput(groupParamsSchema, request.params, 'params');
    return groupPage(db, assetUrl, { groupId, userId: request.userId, now: clock() });
  });

  app.get('/api/group-buys/:activityId', async (request): Promise<GroupBuyActivityDetail> => {
    const { activityId } = parseInput(activityParamsSchema, request.params, 'params');
    return groupBuyDetail(db, assetUrl, { activityId, now: clock() });
  });

  const quote = async (
    request: FastifyRequest,
    terms: (trx: Parameters<typeof openGroupTerms>[0], userId: string, now: Date) => Promise<CampaignOrderTerms>,
  ): Promise<OrderQuoteView> => {
    const userId = currentUserId(request);
    const input = parseInput(campaignQuoteRequestSchema, request.body ?? {}, 'body');
    const now = clock();
    return quoteCampaignOrder({ db, assetUrl }, { userId, now, input, terms: (trx) => terms(trx, userId, now) });
  };

  app.post('/api/group-buys/:activityId/quote', guarded, async (request): Promise<OrderQuoteView> => {
    const { activityId } = parseInput(activityParamsSchema, request.params, 'params');
    return quote(request, (trx, userId, now) => openGroupTerms(trx, { activityId, userId, now, reserve: false }));
  });

  app.post('/api/group-buys/groups/:groupId/quote', guarded, async (request): Promise<OrderQuoteView> => {
    const { groupId } = parseInput(groupParamsSchema, request.params, 'params');
    return quote(request, (trx, userId, now) => joinGroupTerms(trx, { groupId, userId, now, reserve: false }));
  });

  // The leader opens a group: a new group with seat 1 reserved and the leader's order at the
  // tier for the group size. Others can join once the leader has paid.
  app.post('/api/group-buys/:activityId/open', guarded, async (request, reply): Promise<Order> => {
    const userId = currentUserId(request);
    const idempotencyKey = idempotencyKeyOf(request);
    const { activityId } = parseInput(activityParamsSchema, request.params, 'params');
    const input = parseInput(campaignOrderRequestSchema, request.body, 'body');
    const now = clock();
    const answer = await placeCampaignOrder(
      { db, assetUrl },
      {
        userId,
        idempotencyKey,
        now,
        target: { kind: 'group_buy', id: `open:${activityId}` },
        input,
        terms: (trx) => openGroupTerms(trx, { activityId, userId, now, reserve: true }),
      },
    );
    reply.code(answer.status);
    if (answer.replayed) reply.header('idempotent-replayed', 'true');
    return answer.body;
  });

  // A friend joins: the group's row locked, the next free seat reserved, an order at the
  // group's price; refused with a code (full, expired, own group, limit, new users only).
  app.post('/api/group-buys/groups/:groupId/join', guarded, async (request, reply): Promise<Order> => {
    const userId = currentUserId(request);
    const idempotencyKey = idempotencyKeyOf(request);
    const { groupId } = parseInput(groupParamsSchema, request.params, 'params');
    const input = parseInput(campaignOrderRequestSchema, request.body, 'body');
    const now = clock();
    const answer = await placeCampaignOrder(
      { db, assetUrl },
      {
        userId,
        idempotencyKey,
        now,
        target: { kind: 'group_buy', id: `join:${groupId}` },
        input,
        terms: (trx) => joinGroupTerms(trx, { groupId, userId, now, reserve: true }),
      },
    );
    reply.code(answer.status);
    if (answer.replayed) reply.header('idempotent-replayed', 'true');
    return answer.body;
  });

  // Operators (until the console): an activity saved through the rules, or 422 with every reason.
  const ops = { preHandler: createOpsGuard(deps.config.opsApiToken ?? null) };
  app.post('/api/ops/group-buys', ops, async (request, reply): Promise<GroupBuyActivity> => {
    const input = parseInput(groupBuyCreateRequestSchema, request.body, 'body');
    const activity = await createGroupBuyActivity(db, assetUrl, input, clock());
    reply.code(201);
    return activity;
  });
}
