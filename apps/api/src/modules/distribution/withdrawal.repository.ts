import { type Selectable, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { Executor } from '../../db/executor';
import type { CommissionWithdrawalsTable } from './distribution.table';

export type WithdrawalRow = Selectable<CommissionWithdrawalsTable>;

/** Statuses that hold their amount against the balance (all but failed and rejected). */
export const HOLDING_STATUSES = ['requested', 'approved', 'transferring', 'succeeded'] as const;
/** One of these per promoter at a time (the partial unique index of migration 0021). */
export const IN_FLIGHT_STATUSES = ['requested', 'approved', 'transferring'] as const;

const DAY_MS = 24 * 3600 * 1000;

/**
 * Serialises one promoter's withdrawal requests for the rest of the transaction: the balance
 * and in-flight checks then read every committed withdrawal of theirs. The partial unique
 * index is the backstop.
 */
export async function lockPromoterWithdrawals(trx: Transaction<DB>, promoterId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`wematrix:withdrawals:${promoterId}`}))`.execute(trx);
}

/**
 * A promoter's ledger in four sums: accruals and reversals of orders settled at `now`
 * (completed at least `settleDays` ago) and of the others.
 */
export async function ledgerSums(executor: Executor, input: { promoterId: string; settleDays: number; now: Date }) {
  const cutoff = new Date(input.now.getTime() - input.settleDays * DAY_MS);
  const settled = sql<boolean>`(o.status = 'completed' and o.completed_at is not null and o.completed_at <= ${cutoff})`;
  const row = await executor
    .selectFrom('commission_ledger as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .select([
      sql<string>`coalesce(sum(l.amount_fen) filter (where l.kind = 'accrue' and ${settled}), 0)`.as('accrued_settled'),
      sql<string>`coalesce(sum(l.amount_fen) filter (where l.kind = 'reverse' and ${settled}), 0)`.as(
        'reversed_settled',
      ),
      sql<string>`coalesce(sum(l.amount_fen) filter (where l.kind = 'accrue' and not ${settled}), 0)`.as(
        'accrued_open',
      ),
      sql<string>`coalesce(sum(l.amount_fen) filter (where l.kind = 'reverse' and not ${settled}), 0)`.as(
        'reversed_open',
      ),
    ])
    .where('l.promoter_id', '=', input.promoterId)
    .executeTakeFirstOrThrow();
  return {
    settledFen: Number(row.accrued_settled) - Number(row.reversed_settled),
    pendingFen: Math.max(0, Number(row.accrued_open) - Number(row.reversed_open)),
    reversedFen: Number(row.reversed_settled) + Number(row.reversed_open),
  };
}

/** Sums of a promoter's withdrawals by what they mean for the balance. */
export async function withdrawalSums(executor: Executor, promoterId: string) {
  const row = await executor
    .selectFrom('commission_withdrawals')
    .select([
      sql<string>`coalesce(sum(amount_fen) filter (where status in ('requested', 'approved', 'transferring')), 0)`.as(
        'in_flight',
      ),
      sql<string>`coalesce(sum(amount_fen) filter (where status = 'succeeded'), 0)`.as('succeeded'),
    ])
    .where('promoter_id', '=', promoterId)
    .executeTakeFirstOrThrow();
  const inFlightFen = Number(row.in_flight);
  const withdrawnFen = Number(row.succeeded);
  return { inFlightFen, withdrawnFen, heldFen: inFlightFen + withdrawnFen };
}

export function findInFlight(executor: Executor, promoterId: string) {
  return executor
    .selectFrom('commission_withdrawals')
    .select('id')
    .where('promoter_id', '=', promoterId)
    .where('status', 'in', [...IN_FLIGHT_STATUSES])
    .executeTakeFirst();
}

export async function insertWithdrawal(
  executor: Executor,
  input: {
    id: string;
    promoterId: string;
    amountFen: number;
    outBillNo: string;
    appid: string;
    openid: string;
    now: Date;
  },
): Promise<WithdrawalRow> {
  return (await executor
    .insertInto('commission_withdrawals')
    .values({
      id: input.id,
      promoter_id: input.promoterId,
      amount_fen: input.amountFen,
      status: 'requested',
      out_bill_no: input.outBillNo,
      appid: input.appid,
      openid: input.openid,
      requested_at: input.now,
      decided_at: null,
      finished_at: null,
      reason: null,
      transfer_bill_no: null,
      transfer_state: null,
      package_info: null,
      transfer_attempted_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()) as WithdrawalRow;
}

export async function findWithdrawal(executor: Executor, id: string): Promise<WithdrawalRow | undefined> {
  return (await executor.selectFrom('commission_withdrawals').selectAll().where('id', '=', id).executeTakeFirst()) as
    | WithdrawalRow
    | undefined;
}

export async function findWithdrawalByOutBillNo(executor: Executor, outBillNo: string) {
  return (await executor
    .selectFrom('commission_withdrawals')
    .selectAll()
    .where('out_bill_no', '=', outBillNo)
    .executeTakeFirst()) as WithdrawalRow | undefined;
}

export async function withdrawalsOf(executor: Executor, promoterId: string, limit: number): Promise<WithdrawalRow[]> {
  return (await executor
    .selectFrom('commission_withdrawals')
    .selectAll()
    .where('promoter_id', '=', promoterId)
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()) as WithdrawalRow[];
}

/** requested → approved (finance), conditional; undefined when it was not requested. */
export async function markApproved(executor: Executor, { id, now }: { id: string; now: Date }) {
  return (await executor
    .updateTable('commission_withdrawals')
    .set({ status: 'approved', decided_at: now })
    .where('id', '=', id)
    .where('status', '=', 'requested')
    .returningAll()
    .executeTakeFirst()) as WithdrawalRow | undefined;
}

/** requested → rejected (finance, with the reason), conditional. */
export async function markRejected(executor: Executor, input: { id: string; reason: string; now: Date }) {
  return (await executor
    .updateTable('commission_withdrawals')
    .set({ status: 'rejected', decided_at: input.now, finished_at: input.now, reason: input.reason })
    .where('id', '=', input.id)
    .where('status', '=', 'requested')
    .returningAll()
    .executeTakeFirst()) as WithdrawalRow | undefined;
}

/** Records that the transfer is being sent now (the retry job spaces attempts by it). */
export async function markTransferAttempt(executor: Executor, { id, now }: { id: string; now: Date }) {
  await executor
    .updateTable('commission_withdrawals')
    .set({ transfer_attempted_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['approved', 'transferring'])
    .execute();
}

/** approved → transferring once WeChat accepted the bill, conditional (a finished bill stays finished). */
export async function markTransferring(
  executor: Executor,
  input: { id: string; transferBillNo: string; state: string; packageInfo: string | null },
): Promise<boolean> {
  const rows = await executor
    .updateTable('commission_withdrawals')
    .set({
      status: 'transferring',
      transfer_bill_no: input.transferBillNo,
      transfer_state: input.state,
      package_info: input.packageInfo,
    })
    .where('id', '=', input.id)
    .where('status', 'in', ['approved', 'transferring'])
    .returning('id')
    .execute();
  return rows.length === 1;
}

/**
 * approved | transferring → succeeded | failed: WeChat's final word (notification, query or a
 * refusal). Conditional: a replayed notification or a second query changes nothing.
 */
export async function markFinished(
  executor: Executor,
  input: {
    id: string;
    status: 'succeeded' | 'failed';
    transferBillNo: string | null;
    state: string;
    reason: string | null;
    now: Date;
  },
): Promise<boolean> {
  const rows = await executor
    .updateTable('commission_withdrawals')
    .set((eb) => ({
      status: input.status,
      finished_at: input.now,
      transfer_state: input.state,
      transfer_bill_no: input.transferBillNo ?? eb.ref('transfer_bill_no'),
      package_info: null,
      reason: input.reason,
    }))
    .where('id', '=', input.id)
    .where('status', 'in', ['approved', 'transferring'])
    .returning('id')
    .execute();
  return rows.length === 1;
}

/** Approved withdrawals whose transfer was never sent, or not answered for `retryAfterMs`. */
export async function transfersToSend(executor: Executor, input: { now: Date; retryAfterMs: number; limit: number }) {
  const before = new Date(input.now.getTime() - input.retryAfterMs);
  return (await executor
    .selectFrom('commission_withdrawals')
    .selectAll()
    .where('status', '=', 'approved')
    .where((eb) => eb.or([eb('transfer_attempted_at', 'is', null), eb('transfer_attempted_at', '<=', before)]))
    .orderBy('decided_at')
    .limit(input.limit)
    .execute()) as WithdrawalRow[];
}

/** Transferring withdrawals last sent or asked about `queryAfterMs` ago (the notification may be lost). */
export async function transfersToQuery(executor: Executor, input: { now: Date; queryAfterMs: number; limit: number }) {
  const before = new Date(input.now.getTime() - input.queryAfterMs);
  return (await executor
    .selectFrom('commission_withdrawals')
    .selectAll()
    .where('status', '=', 'transferring')
    .where('transfer_attempted_at', '<=', before)
    .orderBy('transfer_attempted_at')
    .limit(input.limit)
    .execute()) as WithdrawalRow[];
}
