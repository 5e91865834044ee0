import { type Kysely, sql } from 'kysely';

/**
 * 抽奖 lotteries (docs/lottery.md).
 * - lotteries: one prize pool with its window and the draws each shopper gets per Beijing day
 *   (`daily_draws`), plus at most `max_extra_draws_per_day` earned through friends.
 * - lottery_prizes: probability in parts per million (the pool's sum <= 1,000,000 is checked
 *   on save, the rest is 谢谢参与), `stock` and `awarded`; `awarded` only moves by the draw's
 *   guarded update `awarded + 1 ... where awarded < stock` (also a CHECK), so a prize can never
 *   be awarded past its stock. `value_fen` is what the prize is worth, capped at ¥50,000
 *   (《反不正当竞争法》 art. 10). Each kind names its target: coupon template, points or SKU.
 * - lottery_user_days: one row per shopper, lottery and Beijing day counting the draws made.
 *   A draw locks it (SELECT … FOR UPDATE), so one shopper's draws queue and the daily limit
 *   is exact under concurrent presses.
 * - lottery_draws: every draw, a miss included (prize_id null). status: miss | issued (coupon or
 *   points given at once) | unclaimed (a product waiting for the shopper's address) | claimed
 *   (its 0-fen order placed, order_id set).
 * - lottery_extra_draws: an extra draw earned on a Beijing day because a friend signed up or
 *   ordered; unique per (lottery, reason, source), so one friend's action counts once.
 */
const UP = [
  `create table lotteries (
    id text primary key check (char_length(id) between 1 and 64),
    campaign_id text references campaigns (id),
    title text not null check (char_length(title) between 1 and 60),
    daily_draws integer not null check (daily_draws between 1 and 20),
    max_extra_draws_per_day integer not null default 5 check (max_extra_draws_per_day between 0 and 50),
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    created_at timestamptz not null,
    check (ends_at > starts_at)
  )`,
  `create table lottery_prizes (
    id text primary key check (char_length(id) between 1 and 64),
    lottery_id text not null references lotteries (id),
    position integer not null check (position >= 0),
    kind text not null check (kind in ('coupon', 'points', 'product')),
    title text not null check (char_length(title) between 1 and 40),
    image text,
    probability_ppm integer not null check (probability_ppm between 0 and 1000000),
    stock integer not null check (stock >= 0),
    awarded integer not null default 0 check (awarded >= 0),
    value_fen integer not null check (value_fen between 0 and 5000000),
    coupon_template_id text references coupon_templates (id),
    points integer check (points > 0),
    sku_id text references skus (id),
    created_at timestamptz not null,
    check (awarded <= stock),
    check ((kind = 'coupon') = (coupon_template_id is not null)),
    check ((kind = 'points') = (points is not null)),
    check ((kind = 'product') = (sku_id is not null)),
    unique (lottery_id, position)
  )`,
  `create table lottery_user_days (
    lottery_id text not null references lotteries (id),
    user_id uuid not null references users (id) on delete cascade,
    day date not null,
    drawn integer not null default 0 check (drawn >= 0),
    primary key (lottery_id, user_id, day)
  )`,
  `create table lottery_draws (
    id uuid primary key,
    lottery_id text not null references lotteries (id),
    user_id uuid not null references users (id) on delete cascade,
    day date not null,
    prize_id text references lottery_prizes (id),
    status text not null check (status in ('miss', 'issued', 'unclaimed', 'claimed')),
    user_coupon_id uuid references user_coupons (id),
    order_id uuid references orders (id),
    created_at timestamptz not null,
    check ((prize_id is null) = (status = 'miss')),
    check ((order_id is not null) = (status = 'claimed'))
  )`,
  'create index lottery_draws_user_idx on lottery_draws (lottery_id, user_id, created_at desc)',
  `create table lottery_extra_draws (
    id uuid primary key,
    lottery_id text not null references lotteries (id),
    user_id uuid not null references users (id) on delete cascade,
    day date not null,
    reason text not null check (reason in ('friend_signup', 'friend_order')),
    source_id text not null check (char_length(source_id) between 1 and 64),
    created_at timestamptz not null,
    unique (lottery_id, reason, source_id)
  )`,
  'create index lottery_extra_draws_user_day_idx on lottery_extra_draws (lottery_id, user_id, day)',
];

const DOWN = [
  'drop table lottery_extra_draws',
  'drop table lottery_draws',
  'drop table lottery_user_days',
  'drop table lottery_prizes',
  'drop table lotteries',
];

// PGlite runs parameterised statements one at a time, so each DDL statement is its own call.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
