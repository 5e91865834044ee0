import type { Database } from '../../db/database';
import type { JobRunner } from '../../jobs/job-runner';
import { expireDueBargains } from './bargain.repository';

/** Bargains per tick; the rest wait for the next one. */
const EXPIRE_BATCH = 500;

/**
 * bargain.expire: open or floor-reached bargains past their window become expired, each once
 * (a conditional update; an ordered one is left to its order: paying buys it, cancelling it
 * after the window expires it). Safe on several instances: the loser of a race updates nothing.
 */
export function registerBargainJobs(jobs: JobRunner, db: Database): void {
  jobs.register({
    name: 'bargain.expire',
    run: (now) => expireDueBargains(db, { now, limit: EXPIRE_BATCH }),
  });
}
