import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../http/app-error';
import { createOpsGuard } from '../http/ops-guard';
import { parseInput } from '../http/validate';
import type { RouteDeps } from '../route-deps';

const tickRequestSchema = z.object({
  at: z.string().datetime(),
  /** Only these jobs (by name); all when absent. */
  jobs: z.array(z.string().min(1).max(80)).max(50).optional(),
});

/**
 * POST /api/ops/jobs/tick `{ at, jobs? }` (ops token; only with JOBS_TIME_TRAVEL, never in
 * production): runs every deadline job once as if the clock read `at`, and answers what each
 * did. The browser tests use it to let a group or a bargain expire without waiting hours; the
 * jobs' own conditional updates keep it as safe as a real tick. `at` may not be in the past.
 */
export function registerJobsOpsRoutes(app: FastifyInstance, deps: RouteDeps): void {
  if (!deps.config.jobsTimeTravel) return;
  const ops = { preHandler: createOpsGuard(deps.config.opsApiToken ?? null) };
  app.post('/api/ops/jobs/tick', ops, async (request) => {
    const { at, jobs } = parseInput(tickRequestSchema, request.body, 'body');
    const unknown = (jobs ?? []).filter((name) => !deps.jobs.names().includes(name));
    if (unknown.length > 0) {
      throw new HttpError('VALIDATION_FAILED', {
        message: '没有这个任务',
        messageEn: 'Unknown job',
        details: { unknown },
      });
    }
    const when = new Date(at);
    if (when.getTime() < deps.clock().getTime()) {
      throw new HttpError('VALIDATION_FAILED', {
        message: '时间不能早于现在',
        messageEn: '`at` must not be in the past',
      });
    }
    return { at: when.toISOString(), jobs: await deps.jobs.tick(when, jobs) };
  });
}
