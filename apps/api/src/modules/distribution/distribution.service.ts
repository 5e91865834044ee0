import {
  type BindingRefusal,
  bindingActive,
  type CommissionLine,
  commissionFor,
  commissionState,
  decideBinding,
  type MyCommissions,
  type Promoter,
} from '@wematrix/shared';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { Executor } from '../../db/executor';
import {
  appendAccruals,
  appendReversals,
  findBinding,
  findPromoter,
  insertBinding,
  ledgerOf,
  lockBindings,
  ratesOf,
  rebindExpired,
  uplineOf,
} from './distribution.repository';
import type { PromotersTable } from './distribution.table';
import { balanceOf } from './withdrawal.service';

/**
 * How long a binding attributes a buyer's orders to their promoter (and a promoter's to
 * their inviter, for level 2). A constant for now: docs/distribution.md says what is left.
 */
export const BINDING_WINDOW_DAYS = 30;

export function promoterView(row: {
  user_id: string;
  status: PromotersTable['status'];
  approved_at: Date | null;
}): Promoter {
  return { userId: row.user_id, status: row.status, approvedAt: row.approved_at?.toISOString() ?? null };
}

/**
 * The buyer's paying chain at `at`, nearest first, at most two: each step is an active
 * binding to an approved promoter. Stops at the buyer or a repeat, so even a cycle made by
 * a race can never pay anyone for their own order or pay one person twice.
 */
async function payingChain(executor: Executor, buyerId: string, at: Date): Promise<string[]> {
  const chain: string[] = [];
  let current = buyerId;
  while (chain.length < 2) {
    const binding = await findBinding(executor, current);
    if (!binding || !bindingActive(binding.bound_at, BINDING_WINDOW_DAYS, at)) break;
    const promoter = await findPromoter(executor, binding.promoter_id);
    if (promoter?.status !== 'approved') break;
    if (promoter.user_id === buyerId || chain.includes(promoter.user_id)) break;
    chain.push(promoter.user_id);
    current = promoter.user_id;
  }
  return chain;
}

/**
 * Writes the level-1 / level-2 accruals of an order that just became paid, in the caller's
 * transaction (the one whose conditional markOrderPaid answered 'paid'). Unique per
 * (order, level, kind): a second call writes nothing.
 */
export async function accrueOrderCommissions(executor: Executor, { orderId, at }: { orderId: string; at: Date }) {
  const order = await executor.selectFrom('orders').select('user_id').where('id', '=', orderId).executeTakeFirst();
  if (!order) return;
  const chain = await payingChain(executor, order.user_id, at);
  if (chain.length === 0) return;
  const lines = await executor
    .selectFrom('order_lines')
    .select(['product_id', 'pay_fen'])
    .where('order_id', '=', orderId)
    .execute();
  const rates = await ratesOf(executor, [...new Set(lines.map((l) => l.product_id))]);
  const paidLines: CommissionLine[] = lines.flatMap((l) => {
    const rateBp = rates.get(l.product_id);
    return rateBp === undefined ? [] : [{ payFen: l.pay_fen, rateBp }];
  });
  const shares = commissionFor(paidLines, chain);
  await appendAccruals(
    executor,
    shares.map((s) => ({ orderId, level: s.level, promoterId: s.promoterId, amountFen: s.amountFen })),
    at,
  );
}

/** A fully refunded order: every accrual reversed once, same amounts (see appendReversals). */
export async function reverseOrderCommissions(executor: Executor, input: { orderId: string; at: Date }) {
  await appendReversals(executor, input);
}

const LEDGER_PAGE = 200;

/**
 * A promoter's ledger and totals at `now`. An accrual is pending (frozen) until its order is
 * completed (确认收货) and the after-sale window (`settleDays`) has passed, available after,
 * and reversed once a reverse row exists for it. availableFen is what may be withdrawn: the
 * settled commission minus withdrawals not failed or rejected (withdrawal.service.ts).
 */
export async function myCommissions(
  executor: Executor,
  promoterId: string,
  settlement: { settleDays: number; now: Date },
): Promise<MyCommissions> {
  const [rows, balance] = await Promise.all([
    ledgerOf(executor, promoterId, LEDGER_PAGE),
    balanceOf(executor, { promoterId, ...settlement }),
  ]);
  const reversedKeys = new Set(rows.filter((r) => r.kind === 'reverse').map((r) => `${r.order_id}:${r.level}`));
  return {
    entries: rows.map((r) => ({
      orderId: r.order_id,
      level: r.level,
      kind: r.kind,
      amountFen: r.amount_fen,
      state: commissionState(
        {
          reversed: r.kind === 'reverse' || reversedKeys.has(`${r.order_id}:${r.level}`),
          orderStatus: r.order_status,
          completedAt: r.completed_at,
        },
        settlement.settleDays,
        settlement.now,
      ),
      createdAt: r.created_at.toISOString(),
    })),
    totals: { pendingFen: balance.pendingFen, availableFen: balance.availableFen, reversedFen: balance.reversedFen },
  };
}

/**
 * Binds a signed-in buyer to the promoter of a verified link, by the rules of decideBinding.
 * Decisions are serialised by lockBindings, so the cycle check sees every committed binding;
 * the row per buyer is the backstop: of two concurrent first bindings one inserts, the other
 * reads the winner back (same promoter: fine; another: already bound).
 */
export async function bindBuyer(
  executor: Transaction<DB>,
  input: { buyerId: string; promoterId: string; target: string; linkExpiresAt: number; now: Date },
): Promise<{ promoterId: string; boundAt: Date; created: boolean } | { refused: BindingRefusal }> {
  await lockBindings(executor);
  const [promoter, existing, upline] = await Promise.all([
    findPromoter(executor, input.promoterId),
    findBinding(executor, input.buyerId),
    uplineOf(executor, input.promoterId),
  ]);
  const decision = decideBinding({
    buyerId: input.buyerId,
    promoter: promoter ? { id: promoter.user_id, status: promoter.status } : null,
    existing: existing ? { promoterId: existing.promoter_id, boundAt: existing.bound_at } : null,
    promoterUpline: upline,
    windowDays: BINDING_WINDOW_DAYS,
    now: input.now,
  });
  if (decision.kind === 'refused') return { refused: decision.code };
  if (decision.kind === 'same' && existing) {
    return { promoterId: existing.promoter_id, boundAt: existing.bound_at, created: false };
  }
  const row = {
    buyerId: input.buyerId,
    promoterId: input.promoterId,
    boundAt: input.now,
    sourceTarget: input.target,
    sourceExpiresAt: input.linkExpiresAt,
  };
  const written = existing
    ? await rebindExpired(executor, { ...row, oldBoundAt: existing.bound_at })
    : await insertBinding(executor, row);
  if (written) return { promoterId: input.promoterId, boundAt: input.now, created: true };
  // Lost a race: whoever won is the binding now.
  const winner = await findBinding(executor, input.buyerId);
  if (winner?.promoter_id === input.promoterId) {
    return { promoterId: winner.promoter_id, boundAt: winner.bound_at, created: false };
  }
  return { refused: 'DISTRIBUTION_ALREADY_BOUND' };
}
