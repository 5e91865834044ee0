import {
  campaignOrderRequestSchema,
  campaignQuoteRequestSchema,
  type FlashSaleClaim,
  type FlashSaleSlots,
  flashSaleClaimInputSchema,
  idSchema,
  type Order,
  type OrderQuoteView,
} from '@wematrix/shared';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { placeCampaignOrder, quoteCampaignOrder } from '../../flows/campaign-orders';
import { parseInput } from '../../http/validate';
import type { RouteDeps } from '../../route-deps';
import { currentUserId } from '../auth/auth.guard';
import { idempotencyKeyOf } from '../idempotency/idempotency-key';
import { registerFlashSaleJobs } from './flash-sale.jobs';
import { flashSaleOrderTerms } from './flash-sale.orders';
import { findSlot, type SlotRow } from './flash-sale.repository';
import { claimFlashSale, listFlashSales } from './flash-sale.service';
import { createPostgresStockGate } from './postgres-stock-gate';
import { createRedisStockGate, type RedisStockGate } from './redis-stock-gate';
import type { StockGate } from './stock-gate';

const slotParamsSchema = z.object({ slotId: idSchema });
const claimParamsSchema = z.object({ claimId: idSchema });

/**
 * A Redis client that fails fast: no offline queue and no retries per command, so a claim
 * made while Redis is down answers 503 at once instead of waiting, and is never replayed
 * later behind the shopper's back. The connection itself keeps retrying in the background.
 */
export function createGateRedis(url: string, onError: (error: Error) => void): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  redis.on('error', onError);
  return redis;
}

/** 秒杀: slots, the claim, and the gate's jobs (docs/flash-sale.md). Redis when REDIS_URL is set. */
export function registerFlashSaleRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, clock } = deps;
  const redisUrl = deps.config.redisUrl ?? null;
  let redisGate: RedisStockGate | null = null;
  if (redisUrl) {
    let lastLogged = 0;
    const redis = createGateRedis(redisUrl, (error) => {
      // Reconnect attempts fail every second or two while Redis is down; log one a minute.
      if (Date.now() - lastLogged < 60_000) return;
      lastLogged = Date.now();
      app.log.warn({ err: error }, 'flash-sale Redis unreachable');
    });
    app.addHook('onClose', async () => {
      redis.disconnect();
    });
    redisGate = createRedisStockGate({ db, redis });
  }
  const gate: StockGate = redisGate ?? createPostgresStockGate(db);
  registerFlashSaleJobs(deps.jobs, { db, gate, redisGate, logger: app.log });
  // A slot's definition, for a second: every press of 抢购 reads it, and it changes only when
  // operators edit the slot. Stock is the gate's, never this copy's.
  const slots = new LRUCache<string, SlotRow>({ max: 1000, ttl: 1000 });
  const slotOf = async (slotId: string): Promise<SlotRow | undefined> => {
    const cached = slots.get(slotId);
    if (cached) return cached;
    const row = await findSlot(db, slotId);
    if (row) slots.set(slotId, row);
    return row;
  };

  app.get('/api/flash-sales', async (): Promise<FlashSaleSlots> => {
    const now = clock();
    return { serverTime: now.toISOString(), slots: await listFlashSales(db, gate, now) };
  });

  app.post(
    '/api/flash-sales/:slotId/claim',
    { preHandler: deps.requireUser },
    async (request, reply): Promise<FlashSaleClaim> => {
      const userId = currentUserId(request);
      const { slotId } = parseInput(slotParamsSchema, request.params, 'params');
      const { quantity } = parseInput(flashSaleClaimInputSchema, request.body, 'body');
      const claim = await claimFlashSale(db, gate, { slotId, userId, quantity, now: clock() }, slotOf);
      reply.code(201);
      return claim;
    },
  );

  // The figures of the order a held claim would become (the slot's price, the region's shipping).
  app.post(
    '/api/flash-sales/claims/:claimId/quote',
    { preHandler: deps.requireUser },
    async (request): Promise<OrderQuoteView> => {
      const userId = currentUserId(request);
      const { claimId } = parseInput(claimParamsSchema, request.params, 'params');
      const input = parseInput(campaignQuoteRequestSchema, request.body ?? {}, 'body');
      const now = clock();
      return quoteCampaignOrder(
        { db, assetUrl: deps.assetUrl },
        { userId, now, input, terms: (trx) => flashSaleOrderTerms(trx, { claimId, userId, now }) },
      );
    },
  );

  // A held claim becomes an order at the slot's price, to be paid before the hold ends
  // (docs/flash-sale.md "Ordering from a claim"); then paying is POST /api/orders/:id/pay.
  app.post(
    '/api/flash-sales/claims/:claimId/order',
    { preHandler: deps.requireUser },
    async (request, reply): Promise<Order> => {
      const userId = currentUserId(request);
      const idempotencyKey = idempotencyKeyOf(request);
      const { claimId } = parseInput(claimParamsSchema, request.params, 'params');
      const input = parseInput(campaignOrderRequestSchema, request.body, 'body');
      const now = clock();
      const answer = await placeCampaignOrder(
        { db, assetUrl: deps.assetUrl },
        {
          userId,
          idempotencyKey,
          now,
          target: { kind: 'flash_sale', id: claimId },
          input,
          terms: (trx) => flashSaleOrderTerms(trx, { claimId, userId, now }),
        },
      );
      reply.code(answer.status);
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return answer.body;
    },
  );
}
