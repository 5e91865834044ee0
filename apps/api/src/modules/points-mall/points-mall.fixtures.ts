import type { Insertable } from 'kysely';
import type { Database } from '../../db/database';
import { bearer, type TestApp } from '../../test/test-app';
import type { PointsMallItemsTable } from './points-mall.table';

let itemCounter = 0;

/** A points-mall item for `couponTemplateId`, on offer; override what a test needs. */
export async function createItem(
  t: TestApp,
  couponTemplateId: string,
  overrides: Partial<Insertable<PointsMallItemsTable>> = {},
): Promise<string> {
  itemCounter += 1;
  const row = await t.db
    .insertInto('points_mall_items')
    .values({
      id: `item-${process.pid}-${itemCounter}`,
      title: '满199减30 优惠券',
      points_cost: 300,
      coupon_template_id: couponTemplateId,
      per_user_limit: 1,
      total_stock: 100,
      created_at: t.time.clock(),
      ...overrides,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

let keyCounter = 0;
/** POST .../exchange with an Idempotency-Key (a fresh one unless given; null: none). */
export function exchange(t: TestApp, token: string, itemId: string, key?: string | null) {
  keyCounter += 1;
  const idempotencyKey = key === undefined ? `exchange-${process.pid}-${keyCounter}-${Date.now()}` : key;
  return t.app.inject({
    method: 'POST',
    url: `/api/points-mall/items/${itemId}/exchange`,
    headers: { ...bearer(token), ...(idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey }) },
  });
}

/** What an item, its exchanges and the shopper's side look like in the database. */
export async function mallState(db: Database, { itemId, userId }: { itemId: string; userId: string }) {
  const [item, exchanges, ledger, account, coupons] = await Promise.all([
    db.selectFrom('points_mall_items').select('exchanged_count').where('id', '=', itemId).executeTakeFirstOrThrow(),
    db
      .selectFrom('points_mall_exchanges')
      .select('id')
      .where('item_id', '=', itemId)
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('points_ledger')
      .select(['delta', 'ref'])
      .where('user_id', '=', userId)
      .where('reason', '=', 'mall_exchange')
      .execute(),
    db.selectFrom('points_accounts').select('balance').where('user_id', '=', userId).executeTakeFirst(),
    db.selectFrom('user_coupons').select('id').where('user_id', '=', userId).execute(),
  ]);
  return {
    exchangedCount: item.exchanged_count,
    exchanges: exchanges.length,
    ledgerEntries: ledger.length,
    balance: account?.balance ?? 0,
    coupons: coupons.length,
  };
}
