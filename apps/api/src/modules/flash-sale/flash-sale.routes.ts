import { type FlashSaleClaim, type FlashSaleSlots, flashSaleClaimInputSchema, idSchema } from '@wematrix/shared';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { parseInput } from '../../http/validate';
import type { RouteDeps } from '../../route-deps';
import { currentUserId } from '../auth/auth.guard';
import { registerFlashSaleJobs } from './flash-sale.jobs';
import { claimFlashSale, listFlashSales } from './flash-sale.service';
import { createPostgresStockGate } from './postgres-stock-gate';
import { createRedisStockGate, type RedisStockGate } from './redis-stock-gate';
import type { StockGate } from './stock-gate';

const slotParamsSchema = z.object({ slotId: idSchema });

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
      const claim = await claimFlashSale(db, gate, { slotId, userId, quantity, now: clock() });
      reply.code(201);
      return claim;
    },
  );
}
