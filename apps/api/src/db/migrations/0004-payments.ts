import { type Kysely, sql } from 'kysely';

/**
 * WeChat Pay: one payment per order (out_trade_no = the order's order_no), its refunds, and
 * an append-only ledger of every money event. The ledger's `event_id` is WeChat's
 * notification id (or ours for events we start, e.g. `refund-request:<out_refund_no>`), so a
 * replayed notification cannot be applied twice; a trigger refuses UPDATE and DELETE on it.
 * CHECKs are the last line of defence behind the flows' conditional updates: a refund can
 * never reserve more than was paid. `last_queried_at` spaces out the reconcile job's queries
 * to WeChat Pay for a payment still pending (a lost notification).
 */
const APPEND_ONLY_FUNCTION = `create or replace function wm_payment_events_append_only() returns trigger
  language plpgsql as $$
  begin
    raise exception 'payment_events is append-only';
  end
  $$`;

const UP = [
  `create table payments (
    id uuid primary key default gen_random_uuid(),
    order_id uuid not null unique references orders (id),
    user_id uuid not null references users (id),
    out_trade_no text not null unique,
    appid text not null,
    mchid text not null,
    payer_openid text not null,
    amount_fen integer not null check (amount_fen > 0),
    status text not null default 'pending' check (status in ('pending', 'paid', 'closed')),
    prepay_id text,
    prepay_expires_at timestamptz,
    transaction_id text unique,
    paid_at timestamptz,
    closed_at timestamptz,
    last_queried_at timestamptz,
    refunded_fen integer not null default 0 check (refunded_fen >= 0 and refunded_fen <= amount_fen),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index payments_pending_idx on payments (created_at) where status = 'pending'`,
  `create table refunds (
    id uuid primary key default gen_random_uuid(),
    payment_id uuid not null references payments (id),
    out_refund_no text not null unique,
    amount_fen integer not null check (amount_fen > 0),
    reason text not null,
    status text not null default 'submitting'
      check (status in ('submitting', 'processing', 'succeeded', 'failed')),
    refund_id text unique,
    failure text,
    succeeded_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  'create index refunds_payment_id_idx on refunds (payment_id)',
  `create index refunds_submitting_idx on refunds (updated_at) where status = 'submitting'`,
  `create table payment_events (
    id bigint generated always as identity primary key,
    event_id text not null unique,
    payment_id uuid references payments (id),
    refund_id uuid references refunds (id),
    kind text not null,
    outcome text not null,
    amount_fen integer,
    resource jsonb not null,
    created_at timestamptz not null default now()
  )`,
  'create index payment_events_payment_id_idx on payment_events (payment_id)',
  APPEND_ONLY_FUNCTION,
  `create trigger payment_events_append_only before update or delete on payment_events
     for each row execute function wm_payment_events_append_only()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table if exists payment_events').execute(db);
  await sql.raw('drop function if exists wm_payment_events_append_only()').execute(db);
  await sql.raw('drop table if exists refunds').execute(db);
  await sql.raw('drop table if exists payments').execute(db);
}
