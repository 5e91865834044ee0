import { sql } from 'kysely';
import type { Executor } from '../../db/executor';

/**
 * What the shopper paid since `since` and still has: orders paid at or after it, not
 * cancelled (a payment that arrived after cancelling is refunded) and not refunded. One
 * statement over orders_user_paid_idx (user_id, paid_at) including total_fen and status.
 */
export async function paidSpendSince(
  db: Executor,
  { userId, since }: { userId: string; since: Date },
): Promise<number> {
  const row = await db
    .selectFrom('orders')
    .select(sql<string>`coalesce(sum(total_fen), 0)::text`.as('spend_fen'))
    .where('user_id', '=', userId)
    .where('paid_at', '>=', since)
    .where('status', 'not in', ['cancelled', 'refunded'])
    .executeTakeFirstOrThrow();
  return Number(row.spend_fen);
}
