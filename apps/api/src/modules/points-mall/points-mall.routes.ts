import { idSchema, type PointsMallExchange, type PointsMallItems } from '@wematrix/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { exchangePoints } from '../../flows/exchange-points';
import { parseInput } from '../../http/validate';
import type { RouteDeps } from '../../route-deps';
import { currentUserId } from '../auth/auth.guard';
import { idempotencyKeyOf } from '../idempotency/idempotency-key';
import { pointsBalance } from '../promotions/points.repository';
import { listOfferedItems } from './points-mall.repository';
import { itemRowToView } from './points-mall.service';

const itemParamsSchema = z.object({ id: idSchema });

/** 积分商城: what points buy, and the exchange (docs/member.md). */
export function registerPointsMallRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, clock } = deps;
  const guarded = { preHandler: deps.requireUser };

  app.get('/api/points-mall/items', guarded, async (request): Promise<PointsMallItems> => {
    const userId = currentUserId(request);
    const [rows, balance] = await Promise.all([
      listOfferedItems(db, { userId, now: clock() }),
      pointsBalance(db, userId),
    ]);
    return { items: rows.map(itemRowToView), balance };
  });

  app.post('/api/points-mall/items/:id/exchange', guarded, async (request, reply): Promise<PointsMallExchange> => {
    const userId = currentUserId(request);
    const { id } = parseInput(itemParamsSchema, request.params, 'params');
    const idempotencyKey = idempotencyKeyOf(request);
    const answer = await exchangePoints(db, { userId, itemId: id, idempotencyKey, now: clock() });
    reply.code(answer.status);
    if (answer.replayed) reply.header('idempotent-replayed', 'true');
    return answer.body;
  });
}
