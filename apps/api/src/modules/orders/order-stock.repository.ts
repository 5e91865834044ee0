import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { Executor } from '../../db/executor';

/*
 * Every stock change of an order touches its SKUs in id order as PostgreSQL sorts them
 * (`order by id`: placing, cancelling, the deadline job), so two transactions holding some of
 * the same SKUs always wait for each other in the same direction and never deadlock.
 */

/**
 * Locks the SKU rows an order is about to take stock from, before their prices are read, so
 * the price charged is the price at the moment the stock is taken (a concurrent price change
 * waits for this transaction). FOR NO KEY UPDATE is the lock the stock UPDATE takes anyway;
 * unlike FOR UPDATE it does not block carts that reference the SKU by foreign key. Answers the
 * ids it locked, in lock order; an unknown id is simply missing.
 */
export async function lockSkusForOrder(trx: Transaction<DB>, skuIds: readonly string[]): Promise<string[]> {
  if (skuIds.length === 0) return [];
  // PostgreSQL locks the rows after sorting them, so in this order.
  const rows = await trx
    .selectFrom('skus')
    .select('id')
    .where('id', 'in', [...skuIds])
    .orderBy('id')
    .forNoKeyUpdate()
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Takes each quantity from its SKU with a guarded relative update
 * (`stock = stock - q where stock >= q`), in the order given: pass them in the order
 * lockSkusForOrder answered (SKU id order), after it. Stops at the first SKU that has
 * too little and names it, with what is left; the caller throws, and its transaction rolls
 * back the SKUs already taken.
 */
export async function reserveStock(
  trx: Transaction<DB>,
  lines: ReadonlyArray<{ skuId: string; quantity: number }>,
): Promise<{ ok: true } | { ok: false; skuId: string; available: number; quantity: number }> {
  for (const line of lines) {
    const taken = await trx
      .updateTable('skus')
      .set({ stock: sql`stock - ${line.quantity}::int` })
      .where('id', '=', line.skuId)
      .where('stock', '>=', line.quantity)
      .returning('id')
      .executeTakeFirst();
    if (!taken) {
      const row = await trx.selectFrom('skus').select('stock').where('id', '=', line.skuId).executeTakeFirst();
      return { ok: false, skuId: line.skuId, available: row?.stock ?? 0, quantity: line.quantity };
    }
  }
  return { ok: true };
}

/** Puts an order's quantities back on its SKUs (relative updates, in SKU id order). */
export async function restoreOrderStock(executor: Executor, orderId: string): Promise<void> {
  const lines = await executor
    .selectFrom('order_lines')
    .select(['sku_id', sql<number>`sum(quantity)::int`.as('quantity')])
    .where('order_id', '=', orderId)
    .groupBy('sku_id')
    .orderBy('sku_id')
    .execute();
  for (const line of lines) {
    await executor
      .updateTable('skus')
      .set({ stock: sql`stock + ${line.quantity}::int` })
      .where('id', '=', line.sku_id)
      .execute();
  }
}
