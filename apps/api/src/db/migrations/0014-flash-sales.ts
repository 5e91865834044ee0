import { type Kysely, sql } from 'kysely';

/**
 * 秒杀 flash sales (docs/flash-sale.md).
 * - flash_sale_slots: one time slot of one SKU at a flash price, with its stock and per-user
 *   limit. `taken` is what the PostgreSQL stock gate has handed out: a relative update
 *   guarded by `taken + qty <= stock` (also a CHECK), so the row can never oversell.
 *   With the Redis gate the count lives in Redis and `taken` stays 0; the claims below are
 *   the truth both gates reconcile against.
 * - flash_sale_claims: units held for one shopper until `hold_until` (the order flow turns a
 *   held claim into an order, then paid); released claims gave their units back. At most one
 *   live (held or paid) claim per shopper and slot, by a partial unique index.
 */
const UP = [
  `create table flash_sale_slots (
    id text primary key check (char_length(id) between 1 and 64),
    campaign_id text references campaigns (id),
    product_id text not null references products (id),
    sku_id text not null references skus (id),
    title text not null check (char_length(title) between 1 and 60),
    price_fen integer not null check (price_fen >= 0),
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    stock integer not null check (stock >= 0),
    taken integer not null default 0 check (taken >= 0 and taken <= stock),
    per_user_limit integer not null default 1 check (per_user_limit >= 1),
    hold_minutes integer not null default 15 check (hold_minutes between 1 and 120),
    created_at timestamptz not null,
    check (ends_at > starts_at)
  )`,
  'create index flash_sale_slots_ends_at_idx on flash_sale_slots (ends_at)',
  `create table flash_sale_claims (
    id uuid primary key,
    slot_id text not null references flash_sale_slots (id),
    user_id uuid not null references users (id) on delete cascade,
    quantity integer not null check (quantity > 0),
    status text not null check (status in ('held', 'paid', 'released')),
    hold_until timestamptz not null,
    created_at timestamptz not null,
    released_at timestamptz
  )`,
  `create unique index flash_sale_claims_live_idx on flash_sale_claims (slot_id, user_id)
    where status <> 'released'`,
  `create index flash_sale_claims_held_due_idx on flash_sale_claims (hold_until) where status = 'held'`,
];

const DOWN = ['drop table flash_sale_claims', 'drop table flash_sale_slots'];

// PGlite runs parameterised statements one at a time, so each DDL statement is its own call.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
