import { type Kysely, sql } from 'kysely';

/**
 * 砍价 bargains (docs/bargain.md).
 * - bargain_activities: one SKU bargained down from its price to `floor_price_fen` (may be 0)
 *   by `helps_target` friends within `window_hours` of the start; optional helper reward coupon.
 * - bargains: one owner's bargain. `current_price_fen` only moves down by a help, under the
 *   row lock, and never below the floor (CHECK, with the floor copied onto the row so the
 *   database can check it). At most one live bargain (open / floor_reached / ordered) per
 *   owner and activity, by a partial unique index.
 * - bargain_helps: one row per friend and bargain (unique): the ledger the price is derived
 *   from (start − sum of cuts = current, tested).
 */
const UP = [
  `create table bargain_activities (
    id text primary key check (char_length(id) between 1 and 64),
    campaign_id text references campaigns (id),
    title text not null check (char_length(title) between 1 and 60),
    product_id text not null references products (id),
    sku_id text not null references skus (id),
    floor_price_fen integer not null check (floor_price_fen >= 0),
    window_hours integer not null check (window_hours between 8 and 12),
    helps_target integer not null check (helps_target between 1 and 100),
    per_user_limit integer not null default 1 check (per_user_limit between 1 and 10),
    helper_reward_coupon_template_id text references coupon_templates (id),
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    created_at timestamptz not null,
    check (ends_at > starts_at)
  )`,
  'create index bargain_activities_ends_at_idx on bargain_activities (ends_at)',
  `create table bargains (
    id uuid primary key,
    activity_id text not null references bargain_activities (id),
    owner_user_id uuid not null references users (id) on delete cascade,
    start_price_fen integer not null,
    floor_price_fen integer not null check (floor_price_fen >= 0),
    current_price_fen integer not null,
    helps_done integer not null default 0 check (helps_done >= 0),
    helps_target integer not null check (helps_target between 1 and 100),
    expires_at timestamptz not null,
    status text not null check (status in ('open', 'floor_reached', 'ordered', 'bought', 'refunded', 'expired')),
    order_id uuid references orders (id),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    check (current_price_fen >= floor_price_fen and current_price_fen <= start_price_fen),
    check (helps_done <= helps_target),
    check ((status in ('ordered', 'bought', 'refunded')) = (order_id is not null))
  )`,
  `create unique index bargains_live_owner_idx on bargains (activity_id, owner_user_id)
    where status in ('open', 'floor_reached', 'ordered')`,
  `create index bargains_open_due_idx on bargains (expires_at) where status in ('open', 'floor_reached')`,
  `create table bargain_helps (
    bargain_id uuid not null references bargains (id) on delete cascade,
    helper_user_id uuid not null references users (id) on delete cascade,
    cut_fen integer not null check (cut_fen >= 1),
    is_new_user boolean not null,
    reward_user_coupon_id uuid references user_coupons (id),
    created_at timestamptz not null,
    primary key (bargain_id, helper_user_id)
  )`,
];

const DOWN = ['drop table bargain_helps', 'drop table bargains', 'drop table bargain_activities'];

// PGlite runs parameterised statements one at a time, so each DDL statement is its own call.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
