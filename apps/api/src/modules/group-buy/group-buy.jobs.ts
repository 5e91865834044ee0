import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { refundWhatIsLeft } from '../../flows/campaign-refunds';
import type { PaymentFlowDeps } from '../../flows/payment-flow-deps';
import type { JobRunner } from '../../jobs/job-runner';
import { cancelPendingOrder } from '../orders/order-cancel';

/** Rows per job per tick; the rest are due next tick. */
const BATCH = 200;

/** The refund number of a member of a failed group, and of a leader's 团长免单: one each, ever. */
export const failedGroupRefundNo = (memberId: string): string => `GBR-${memberId}`;
export const leaderRebateNo = (memberId: string): string => `GBF-${memberId}`;

/**
 * Forming groups past their deadline become failed: one statement over the due rows not
 * locked by anyone else (SKIP LOCKED: a group whose last payment is committing right now is
 * left for the next tick, when it is either succeeded or still due).
 */
async function failDueGroups(db: Database, now: Date): Promise<number> {
  const { rows } = await sql<{ id: string }>`
    update group_buy_groups set status = 'failed', failed_at = ${now}::timestamptz
    where id in (
      select id from group_buy_groups where status = 'forming' and expires_at <= ${now}::timestamptz
      order by expires_at limit ${BATCH} for update skip locked
    ) and status = 'forming'
    returning id
  `.execute(db);
  return rows.length;
}

/**
 * Unpaid seats of failed groups: their orders are cancelled through the orders module's one
 * cancel (stock back; its campaign hook releases the seat), each in its own transaction. An
 * order paid meanwhile is not pending, so the cancel changes nothing and the refund job takes it.
 */
async function cancelUnpaidSeatsOfFailedGroups(db: Database, now: Date): Promise<number> {
  const due = await db
    .selectFrom('group_buy_members as m')
    .innerJoin('group_buy_groups as g', 'g.id', 'm.group_id')
    .select(['m.order_id'])
    .where('g.status', '=', 'failed')
    .where('m.status', '=', 'reserved')
    .where('m.order_id', 'is not', null)
    .limit(BATCH)
    .execute();
  let cancelled = 0;
  for (const { order_id: orderId } of due) {
    if (orderId === null) continue;
    const done = await db
      .transaction()
      .execute((trx) => cancelPendingOrder(trx, { orderId, reason: 'pay_timeout', now }));
    if (done) cancelled += 1;
  }
  return cancelled;
}

/**
 * Paid seats of failed groups get their money back in full, once: the refund number is fixed
 * per member, so a second run (or a crash between the refund and the mark) asks for the same
 * refund. The member becomes refunded when the order does (REFUND.SUCCESS -> 已退款 -> the
 * campaign hook), in that transaction.
 */
async function refundPaidSeatsOfFailedGroups(flow: PaymentFlowDeps, now: Date): Promise<number> {
  const due = await flow.db
    .selectFrom('group_buy_members as m')
    .innerJoin('group_buy_groups as g', 'g.id', 'm.group_id')
    .select(['m.id', 'm.order_id'])
    .where('g.status', '=', 'failed')
    .where('m.status', '=', 'paid')
    .where('m.order_id', 'is not', null)
    .where('m.refund_requested_at', 'is', null)
    .orderBy('m.paid_at')
    .limit(BATCH)
    .execute();
  let requested = 0;
  for (const member of due) {
    if (member.order_id === null) continue;
    try {
      await refundWhatIsLeft(flow, {
        orderId: member.order_id,
        outRefundNo: failedGroupRefundNo(member.id),
        reason: '拼团未成团，自动退款',
        purpose: 'refund',
      });
    } catch (error) {
      // One refused refund (e.g. an after-sale refund took part of it) must not hold up the others.
      flow.logger.error({ err: error, memberId: member.id }, 'group-buy refund not requested');
      continue;
    }
    await flow.db
      .updateTable('group_buy_members')
      .set({ refund_requested_at: now })
      .where('id', '=', member.id)
      .where('refund_requested_at', 'is', null)
      .execute();
    requested += 1;
  }
  return requested;
}

/**
 * 团长免单: a leader-free group that succeeded gives the leader's payment back as a rebate
 * (purpose 'rebate': the order stays 待发货 and ships). Once per group: fixed refund number,
 * and `rebated_at` set after the request.
 */
async function rebateLeadersOfSucceededGroups(flow: PaymentFlowDeps, now: Date): Promise<number> {
  const due = await flow.db
    .selectFrom('group_buy_groups as g')
    .innerJoin('group_buy_activities as a', 'a.id', 'g.activity_id')
    .innerJoin('group_buy_members as m', (join) =>
      join.onRef('m.group_id', '=', 'g.id').on('m.seat_no', '=', 1).on('m.status', '=', 'paid'),
    )
    .select(['g.id as group_id', 'm.id as member_id', 'm.order_id'])
    .where('g.status', '=', 'succeeded')
    .where('a.leader_free', '=', true)
    .where('g.rebated_at', 'is', null)
    .orderBy('g.succeeded_at')
    .limit(BATCH)
    .execute();
  let rebated = 0;
  for (const row of due) {
    if (row.order_id !== null) {
      try {
        await refundWhatIsLeft(flow, {
          orderId: row.order_id,
          outRefundNo: leaderRebateNo(row.member_id),
          reason: '拼团成功，团长免单',
          purpose: 'rebate',
        });
      } catch (error) {
        flow.logger.error({ err: error, groupId: row.group_id }, 'group-buy leader rebate not requested');
        continue;
      }
    }
    await flow.db
      .updateTable('group_buy_groups')
      .set({ rebated_at: now })
      .where('id', '=', row.group_id)
      .where('rebated_at', 'is', null)
      .execute();
    rebated += 1;
  }
  return rebated;
}

/**
 * The group-buy deadlines on the runner (docs/group-buy.md "Jobs"). Without WeChat Pay
 * nothing can have been paid, so the two money jobs are registered only with a merchant.
 */
export function registerGroupBuyJobs(jobs: JobRunner, deps: { db: Database; flow: PaymentFlowDeps | null }): void {
  const { db, flow } = deps;
  jobs.register({ name: 'group-buy.expire', run: (now) => failDueGroups(db, now) });
  jobs.register({ name: 'group-buy.release-unpaid', run: (now) => cancelUnpaidSeatsOfFailedGroups(db, now) });
  if (!flow) return;
  jobs.register({ name: 'group-buy.refund-failed', run: (now) => refundPaidSeatsOfFailedGroups(flow, now) });
  jobs.register({ name: 'group-buy.leader-rebate', run: (now) => rebateLeadersOfSucceededGroups(flow, now) });
}
