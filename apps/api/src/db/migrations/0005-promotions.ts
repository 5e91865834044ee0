import { type Kysely, sql } from 'kysely';

/**
 * Coupons, points and the pricing settings.
 * - coupon_templates: what operators offer. claimed_count <= total_stock is a CHECK, and a
 *   claim is a relative update guarded by it, so stock cannot be oversold.
 * - user_coupons: one row per claimed coupon, its window copied at claim time (changing a
 *   template later never changes a coupon someone holds). 'used' carries the order id; one
 *   coupon per order is a unique index. 'expired' is not stored: an available coupon past
 *   valid_until is expired, so no job has to run for it to be true.
 *   order_id has no foreign key: orders (0003) may be created after this table in a
 *   database that skipped numbers while features landed; the flow writes both together.
 * - points_accounts / points_ledger: the balance lives on the account (CHECK >= 0, changed
 *   only by relative guarded updates); the ledger is append-only and unique per
 *   (reason, ref), so an order's spend or refund is written at most once.
 * - pricing_settings: the shipping rule and the points rule as JSON, one row each.
 */
const UP = [
  `create table coupon_templates (
    id text primary key default gen_random_uuid()::text,
    title text not null check (char_length(title) between 1 and 40),
    kind text not null check (kind in ('threshold_amount', 'percent', 'no_threshold')),
    threshold_fen integer not null default 0 check (threshold_fen >= 0),
    amount_fen integer not null default 0 check (amount_fen >= 0),
    percent_off_bps integer not null default 0 check (percent_off_bps between 0 and 9999),
    cap_fen integer check (cap_fen > 0),
    new_user_only boolean not null default false,
    category_ids text[],
    claim_starts_at timestamptz not null,
    claim_ends_at timestamptz not null,
    valid_from timestamptz,
    valid_until timestamptz,
    valid_days integer check (valid_days > 0),
    per_user_limit integer not null default 1 check (per_user_limit >= 1),
    total_stock integer not null check (total_stock >= 0),
    claimed_count integer not null default 0 check (claimed_count >= 0 and claimed_count <= total_stock),
    created_at timestamptz not null,
    check (claim_starts_at < claim_ends_at),
    check ((valid_until is not null and valid_days is null) or (valid_until is null and valid_days is not null)),
    check (
      (kind = 'percent' and percent_off_bps > 0 and amount_fen = 0)
      or (kind = 'threshold_amount' and amount_fen > 0 and threshold_fen > 0 and percent_off_bps = 0 and cap_fen is null)
      or (kind = 'no_threshold' and amount_fen > 0 and threshold_fen = 0 and percent_off_bps = 0 and cap_fen is null)
    )
  )`,
  `create table user_coupons (
    id uuid primary key default gen_random_uuid(),
    template_id text not null references coupon_templates (id),
    user_id uuid not null references users (id) on delete cascade,
    status text not null default 'available' check (status in ('available', 'used')),
    valid_from timestamptz not null,
    valid_until timestamptz not null,
    order_id uuid,
    used_at timestamptz,
    claimed_at timestamptz not null,
    check (valid_from < valid_until),
    check ((status = 'used') = (order_id is not null and used_at is not null))
  )`,
  'create index user_coupons_user_idx on user_coupons (user_id, status, valid_until)',
  'create index user_coupons_template_user_idx on user_coupons (template_id, user_id)',
  'create unique index user_coupons_one_per_order on user_coupons (order_id) where order_id is not null',
  `create table points_accounts (
    user_id uuid primary key references users (id) on delete cascade,
    balance integer not null default 0 check (balance >= 0),
    updated_at timestamptz not null
  )`,
  `create table points_ledger (
    id bigint generated always as identity primary key,
    user_id uuid not null references users (id) on delete cascade,
    delta integer not null check (delta <> 0),
    reason text not null check (reason in ('order_spend', 'order_refund', 'grant')),
    ref text not null check (char_length(ref) between 1 and 100),
    created_at timestamptz not null,
    unique (reason, ref)
  )`,
  'create index points_ledger_user_idx on points_ledger (user_id, id desc)',
  `create table pricing_settings (
    key text primary key check (key in ('shipping', 'points')),
    value jsonb not null,
    updated_at timestamptz not null
  )`,
  `insert into pricing_settings (key, value, updated_at) values
    ('shipping', '{"freeThresholdFen":9900,"baseFeeFen":800,"remoteSurchargeFen":1200,"remoteProvinces":[{"code":"650000","name":"新疆"},{"code":"540000","name":"西藏"},{"code":"630000","name":"青海"},{"code":"150000","name":"内蒙古"},{"code":"640000","name":"宁夏"},{"code":"620000","name":"甘肃"}]}', now()),
    ('points', '{"fenPerPoint":1,"maxShareBps":5000}', now())`,
];

const DOWN = ['pricing_settings', 'points_ledger', 'points_accounts', 'user_coupons', 'coupon_templates'].map(
  (table) => `drop table ${table}`,
);

// PGlite runs parameterised statements one at a time, so each DDL statement is its own call.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
