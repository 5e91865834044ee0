import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { Executor } from '../../db/executor';

/** The default rate's key in distribution_rates. */
export const DEFAULT_RATE_KEY = '*';

export function findPromoter(executor: Executor, userId: string) {
  return executor.selectFrom('promoters').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** A pending application, once per user; an existing row (pending or approved) is kept. */
export async function applyAsPromoter(executor: Executor, { userId, now }: { userId: string; now: Date }) {
  await executor
    .insertInto('promoters')
    .values({ user_id: userId, status: 'pending', applied_at: now, approved_at: null })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  return executor.selectFrom('promoters').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();
}

/** pending -> approved, conditional: approving twice keeps the first approved_at. */
export async function approvePromoter(executor: Executor, { userId, now }: { userId: string; now: Date }) {
  await executor
    .updateTable('promoters')
    .set({ status: 'approved', approved_at: now })
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .execute();
  return findPromoter(executor, userId);
}

/**
 * Serialises every binding decision for the rest of the transaction (a transaction-level
 * advisory lock, released at commit). The cycle check reads the promoter's upline: without
 * this, X binding to Y and Y binding to X at the same instant could both find no cycle.
 * Bindings are rare (a buyer opens a link once), so one lock for all costs little.
 */
export async function lockBindings(trx: Transaction<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('wematrix:promoter_bindings'))`.execute(trx);
}

export function findBinding(executor: Executor, buyerId: string) {
  return executor.selectFrom('promoter_bindings').selectAll().where('buyer_id', '=', buyerId).executeTakeFirst();
}

/** How far uplineOf follows bindings; deeper than any cycle check or commission needs. */
const UPLINE_DEPTH = 32;

/** Who brought `userId`, who brought them, ... nearest first (bindings of any age). */
export async function uplineOf(executor: Executor, userId: string): Promise<string[]> {
  const upline: string[] = [];
  let current = userId;
  for (let depth = 0; depth < UPLINE_DEPTH; depth += 1) {
    const binding = await findBinding(executor, current);
    if (!binding || upline.includes(binding.promoter_id)) break;
    upline.push(binding.promoter_id);
    current = binding.promoter_id;
  }
  return upline;
}

interface NewBinding {
  buyerId: string;
  promoterId: string;
  boundAt: Date;
  sourceTarget: string;
  sourceExpiresAt: number;
}

/** The buyer's first binding; false when another request bound them first (one row per buyer). */
export async function insertBinding(executor: Executor, input: NewBinding): Promise<boolean> {
  const rows = await executor
    .insertInto('promoter_bindings')
    .values({
      buyer_id: input.buyerId,
      promoter_id: input.promoterId,
      bound_at: input.boundAt,
      source_target: input.sourceTarget,
      source_expires_at: input.sourceExpiresAt,
    })
    .onConflict((oc) => oc.column('buyer_id').doNothing())
    .returning('buyer_id')
    .execute();
  return rows.length === 1;
}

/** Re-binds after the window, guarded by the old bound_at: of two racing re-binds one applies. */
export async function rebindExpired(executor: Executor, input: NewBinding & { oldBoundAt: Date }): Promise<boolean> {
  const rows = await executor
    .updateTable('promoter_bindings')
    .set({
      promoter_id: input.promoterId,
      bound_at: input.boundAt,
      source_target: input.sourceTarget,
      source_expires_at: input.sourceExpiresAt,
    })
    .where('buyer_id', '=', input.buyerId)
    .where('bound_at', '=', input.oldBoundAt)
    .returning('buyer_id')
    .execute();
  return rows.length === 1;
}

/** Sets a product's rate, or the default (productId null); the CHECK keeps it in 800–1500. */
export async function setRate(executor: Executor, input: { productId: string | null; rateBp: number; now: Date }) {
  await executor
    .insertInto('distribution_rates')
    .values({ product_id: input.productId ?? DEFAULT_RATE_KEY, rate_bp: input.rateBp, updated_at: input.now })
    .onConflict((oc) => oc.column('product_id').doUpdateSet({ rate_bp: input.rateBp, updated_at: input.now }))
    .execute();
}

/** Rates of these products (theirs or the default); no default row: no commission at all. */
export async function ratesOf(executor: Executor, productIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await executor
    .selectFrom('distribution_rates')
    .select(['product_id', 'rate_bp'])
    .where('product_id', 'in', [DEFAULT_RATE_KEY, ...productIds])
    .execute();
  const byId = new Map(rows.map((r) => [r.product_id, r.rate_bp]));
  const fallback = byId.get(DEFAULT_RATE_KEY);
  const rates = new Map<string, number>();
  for (const id of productIds) {
    const rate = byId.get(id) ?? fallback;
    if (rate !== undefined) rates.set(id, rate);
  }
  return rates;
}

export async function appendAccruals(
  executor: Executor,
  rows: readonly { orderId: string; level: 1 | 2; promoterId: string; amountFen: number }[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await executor
    .insertInto('commission_ledger')
    .values(
      rows.map((r) => ({
        order_id: r.orderId,
        level: r.level,
        promoter_id: r.promoterId,
        amount_fen: r.amountFen,
        kind: 'accrue' as const,
        created_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(['order_id', 'level', 'kind']).doNothing())
    .execute();
}

/** One 'reverse' row per accrued level of the order, same amount; a second call adds nothing. */
export async function appendReversals(executor: Executor, { orderId, at }: { orderId: string; at: Date }) {
  await executor
    .insertInto('commission_ledger')
    .columns(['order_id', 'level', 'promoter_id', 'amount_fen', 'kind', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('commission_ledger')
        .select((s) => [
          'order_id',
          'level',
          'promoter_id',
          'amount_fen',
          s.val('reverse').as('kind'),
          s.val(at).as('created_at'),
        ])
        .where('order_id', '=', orderId)
        .where('kind', '=', 'accrue'),
    )
    .onConflict((oc) => oc.columns(['order_id', 'level', 'kind']).doNothing())
    .execute();
}

/** A promoter's ledger, newest first, with each order's status and completion (decide pending/available). */
export function ledgerOf(executor: Executor, promoterId: string, limit: number) {
  return executor
    .selectFrom('commission_ledger as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .select([
      'l.order_id',
      'l.level',
      'l.kind',
      'l.amount_fen',
      'l.created_at',
      'o.status as order_status',
      'o.completed_at',
    ])
    .where('l.promoter_id', '=', promoterId)
    .orderBy('l.id', 'desc')
    .limit(limit)
    .execute();
}
