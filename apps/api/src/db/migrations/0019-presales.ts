import { type Kysely, sql } from 'kysely';

/**
 * 预售 presales (docs/presale.md).
 * - presales: one SKU sold ahead of delivery in a window of at most three days (CHECKed here
 *   too, so no path can save a longer one), a promised ship date, its own stock and a price
 *   ladder (jsonb) stepping up by time or by units sold. `sold` is the units in live bookings:
 *   a relative update guarded by `sold + qty <= stock` (and a CHECK), so it never oversells.
 * - presale_bookings: one order's units and the price it was locked at; `held` while the
 *   order is unpaid, `paid`, or `released` (its units back) when the order was cancelled.
 */
const UP = [
  `create table presales (
    id text primary key check (char_length(id) between 1 and 64),
    campaign_id text references campaigns (id),
    product_id text not null references products (id),
    sku_id text not null references skus (id),
    title text not null check (char_length(title) between 1 and 60),
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    ships_at timestamptz not null,
    stock integer not null check (stock > 0),
    sold integer not null default 0 check (sold >= 0 and sold <= stock),
    per_user_limit integer not null default 1 check (per_user_limit >= 1),
    ladder jsonb not null,
    created_at timestamptz not null,
    check (ends_at > starts_at and ends_at - starts_at <= interval '72 hours'),
    check (ships_at >= ends_at)
  )`,
  'create index presales_ends_at_idx on presales (ends_at)',
  `create table presale_bookings (
    id uuid primary key,
    presale_id text not null references presales (id),
    user_id uuid not null references users (id) on delete cascade,
    quantity integer not null check (quantity > 0),
    unit_price_fen integer not null check (unit_price_fen > 0),
    status text not null check (status in ('held', 'paid', 'released', 'refunded')),
    order_id uuid references orders (id),
    created_at timestamptz not null,
    updated_at timestamptz not null
  )`,
  `create index presale_bookings_user_idx on presale_bookings (presale_id, user_id) where status in ('held', 'paid')`,
];

const DOWN = ['drop table presale_bookings', 'drop table presales'];

// PGlite runs parameterised statements one at a time, so each DDL statement is its own call.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
