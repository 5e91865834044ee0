import type { Database } from '../../db/database';
import type { JobRunner } from '../../jobs/job-runner';
import { dueHeldClaimIds, listOpenSlots, slotRowToGateSlot } from './flash-sale.repository';
import type { RedisStockGate } from './redis-stock-gate';
import type { StockGate } from './stock-gate';

/** Where drift goes: the app's pino logger. */
export interface DriftLogger {
  warn(details: object, message: string): void;
}

/** Held claims per tick; the rest wait for the next one. */
const RELEASE_BATCH = 200;
/** Slots are loaded into Redis this long before they start. */
const WARM_AHEAD_MS = 60_000;

/**
 * flash-sale.release-expired: held claims past their deadline give their units back. Safe
 * on several instances: giveBack moves a claim held -> released once (the loser does nothing).
 */
export function registerFlashSaleJobs(
  jobs: JobRunner,
  deps: { db: Database; gate: StockGate; redisGate: RedisStockGate | null; logger: DriftLogger },
): void {
  const { db, gate } = deps;
  jobs.register({
    name: 'flash-sale.release-expired',
    async run(now) {
      let released = 0;
      for (const claimId of await dueHeldClaimIds(db, { now, limit: RELEASE_BATCH }))
        if (await gate.giveBack(claimId, now)) released += 1;
      return released;
    },
  });
  const redisGate = deps.redisGate;
  if (!redisGate) return;
  jobs.register({
    name: 'flash-sale.warm',
    async run(now) {
      let loaded = 0;
      for (const row of await listOpenSlots(db, now)) {
        if (row.starts_at.getTime() - now.getTime() > WARM_AHEAD_MS) continue;
        if (await redisGate.warm(slotRowToGateSlot(row))) loaded += 1;
      }
      return loaded;
    },
  });
  jobs.register({
    name: 'flash-sale.reconcile',
    async run(now) {
      let drifting = 0;
      for (const row of await listOpenSlots(db, now)) {
        const { redisTaken, claimed } = await redisGate.drift(slotRowToGateSlot(row));
        if (redisTaken === claimed) continue;
        drifting += 1;
        deps.logger.warn(
          { slotId: row.id, redisTaken, claimed, drift: redisTaken - claimed },
          'flash-sale stock drift between Redis and the database claims',
        );
      }
      return drifting;
    },
  });
}
