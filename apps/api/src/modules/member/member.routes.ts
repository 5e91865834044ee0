import { type Member, memberSpendWindowStart, memberStanding } from '@wematrix/shared';
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../route-deps';
import { currentUserId } from '../auth/auth.guard';
import { paidSpendSince } from './member.repository';

/** GET /api/me/member: the shopper's level from the last 12 months' spend (docs/member.md). */
export function registerMemberRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, clock } = deps;

  app.get('/api/me/member', { preHandler: deps.requireUser }, async (request): Promise<Member> => {
    const since = memberSpendWindowStart(clock());
    const spendFen = await paidSpendSince(db, { userId: currentUserId(request), since });
    const standing = memberStanding(spendFen);
    return { ...standing, benefits: [...standing.benefits] };
  });
}
