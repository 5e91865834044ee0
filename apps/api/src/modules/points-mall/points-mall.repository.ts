import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { Executor } from '../../db/executor';

export interface PointsMallItemRow {
  id: string;
  title: string;
  subtitle: string;
  points_cost: number;
  coupon_template_id: string;
  per_user_limit: number;
  remaining: number;
  exchanged_by_me: number;
}

/**
 * Items on offer now: switched on, and their coupon still grantable (no fixed validity that
 * is already over). Sold-out items stay listed with nothing remaining.
 */
export function listOfferedItems(
  db: Executor,
  { userId, now }: { userId: string; now: Date },
): Promise<PointsMallItemRow[]> {
  return db
    .selectFrom('points_mall_items as i')
    .innerJoin('coupon_templates as t', 't.id', 'i.coupon_template_id')
    .select([
      'i.id',
      'i.title',
      'i.subtitle',
      'i.points_cost',
      'i.coupon_template_id',
      'i.per_user_limit',
      sql<number>`i.total_stock - i.exchanged_count`.as('remaining'),
      sql<number>`(select count(*) from points_mall_exchanges e where e.item_id = i.id and e.user_id = ${userId}::uuid)::int`.as(
        'exchanged_by_me',
      ),
    ])
    .where('i.active', '=', true)
    .where((eb) => eb.or([eb('t.valid_until', 'is', null), eb('t.valid_until', '>', now)]))
    .orderBy('i.sort')
    .orderBy('i.id')
    .execute();
}

export interface ItemForExchange {
  id: string;
  points_cost: number;
  per_user_limit: number;
  coupon_template_id: string;
}

/**
 * Takes one unit of an active item: a relative update guarded by the stock. The row stays
 * locked until the transaction ends, so exchanges of one item queue here and the per-user
 * count read after it sees every earlier exchange (the same order as claimCoupon).
 */
export function takeItemStock(trx: Transaction<DB>, itemId: string): Promise<ItemForExchange | undefined> {
  return trx
    .updateTable('points_mall_items')
    .set({ exchanged_count: sql`exchanged_count + 1` })
    .where('id', '=', itemId)
    .where('active', '=', true)
    .where('exchanged_count', '<', sql<number>`total_stock`)
    .returning(['id', 'points_cost', 'per_user_limit', 'coupon_template_id'])
    .executeTakeFirst();
}

/** The item as it is (why an exchange was refused), or undefined. */
export function findItemState(
  db: Executor,
  itemId: string,
): Promise<{ active: boolean; remaining: number } | undefined> {
  return db
    .selectFrom('points_mall_items')
    .select(['active', sql<number>`total_stock - exchanged_count`.as('remaining')])
    .where('id', '=', itemId)
    .executeTakeFirst();
}

export async function countExchanges(db: Executor, { itemId, userId }: { itemId: string; userId: string }) {
  const row = await db
    .selectFrom('points_mall_exchanges')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('item_id', '=', itemId)
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertExchange(
  db: Executor,
  exchange: { id: string; itemId: string; userId: string; points: number; userCouponId: string; now: Date },
): Promise<void> {
  await db
    .insertInto('points_mall_exchanges')
    .values({
      id: exchange.id,
      item_id: exchange.itemId,
      user_id: exchange.userId,
      points: exchange.points,
      user_coupon_id: exchange.userCouponId,
      created_at: exchange.now,
    })
    .execute();
}
