import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { RouteDeps } from '../../route-deps';

/** Liveness plus a database round trip, so `npm start` waits for a usable API. */
export function registerHealthRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/health', async () => {
    await sql`select 1`.execute(deps.db);
    return { ok: true, time: deps.clock().toISOString() };
  });
}
