import { type Insertable, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { Executor } from '../../db/executor';
import type { ReviewRow, ReviewsTable } from './review.table';

/**
 * Inserts the reviews, skipping any line already reviewed (unique order + SKU, so two
 * concurrent submits of one line store it once). Answers the rows it inserted: fewer than
 * given means a line was reviewed before, and the caller rolls the whole request back.
 */
export function insertReviews(trx: Transaction<DB>, rows: Insertable<ReviewsTable>[]): Promise<ReviewRow[]> {
  return trx
    .insertInto('reviews')
    .values(rows)
    .onConflict((oc) => oc.columns(['order_id', 'sku_id']).doNothing())
    .returningAll()
    .execute();
}

/** The order's reviews (hidden ones too: they are the shopper's own), in the order's SKU order. */
export function listOrderReviews(executor: Executor, orderId: string): Promise<ReviewRow[]> {
  return executor
    .selectFrom('reviews')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('created_at')
    .orderBy('sku_id')
    .execute();
}

export type ProductReviewRow = ReviewRow & { nickname: string };

/**
 * A page of a product's visible reviews, newest first, keyset on (created_at, id) served by
 * reviews_product_visible_idx; each with its author's nickname (masked by the caller).
 */
export function listProductReviews(
  executor: Executor,
  query: { productId: string; before?: { createdAt: Date; id: string }; limit: number },
): Promise<ProductReviewRow[]> {
  let select = executor
    .selectFrom('reviews')
    .innerJoin('users', 'users.id', 'reviews.user_id')
    .selectAll('reviews')
    .select('users.nickname')
    .where('reviews.product_id', '=', query.productId)
    .where('reviews.hidden', '=', false);
  const before = query.before;
  if (before) {
    select = select.where(
      sql<boolean>`(reviews.created_at, reviews.id) < (${before.createdAt}::timestamptz, ${before.id}::uuid)`,
    );
  }
  return select.orderBy('reviews.created_at', 'desc').orderBy('reviews.id', 'desc').limit(query.limit).execute();
}

/** How many visible reviews the product has and the sum of their stars. */
export async function productRatingTotals(
  executor: Executor,
  productId: string,
): Promise<{ count: number; starsTotal: number }> {
  const row = await executor
    .selectFrom('reviews')
    .select([sql<number>`count(*)::int`.as('count'), sql<number>`coalesce(sum(stars), 0)::int`.as('starsTotal')])
    .where('product_id', '=', productId)
    .where('hidden', '=', false)
    .executeTakeFirstOrThrow();
  return { count: row.count, starsTotal: row.starsTotal };
}

export async function productExists(executor: Executor, productId: string): Promise<boolean> {
  const row = await executor.selectFrom('products').select('id').where('id', '=', productId).executeTakeFirst();
  return row !== undefined;
}

export function findReviewById(executor: Executor, id: string): Promise<ReviewRow | undefined> {
  return executor.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Hides a visible review with the operator's reason, once; undefined when hidden already or unknown. */
export function hideReview(
  executor: Executor,
  hide: { id: string; reason: string; now: Date },
): Promise<ReviewRow | undefined> {
  return executor
    .updateTable('reviews')
    .set({ hidden: true, hidden_reason: hide.reason, hidden_at: hide.now })
    .where('id', '=', hide.id)
    .where('hidden', '=', false)
    .returningAll()
    .executeTakeFirst();
}
