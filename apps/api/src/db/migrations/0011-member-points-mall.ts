import { type Kysely, sql } from 'kysely';

/**
 * Member levels and the points mall (积分商城).
 * - orders_user_paid_idx: the member level sums one shopper's paid orders of the last 12
 *   months; a partial index on (user_id, paid_at) over paid orders only, carrying total_fen
 *   and status, answers that sum from the index alone.
 * - points_ledger gains the reason 'mall_exchange' (ref = the exchange id, unique with the
 *   reason like every other entry, so an exchange spends at most once).
 * - points_mall_items: what points buy; each grants a coupon of a template. exchanged_count
 *   <= total_stock is a CHECK and an exchange is a relative update guarded by it.
 * - points_mall_exchanges: one row per exchange (the per-user limit counts these), with the
 *   points it cost and the coupon it granted.
 */
const UP = [
  `create index orders_user_paid_idx on orders (user_id, paid_at) include (total_fen, status)
    where paid_at is not null`,
  'alter table points_ledger drop constraint points_ledger_reason_check',
  `alter table points_ledger add constraint points_ledger_reason_check
    check (reason in ('order_spend', 'order_refund', 'grant', 'mall_exchange'))`,
  `create table points_mall_items (
    id text primary key check (char_length(id) between 1 and 64),
    title text not null check (char_length(title) between 1 and 40),
    subtitle text not null default '' check (char_length(subtitle) <= 80),
    points_cost integer not null check (points_cost > 0),
    coupon_template_id text not null references coupon_templates (id),
    per_user_limit integer not null default 1 check (per_user_limit >= 1),
    total_stock integer not null check (total_stock >= 0),
    exchanged_count integer not null default 0 check (exchanged_count >= 0 and exchanged_count <= total_stock),
    active boolean not null default true,
    sort integer not null default 0,
    created_at timestamptz not null
  )`,
  'create index points_mall_items_active_idx on points_mall_items (sort, id) where active',
  `create table points_mall_exchanges (
    id uuid primary key default gen_random_uuid(),
    item_id text not null references points_mall_items (id),
    user_id uuid not null references users (id) on delete cascade,
    points integer not null check (points > 0),
    user_coupon_id uuid not null unique references user_coupons (id),
    created_at timestamptz not null
  )`,
  'create index points_mall_exchanges_item_user_idx on points_mall_exchanges (item_id, user_id)',
];

const DOWN = [
  'drop table points_mall_exchanges',
  'drop table points_mall_items',
  "delete from points_ledger where reason = 'mall_exchange'",
  'alter table points_ledger drop constraint points_ledger_reason_check',
  `alter table points_ledger add constraint points_ledger_reason_check
    check (reason in ('order_spend', 'order_refund', 'grant'))`,
  'drop index orders_user_paid_idx',
];

// PGlite runs parameterised statements one at a time, so each DDL statement is its own call.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
