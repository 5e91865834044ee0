import { type Kysely, sql } from 'kysely';

/**
 * Product reviews: one per bought line (unique order + SKU; an order holds each SKU once),
 * written after the order completed. Hidden reviews stay (the shopper still sees theirs) but
 * leave the product page and its rating; the partial index holds only visible ones.
 */
const UP = [
  `create table reviews (
    id uuid primary key default gen_random_uuid(),
    order_id uuid not null references orders (id) on delete cascade,
    user_id uuid not null references users (id) on delete cascade,
    product_id text not null,
    sku_id text not null,
    spec_text text not null,
    stars integer not null check (stars between 1 and 5),
    text text not null default '' check (char_length(text) <= 500),
    photos text[] not null default '{}' check (cardinality(photos) <= 9),
    hidden boolean not null default false,
    hidden_reason text check (char_length(hidden_reason) <= 200),
    hidden_at timestamptz,
    created_at timestamptz not null,
    unique (order_id, sku_id),
    check (hidden = (hidden_reason is not null) and hidden = (hidden_at is not null))
  )`,
  'create index reviews_product_visible_idx on reviews (product_id, created_at desc, id desc) where not hidden',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table if exists reviews').execute(db);
}
