import { type Kysely, sql } from 'kysely';

/**
 * Shoppers' uploads and after-sale requests.
 * - uploads: one row per (shopper, stored file). The key is the sha256 of the bytes plus the
 *   real type's extension, so the same photo is one file however often it is sent; the row
 *   says whose it is, so a review or an after-sale can only attach the shopper's own.
 * - after_sales: one per request. At most one open (pending / approved) request per order
 *   (partial unique index, behind the order's own conditional move to after_sale). The order's
 *   state at request time is kept, so a refusal puts the order back exactly there.
 *   `out_refund_no` is set when approved: one refund per request, however often approved.
 */
const UP = [
  `create table uploads (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users (id) on delete cascade,
    key text not null check (key ~ '^[0-9a-f]{64}\\.(jpg|png|webp)$'),
    content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
    bytes integer not null check (bytes > 0 and bytes <= 5242880),
    created_at timestamptz not null,
    unique (user_id, key)
  )`,
  `create table after_sales (
    id uuid primary key default gen_random_uuid(),
    order_id uuid not null references orders (id) on delete cascade,
    order_no text not null,
    user_id uuid not null references users (id) on delete cascade,
    kind text not null check (kind in ('refund_only', 'return_refund')),
    status text not null default 'pending' check (status in ('pending', 'approved', 'refused', 'refunded')),
    reason text not null check (reason in ('no_longer_needed', 'not_received', 'quality_issue',
      'damaged_in_transit', 'wrong_item', 'missing_parts', 'not_as_described', 'other')),
    reason_text text not null default '' check (char_length(reason_text) <= 200),
    photos text[] not null default '{}' check (cardinality(photos) <= 9),
    refund_fen integer not null check (refund_fen > 0),
    order_status_before text not null check (order_status_before in ('paid', 'shipped', 'completed')),
    operator_comment text check (char_length(operator_comment) <= 200),
    out_refund_no text unique,
    created_at timestamptz not null,
    decided_at timestamptz,
    refunded_at timestamptz,
    updated_at timestamptz not null
  )`,
  `create unique index after_sales_one_open_idx on after_sales (order_id) where status in ('pending', 'approved')`,
  'create index after_sales_order_idx on after_sales (order_id, created_at desc)',
  'create index after_sales_list_idx on after_sales (created_at desc, id desc)',
  'create index after_sales_status_idx on after_sales (status, created_at desc, id desc)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table if exists after_sales').execute(db);
  await sql.raw('drop table if exists uploads').execute(db);
}
