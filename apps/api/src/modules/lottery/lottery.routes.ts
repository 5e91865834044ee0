import { randomInt } from 'node:crypto';
import {
  campaignOrderRequestSchema,
  campaignQuoteRequestSchema,
  campaignStatus,
  idSchema,
  type LotteryCreated,
  type LotteryDrawResult,
  type LotteryList,
  type LotteryMyPrizes,
  type LotteryView,
  lotteryCreateRequestSchema,
  lotteryListQuerySchema,
  lotteryOdds,
  type Order,
  type OrderQuoteView,
} from '@wematrix/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { placeCampaignOrder, quoteCampaignOrder } from '../../flows/campaign-orders';
import { drawLottery, type RandomSource } from '../../flows/draw-lottery';
import { createOpsGuard } from '../../http/ops-guard';
import { parseInput } from '../../http/validate';
import type { RouteDeps } from '../../route-deps';
import { currentUserId } from '../auth/auth.guard';
import { idempotencyKeyOf } from '../idempotency/idempotency-key';
import { LotteryError } from './lottery.errors';
import { lotteryOrderTerms } from './lottery.orders';
import { findLottery, listOpenLotteries, listWonDraws } from './lottery.repository';
import { createLottery, lotteryView, myPrizeView } from './lottery.service';

const lotteryParamsSchema = z.object({ id: idSchema });
const drawParamsSchema = z.object({ drawId: z.string().uuid() });

/** Most prizes one shopper can list per lottery (daily limits keep the real number far below). */
const MY_PRIZES_LIMIT = 200;

const RANDOM_RANGE = 2 ** 48 - 1;
/** Uniform in [0, 1) from the operating system's CSPRNG: draws nobody can predict. */
export const cryptoRandom: RandomSource = () => randomInt(RANDOM_RANGE) / RANDOM_RANGE;

/**
 * 抽奖: the pool with its odds, the draw, the shopper's prizes and the 0-fen order of a
 * product prize (docs/lottery.md). `random` is injected so tests can fix the roll. There is
 * no route that grants draws for sharing (grantExtraDraw is called on a friend's sign-up or
 * paid order only).
 */
export function registerLotteryRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  options: { random?: RandomSource } = {},
): void {
  const { db, clock, assetUrl } = deps;
  const random = options.random ?? cryptoRandom;
  const guarded = { preHandler: deps.requireUser };

  // Public: the lotteries not yet over, of one campaign with ?campaign= (the campaign app's list
  // card opens its lottery; the pool and the draws are behind sign-in).
  app.get('/api/lotteries', async (request): Promise<LotteryList> => {
    const { campaign } = parseInput(lotteryListQuerySchema, request.query ?? {}, 'query');
    const now = clock();
    const rows = await listOpenLotteries(db, { now, campaignId: campaign ?? null });
    return {
      serverTime: now.toISOString(),
      items: rows.map((row) => ({
        id: row.id,
        campaignId: row.campaign_id,
        title: row.title,
        startsAt: row.starts_at.toISOString(),
        endsAt: row.ends_at.toISOString(),
        status: campaignStatus({ startsAt: row.starts_at, endsAt: row.ends_at }, now),
      })),
    };
  });

  app.get('/api/lotteries/:id', guarded, async (request): Promise<LotteryView> => {
    const { id } = parseInput(lotteryParamsSchema, request.params, 'params');
    return lotteryView(db, assetUrl, { lotteryId: id, userId: currentUserId(request), now: clock() });
  });

  app.post('/api/lotteries/:id/draw', guarded, async (request, reply): Promise<LotteryDrawResult> => {
    const { id } = parseInput(lotteryParamsSchema, request.params, 'params');
    const result = await drawLottery(db, assetUrl, {
      lotteryId: id,
      userId: currentUserId(request),
      now: clock(),
      random,
    });
    reply.code(201);
    return result;
  });

  app.get('/api/lotteries/:id/my-prizes', guarded, async (request): Promise<LotteryMyPrizes> => {
    const { id } = parseInput(lotteryParamsSchema, request.params, 'params');
    if (!(await findLottery(db, id))) throw new LotteryError('LOTTERY_NOT_FOUND');
    const rows = await listWonDraws(db, { lotteryId: id, userId: currentUserId(request), limit: MY_PRIZES_LIMIT });
    return { items: rows.map((row) => myPrizeView(row, assetUrl)) };
  });

  // What claiming a product prize costs (the prize is 0 fen; the shop's shipping rule applies).
  app.post('/api/lotteries/draws/:drawId/quote', guarded, async (request): Promise<OrderQuoteView> => {
    const userId = currentUserId(request);
    const { drawId } = parseInput(drawParamsSchema, request.params, 'params');
    const input = parseInput(campaignQuoteRequestSchema, request.body ?? {}, 'body');
    return quoteCampaignOrder(
      { db, assetUrl },
      { userId, now: clock(), input, terms: (trx) => lotteryOrderTerms(trx, { drawId, userId }) },
    );
  });

  // A product prize becomes a 0-fen order to the shopper's address (header Idempotency-Key).
  app.post('/api/lotteries/draws/:drawId/claim', guarded, async (request, reply): Promise<Order> => {
    const userId = currentUserId(request);
    const idempotencyKey = idempotencyKeyOf(request);
    const { drawId } = parseInput(drawParamsSchema, request.params, 'params');
    const input = parseInput(campaignOrderRequestSchema, request.body, 'body');
    const answer = await placeCampaignOrder(
      { db, assetUrl },
      {
        userId,
        idempotencyKey,
        now: clock(),
        target: { kind: 'lottery', id: drawId },
        input,
        terms: (trx) => lotteryOrderTerms(trx, { drawId, userId }),
      },
    );
    reply.code(answer.status);
    return answer.body;
  });

  // Operators (until the console): a lottery saved through the pool rules, answered with the
  // odds as shoppers will see them.
  const ops = { preHandler: createOpsGuard(deps.config.opsApiToken ?? null) };
  app.post('/api/ops/lotteries', ops, async (request, reply): Promise<LotteryCreated> => {
    const body = parseInput(lotteryCreateRequestSchema, request.body, 'body');
    const prizes = body.prizes.map((p) => ({ ...p, image: p.image ?? null }));
    const now = clock();
    await db.transaction().execute((trx) =>
      createLottery(
        trx,
        {
          ...body,
          campaignId: body.campaignId ?? null,
          startsAt: new Date(body.startsAt),
          endsAt: new Date(body.endsAt),
          prizes,
        },
        now,
      ),
    );
    const odds = lotteryOdds(prizes);
    reply.code(201);
    return {
      id: body.id,
      odds: odds.map((line) => {
        const prize = line.prizeIndex === null ? null : prizes[line.prizeIndex];
        return { prizeId: prize?.id ?? null, title: prize?.title ?? '谢谢参与', oddsPercent: line.percent };
      }),
    };
  });
}
