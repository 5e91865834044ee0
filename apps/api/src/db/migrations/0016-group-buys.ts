import { type Kysely, sql } from 'kysely';

/**
 * 拼团 group-buy (docs/group-buy.md).
 * - group_buy_activities: one SKU at tiered prices by group size (阶梯折扣, `tiers` jsonb of
 *   size -> fen), a group size 2–5, a window per group of 1–168 hours (the 7-day fission
 *   cycle), a per-user limit, optional 团长免单 and new-user-only; `campaign_id` ties it to the
 *   campaign card that opens it.
 * - group_buy_groups: one group a leader opened; forming until every seat is paid (succeeded,
 *   in the last payment's transaction) or its deadline passes (failed, by the expiry job).
 *   `unit_price_fen` is the price locked when the group opened. `rebated_at` marks the
 *   leader's 团长免单 rebate requested.
 * - group_buy_members: one seat per row; seat 1 is the leader. At most one live (reserved or
 *   paid) row per seat and per shopper in a group, by partial unique indexes: the last seat
 *   cannot be sold twice even if the row lock were forgotten.
 * - refunds.purpose: 'rebate' marks money given back while the goods still ship (团长免单):
 *   such a refund never moves its order to 已退款 nor releases its holdings.
 */
const UP = [
  `create table group_buy_activities (
    id text primary key check (char_length(id) between 1 and 64),
    campaign_id text references campaigns (id),
    product_id text not null references products (id),
    sku_id text not null references skus (id),
    title text not null check (char_length(title) between 1 and 60),
    group_size integer not null check (group_size between 2 and 5),
    tiers jsonb not null,
    leader_free boolean not null default false,
    window_hours integer not null check (window_hours between 1 and 168),
    per_user_limit integer not null default 1 check (per_user_limit >= 1),
    new_user_only boolean not null default false,
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    status text not null default 'active' check (status in ('active', 'disabled')),
    created_at timestamptz not null,
    check (ends_at > starts_at)
  )`,
  'create index group_buy_activities_ends_at_idx on group_buy_activities (ends_at)',
  `create table group_buy_groups (
    id uuid primary key,
    activity_id text not null references group_buy_activities (id),
    leader_user_id uuid not null references users (id),
    status text not null check (status in ('forming', 'succeeded', 'failed')),
    size integer not null check (size between 2 and 5),
    unit_price_fen integer not null check (unit_price_fen >= 0),
    expires_at timestamptz not null,
    created_at timestamptz not null,
    succeeded_at timestamptz,
    failed_at timestamptz,
    rebated_at timestamptz
  )`,
  `create index group_buy_groups_forming_idx on group_buy_groups (activity_id, expires_at)
    where status = 'forming'`,
  `create index group_buy_groups_due_idx on group_buy_groups (expires_at) where status = 'forming'`,
  `create table group_buy_members (
    id uuid primary key,
    group_id uuid not null references group_buy_groups (id),
    activity_id text not null references group_buy_activities (id),
    user_id uuid not null references users (id),
    seat_no integer not null check (seat_no between 1 and 5),
    order_id uuid references orders (id),
    status text not null check (status in ('reserved', 'paid', 'released', 'refunded')),
    created_at timestamptz not null,
    paid_at timestamptz,
    released_at timestamptz,
    refunded_at timestamptz,
    refund_requested_at timestamptz
  )`,
  `create unique index group_buy_members_live_seat_idx on group_buy_members (group_id, seat_no)
    where status in ('reserved', 'paid')`,
  `create unique index group_buy_members_live_user_idx on group_buy_members (group_id, user_id)
    where status in ('reserved', 'paid')`,
  `create index group_buy_members_activity_user_idx on group_buy_members (activity_id, user_id)
    where status in ('reserved', 'paid')`,
  'create index group_buy_members_order_idx on group_buy_members (order_id) where order_id is not null',
  `alter table refunds add column purpose text not null default 'refund'
    check (purpose in ('refund', 'rebate'))`,
];

const DOWN = [
  'alter table refunds drop column purpose',
  'drop table group_buy_members',
  'drop table group_buy_groups',
  'drop table group_buy_activities',
];

// PGlite runs parameterised statements one at a time, so each DDL statement is its own call.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
