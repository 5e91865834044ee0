import { type Kysely, sql } from 'kysely';

/**
 * Catalog reads that cost what the page costs, not what the catalog costs (issue 8).
 *
 * - The product keeps its from-price (the cheapest SKU, ties by SKU sort then id) and that
 *   SKU's reference price, so list pages sort and filter on products alone instead of
 *   aggregating every SKU. A trigger keeps them current in the same transaction as any SKU
 *   insert, delete or price change, whoever writes (seed, future console, bulk import).
 * - One index per sort, plain and within a category, each ending in id: keyset pages walk
 *   an index and stop after a page. Descending sorts break ties by id descending so that a
 *   row comparison `(key, id) < (…)` is the whole cursor condition.
 */
const REFRESH_FUNCTION = `create or replace function wm_refresh_product_from_price(target text) returns void
  language sql as $$
    update products p
       set from_price_fen = coalesce(c.price_fen, 0),
           from_original_price_fen = c.original_price_fen
      from (select null) dummy
      left join lateral (
        select s.price_fen, s.original_price_fen from skus s
         where s.product_id = target
         order by s.price_fen, s.sort, s.id
         limit 1
      ) c on true
     where p.id = target
  $$`;

const TRIGGER_FUNCTION = `create or replace function wm_skus_from_price_trigger() returns trigger
  language plpgsql as $$
  begin
    if tg_op in ('UPDATE', 'DELETE') then
      perform wm_refresh_product_from_price(old.product_id);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.product_id is distinct from old.product_id) then
      perform wm_refresh_product_from_price(new.product_id);
    end if;
    return null;
  end
  $$`;

const UP = [
  'alter table products add column from_price_fen integer not null default 0 check (from_price_fen >= 0)',
  'alter table products add column from_original_price_fen integer check (from_original_price_fen >= 0)',
  // Backfill in one set-based statement rather than through the trigger, row by row.
  `update products p
      set from_price_fen = c.price_fen, from_original_price_fen = c.original_price_fen
     from (select distinct on (product_id) product_id, price_fen, original_price_fen
             from skus order by product_id, price_fen, sort, id) c
    where c.product_id = p.id`,
  REFRESH_FUNCTION,
  TRIGGER_FUNCTION,
  // Stock changes (cart, orders) do not name these columns, so they never fire it.
  `create trigger skus_from_price after insert or delete or update of price_fen, original_price_fen, sort, product_id
     on skus for each row execute function wm_skus_from_price_trigger()`,
  'create index products_sort_idx on products (sort, id)',
  'create index products_sales_idx on products (sales desc, id desc)',
  'create index products_price_idx on products (from_price_fen, id)',
  'create index products_created_idx on products (created_at desc, id desc)',
  'create index products_category_sort_idx on products (category_id, sort, id)',
  'create index products_category_sales_idx on products (category_id, sales desc, id desc)',
  'create index products_category_price_idx on products (category_id, from_price_fen, id)',
  'create index products_category_created_idx on products (category_id, created_at desc, id desc)',
  // Covered by the (category_id, …) indexes above.
  'drop index products_category_id_idx',
];

const DOWN = [
  'create index products_category_id_idx on products (category_id)',
  ...['sort', 'sales', 'price', 'created'].flatMap((key) => [
    `drop index products_${key}_idx`,
    `drop index products_category_${key}_idx`,
  ]),
  'drop trigger skus_from_price on skus',
  'drop function wm_skus_from_price_trigger()',
  'drop function wm_refresh_product_from_price(text)',
  'alter table products drop column from_original_price_fen',
  'alter table products drop column from_price_fen',
];

// PGlite runs parameterised statements one at a time, so each DDL statement is its own call.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
