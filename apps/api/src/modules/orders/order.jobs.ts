import { sql } from 'kysely';
import type { Database } from '../../db/database';
import type { JobRunner } from '../../jobs/job-runner';
import { cancelPendingOrder } from './order-cancel';

/** At most this many orders per job per tick, so one tick stays short; the rest are due next tick. */
const MAX_PER_TICK = 500;

/**
 * Cancels one unpaid order past its deadline, if any is due and not locked by another
 * instance (SKIP LOCKED), in its own transaction, through cancelPendingOrder (the shopper's
 * cancel uses the same): status, stock, coupon and points. Answers whether one was cancelled.
 */
async function cancelOneOverdue(db: Database, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('orders')
      .select('id')
      .where('status', '=', 'pending_payment')
      .where('pay_deadline_at', '<=', now)
      .orderBy('pay_deadline_at')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!due) return false;
    return cancelPendingOrder(trx, { orderId: due.id, reason: 'pay_timeout', now });
  });
}

/** Shipped orders past auto_confirm_at complete (one statement; locked rows wait for the next tick). */
async function autoConfirmDue(db: Database, now: Date): Promise<number> {
  const { rows } = await sql<{ id: string }>`
    update orders set status = 'completed', completed_at = ${now}::timestamptz, updated_at = ${now}::timestamptz
    where id in (
      select id from orders where status = 'shipped' and auto_confirm_at <= ${now}::timestamptz
      order by auto_confirm_at limit ${MAX_PER_TICK} for update skip locked
    ) and status = 'shipped'
    returning id
  `.execute(db);
  return rows.length;
}

/** The orders module's deadlines on the runner (see docs/orders.md). */
export function registerOrderJobs(jobs: JobRunner, db: Database): void {
  jobs.register({
    name: 'orders.cancel-unpaid',
    async run(now) {
      let count = 0;
      while (count < MAX_PER_TICK && (await cancelOneOverdue(db, now))) count += 1;
      return count;
    },
  });
  jobs.register({ name: 'orders.auto-confirm', run: (now) => autoConfirmDue(db, now) });
}
