import { sql } from 'kysely';
import type { Database } from '../../apps/api/src/db/database';

/** Words in titles, one per product in turn: a search for one finds 1/8 of the catalog. */
export const BENCH_WORDS = ['精华', '面霜', '口红', '香水', '球鞋', '衬衫', '手袋', '洁面'] as const;
export const BENCH_CATEGORIES = 8;

/**
 * `products` products with three SKUs each, in eight categories, inserted set-based with
 * generate_series (50,000 products take seconds, not minutes). The SKU trigger is off for
 * the bulk insert and the from-prices are then set in one statement, as migration 0002's
 * backfill does: same result as the trigger row by row, a hundred times faster.
 */
export async function seedBenchCatalog(db: Database, products: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`insert into categories (id, name, icon, sort)
      select 'c' || i, '分类 ' || i, null, i from generate_series(1, ${BENCH_CATEGORIES}) i`.execute(trx);
    await sql`insert into products (id, category_id, title, subtitle, description, tags, images, sales, sort, created_at)
      select 'p' || lpad(i::text, 6, '0'),
             'c' || (i % ${BENCH_CATEGORIES} + 1),
             '商品 ' || i || ' ' || (string_to_array(${BENCH_WORDS.join(',')}, ','))[i % ${BENCH_WORDS.length} + 1],
             '副标题 ' || i,
             '说明',
             array['标签' || (i % 5)],
             array['products/p-skincare-01.jpg'],
             (i * 7919) % 10000,
             i,
             now() - make_interval(mins => (i * 37) % 100000)
        from generate_series(1, ${products}) i`.execute(trx);
    await sql`alter table skus disable trigger skus_from_price`.execute(trx);
    await sql`insert into skus (id, product_id, spec_values, price_fen, original_price_fen, stock, sort)
      select 's' || lpad(i::text, 6, '0') || '-' || k,
             'p' || lpad(i::text, 6, '0'),
             array['规格' || k],
             1000 + ((i * 131 + k * 977) % 50000),
             case when k = 1 then 60000 else null end,
             100,
             k
        from generate_series(1, ${products}) i, generate_series(1, 3) k`.execute(trx);
    await sql`alter table skus enable trigger skus_from_price`.execute(trx);
    await sql`update products p
         set from_price_fen = c.price_fen, from_original_price_fen = c.original_price_fen
        from (select distinct on (product_id) product_id, price_fen, original_price_fen
                from skus order by product_id, price_fen, sort, id) c
       where c.product_id = p.id`.execute(trx);
  });
  await sql`analyze`.execute(db);
}
