import { sql } from 'kysely';
import type { Database } from '../../apps/api/src/db/database';
import { regionByCode } from '../../apps/api/src/modules/addresses/regions';

/** Demo keys of the bench's shoppers; they sign in through POST /api/auth/dev like the H5 demo. */
export const BENCH_SHOPPER_PREFIX = 'bench-shopper-';
/** Points each shopper starts with: enough that no run spends them all (100 per order). */
export const BENCH_POINTS_BALANCE = 10_000_000;
/** Stock of every SKU a bench order takes from: no run of a few seconds can sell it out. */
export const BENCH_ORDER_STOCK = 1_000_000;
/** A coupon every shopper holds: 无门槛 5 元, so it applies to any basket. */
export const BENCH_COUPON_TEMPLATE = 'bench-coupon-500';
/** Shanghai 黄浦区: not a remote province, so shipping is the plain rule. */
const BENCH_REGION_CODE = '310101';
const DAY_MS = 24 * 3600 * 1000;

export interface BenchShopper {
  key: string;
  userId: string;
  addressId: string;
  userCouponId: string;
}

const skuId = (product: number, k: number) => `s${String(product).padStart(6, '0')}-${k}`;

/**
 * Shopper `i`'s order: one each of two SKUs of two neighbouring products, different for
 * consecutive shoppers, so orders in flight at once rarely lock the same SKU row (a flash
 * sale on one SKU would; that queue is its own story, not this figure's).
 */
export function orderBasket(i: number, products: number): Array<{ skuId: string; quantity: number }> {
  return [
    { skuId: skuId(((i * 2) % products) + 1, 1), quantity: 1 },
    { skuId: skuId(((i * 2 + 1) % products) + 1, 2), quantity: 1 },
  ];
}

/** The checkout preview's basket, the same for every shopper: three lines of the first products. */
export function previewBasket(products: number): Array<{ skuId: string; quantity: number }> {
  return [1, 2, 3].map((n) => ({ skuId: skuId(Math.min(n, products), n), quantity: 2 }));
}

/**
 * `count` shoppers, each with a saved default address, a points balance (granted through the
 * ledger, as an operator's grant is) and one available 无门槛 coupon, inserted set-based;
 * then the stock of every SKU in their order baskets raised to BENCH_ORDER_STOCK. Answers
 * the shoppers in order (index i is shopper i + 1).
 */
export async function seedBenchShoppers(
  db: Database,
  options: { count: number; products: number; now: Date },
): Promise<BenchShopper[]> {
  const { count, products, now } = options;
  const region = regionByCode(BENCH_REGION_CODE);
  if (!region) throw new Error(`region ${BENCH_REGION_CODE} is unknown`);
  await db.transaction().execute(async (trx) => {
    await sql`insert into users (nickname, demo_key)
      select '压测用户 ' || i, ${BENCH_SHOPPER_PREFIX} || i from generate_series(1, ${count}::int) i`.execute(trx);
    const shoppers = sql`(select id from users where demo_key like ${`${BENCH_SHOPPER_PREFIX}%`})`;
    await sql`insert into user_addresses
        (user_id, recipient, phone, region_code, province, city, district, detail, is_default, created_at, updated_at)
      select id, '压测', '13800000000', ${region.code}, ${region.province}, ${region.city}, ${region.district},
             '南京东路 1 号', true, ${now}::timestamptz, ${now}::timestamptz
        from ${shoppers} u`.execute(trx);
    await sql`insert into points_accounts (user_id, balance, updated_at)
      select id, ${BENCH_POINTS_BALANCE}::int, ${now}::timestamptz from ${shoppers} u`.execute(trx);
    await sql`insert into points_ledger (user_id, delta, reason, ref, created_at)
      select id, ${BENCH_POINTS_BALANCE}::int, 'grant', 'bench:' || id, ${now}::timestamptz from ${shoppers} u`.execute(
      trx,
    );
    const from = new Date(now.getTime() - DAY_MS);
    const until = new Date(now.getTime() + 30 * DAY_MS);
    await trx
      .insertInto('coupon_templates')
      .values({
        id: BENCH_COUPON_TEMPLATE,
        title: '无门槛 5 元',
        kind: 'no_threshold',
        threshold_fen: 0,
        amount_fen: 500,
        percent_off_bps: 0,
        cap_fen: null,
        new_user_only: false,
        category_ids: null,
        claim_starts_at: from,
        claim_ends_at: until,
        valid_from: from,
        valid_until: until,
        valid_days: null,
        per_user_limit: 1,
        total_stock: count,
        claimed_count: count,
        created_at: now,
      })
      .execute();
    await sql`insert into user_coupons (template_id, user_id, valid_from, valid_until, claimed_at)
      select ${BENCH_COUPON_TEMPLATE}, id, ${from}::timestamptz, ${until}::timestamptz, ${now}::timestamptz
        from ${shoppers} u`.execute(trx);
    const skus = [
      ...new Set(
        Array.from({ length: count }, (_, i) => orderBasket(i + 1, products))
          .flat()
          .map((l) => l.skuId),
      ),
    ];
    await trx.updateTable('skus').set({ stock: BENCH_ORDER_STOCK }).where('id', 'in', skus).execute();
  });
  await sql`analyze`.execute(db);
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('user_addresses as a', 'a.user_id', 'u.id')
    .innerJoin('user_coupons as c', 'c.user_id', 'u.id')
    .select(['u.id as userId', 'u.demo_key as key', 'a.id as addressId', 'c.id as userCouponId'])
    .where('u.demo_key', 'like', `${BENCH_SHOPPER_PREFIX}%`)
    .execute();
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return Array.from({ length: count }, (_, i) => {
    const row = byKey.get(`${BENCH_SHOPPER_PREFIX}${i + 1}`);
    if (!row?.key) throw new Error(`bench shopper ${i + 1} was not seeded`);
    return { key: row.key, userId: row.userId, addressId: row.addressId, userCouponId: row.userCouponId };
  });
}
