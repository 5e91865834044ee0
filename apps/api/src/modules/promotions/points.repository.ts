import { sql } from 'kysely';
import type { Executor } from '../../db/executor';
import type { PointsReason } from './promotions.table';

export async function pointsBalance(db: Executor, userId: string): Promise<number> {
  const row = await db.selectFrom('points_accounts').select('balance').where('user_id', '=', userId).executeTakeFirst();
  return row?.balance ?? 0;
}

export interface PointsEntryRow {
  id: string;
  delta: number;
  reason: PointsReason;
  ref: string;
  created_at: Date;
}

/** Newest first, keyset on the ledger's identity id (strictly increasing, never reused). */
export function listPointsHistory(
  db: Executor,
  { userId, beforeId, limit }: { userId: string; beforeId: string | null; limit: number },
): Promise<PointsEntryRow[]> {
  let query = db
    .selectFrom('points_ledger')
    .select([sql<string>`id::text`.as('id'), 'delta', 'reason', 'ref', 'created_at'])
    .where('user_id', '=', userId);
  if (beforeId !== null) query = query.where('id', '<', sql<string>`${beforeId}::bigint`);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

/**
 * Adds points once per (reason, ref): the ledger insert is `on conflict do nothing` and the
 * balance moves only by the row it returned, in the same statement. True when it applied.
 */
export async function grantPoints(
  executor: Executor,
  grant: { userId: string; points: number; reason: 'grant' | 'order_refund'; ref: string; now: Date },
): Promise<boolean> {
  if (!Number.isSafeInteger(grant.points) || grant.points <= 0) throw new Error('grantPoints needs a positive integer');
  const { rows } = await sql<{ balance: number }>`
    with entry as (
      insert into points_ledger (user_id, delta, reason, ref, created_at)
      values (${grant.userId}::uuid, ${grant.points}::int, ${grant.reason}, ${grant.ref}, ${grant.now}::timestamptz)
      on conflict (reason, ref) do nothing
      returning user_id, delta
    )
    insert into points_accounts (user_id, balance, updated_at)
    select user_id, delta, ${grant.now}::timestamptz from entry
    on conflict (user_id) do update
      set balance = points_accounts.balance + excluded.balance, updated_at = excluded.updated_at
    returning balance
  `.execute(executor);
  return rows.length === 1;
}

/**
 * Spends points for an order: one statement, the balance lowered relatively and only where
 * it stays >= 0 (concurrent spends queue on the account row and each re-checks the guard),
 * and the ledger row written only if the balance moved. False when the balance is short
 * (nothing written). An order spends once: a second spend for it breaks the ledger's unique
 * (reason, ref) and fails the caller's transaction rather than spending twice.
 */
export async function spendPoints(
  executor: Executor,
  { userId, points, orderId, now }: { userId: string; points: number; orderId: string; now?: Date },
): Promise<boolean> {
  if (!Number.isSafeInteger(points) || points <= 0) throw new Error('spendPoints needs a positive integer');
  const at = now ?? new Date();
  const { rows } = await sql<{ id: string }>`
    with account as (
      update points_accounts
      set balance = balance - ${points}::int, updated_at = ${at}::timestamptz
      where user_id = ${userId}::uuid and balance >= ${points}::int
      returning user_id
    )
    insert into points_ledger (user_id, delta, reason, ref, created_at)
    select user_id, ${-points}::int, 'order_spend', ${orderId}, ${at}::timestamptz from account
    returning id::text
  `.execute(executor);
  return rows.length === 1;
}

/**
 * Returns what an order spent (cancelled or refunded order), once: the 'order_refund' row is
 * unique per order, so a second call (or a concurrent one) changes nothing and says false.
 */
export async function refundPoints(
  executor: Executor,
  { orderId, now }: { orderId: string; now?: Date },
): Promise<boolean> {
  const at = now ?? new Date();
  const { rows } = await sql<{ balance: number }>`
    with spent as (
      select user_id, -delta as points from points_ledger where reason = 'order_spend' and ref = ${orderId}
    ), entry as (
      insert into points_ledger (user_id, delta, reason, ref, created_at)
      select user_id, points, 'order_refund', ${orderId}, ${at}::timestamptz from spent
      on conflict (reason, ref) do nothing
      returning user_id, delta
    )
    update points_accounts a
    set balance = a.balance + entry.delta, updated_at = ${at}::timestamptz
    from entry
    where a.user_id = entry.user_id
    returning a.balance
  `.execute(executor);
  return rows.length === 1;
}

/**
 * Spends points for a points-mall exchange, like spendPoints: one statement, the balance
 * lowered only where it stays >= 0, the ledger row ('mall_exchange', the exchange id) written
 * only if it moved; that row is unique, so one exchange cannot spend twice. The balance after,
 * or null when it was short (nothing written).
 */
export async function spendPointsForExchange(
  executor: Executor,
  { userId, points, exchangeId, now }: { userId: string; points: number; exchangeId: string; now: Date },
): Promise<number | null> {
  if (!Number.isSafeInteger(points) || points <= 0) throw new Error('spendPointsForExchange needs a positive integer');
  const { rows } = await sql<{ balance: number }>`
    with account as (
      update points_accounts
      set balance = balance - ${points}::int, updated_at = ${now}::timestamptz
      where user_id = ${userId}::uuid and balance >= ${points}::int
      returning user_id, balance
    ), entry as (
      insert into points_ledger (user_id, delta, reason, ref, created_at)
      select user_id, ${-points}::int, 'mall_exchange', ${exchangeId}, ${now}::timestamptz from account
      returning id
    )
    select account.balance from account, entry
  `.execute(executor);
  return rows[0]?.balance ?? null;
}
