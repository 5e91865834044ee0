import { type Kysely, sql } from 'kysely';

/**
 * Orders, their lines, and idempotency keys.
 * - orders: one row per order; money in integer fen with the total's arithmetic as a CHECK.
 *   Each deadline is a column (pay_deadline_at while 待付款, auto_confirm_at once shipped)
 *   with a partial index holding only the rows that can still be due, so the job's sweep
 *   reads a few index entries, not the table. Every status change is a conditional update.
 * - order_lines: a snapshot of what was bought (title, spec text, image, price) and each
 *   line's share of the coupon and points discounts, so a later catalog edit never changes a
 *   past order and refunding a line knows what it paid. No foreign key to skus: a SKU removed
 *   from the catalog must not take order history with it.
 * - idempotency_keys: the first result of a (user, scope, key); written in the same
 *   transaction as the order, so a key exists exactly when its order does.
 */
const UP = [
  `create table orders (
    id uuid primary key default gen_random_uuid(),
    order_no text not null unique check (order_no ~ '^[0-9A-Za-z_-]{6,32}$'),
    user_id uuid not null references users (id) on delete cascade,
    status text not null check (status in
      ('pending_payment', 'paid', 'shipped', 'completed', 'cancelled', 'after_sale', 'refunded')),
    source text not null check (source in ('cart', 'buy_now')),
    subtotal_fen integer not null check (subtotal_fen >= 0),
    shipping_fee_fen integer not null check (shipping_fee_fen >= 0),
    coupon_discount_fen integer not null check (coupon_discount_fen >= 0),
    points_used integer not null check (points_used >= 0),
    points_discount_fen integer not null check (points_discount_fen >= 0),
    total_fen integer not null check (total_fen >= 0),
    user_coupon_id uuid,
    address jsonb not null,
    shipping_company text,
    tracking_no text,
    pay_deadline_at timestamptz not null,
    paid_at timestamptz,
    shipped_at timestamptz,
    auto_confirm_at timestamptz,
    completed_at timestamptz,
    cancelled_at timestamptz,
    cancel_reason text check (cancel_reason in ('shopper', 'pay_timeout')),
    refunded_at timestamptz,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    check (total_fen = subtotal_fen - coupon_discount_fen - points_discount_fen + shipping_fee_fen),
    check (status <> 'cancelled' or cancelled_at is not null),
    check (status <> 'shipped' or shipped_at is not null),
    check ((shipped_at is null) = (auto_confirm_at is null))
  )`,
  'create index orders_user_created_idx on orders (user_id, created_at desc, id desc)',
  'create index orders_user_status_created_idx on orders (user_id, status, created_at desc, id desc)',
  `create index orders_pay_due_idx on orders (pay_deadline_at) where status = 'pending_payment'`,
  `create index orders_confirm_due_idx on orders (auto_confirm_at) where status = 'shipped'`,
  `create table order_lines (
    order_id uuid not null references orders (id) on delete cascade,
    line_no integer not null check (line_no >= 1),
    sku_id text not null,
    product_id text not null,
    title text not null,
    spec_text text not null,
    image text,
    unit_price_fen integer not null check (unit_price_fen >= 0),
    quantity integer not null check (quantity >= 1),
    subtotal_fen integer not null,
    coupon_share_fen integer not null check (coupon_share_fen >= 0),
    points_share_fen integer not null check (points_share_fen >= 0),
    pay_fen integer not null check (pay_fen >= 0),
    primary key (order_id, line_no),
    check (subtotal_fen = unit_price_fen * quantity),
    check (pay_fen = subtotal_fen - coupon_share_fen - points_share_fen)
  )`,
  `create table idempotency_keys (
    user_id uuid not null references users (id) on delete cascade,
    scope text not null,
    key text not null check (key ~ '^[A-Za-z0-9_.:-]{8,64}$'),
    request_hash text not null,
    resource_id text not null,
    created_at timestamptz not null,
    primary key (user_id, scope, key)
  )`,
  'create index idempotency_keys_created_idx on idempotency_keys (created_at)',
];

const DOWN = ['drop table idempotency_keys', 'drop table order_lines', 'drop table orders'];

// PGlite runs parameterised statements one at a time, so each DDL statement is its own call.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
