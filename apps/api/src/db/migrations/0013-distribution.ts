import { type Kysely, sql } from 'kysely';

/**
 * 分销 distribution (docs/distribution.md).
 * - promoters: one row per user who applied; approved by an operator (conditional update).
 * - promoter_bindings: one row per buyer (primary key), so concurrent bindings of one buyer
 *   give one row (insert ... on conflict do nothing); re-bound after the window only by an
 *   update guarded by the old bound_at.
 * - distribution_rates: the default rate (product_id '*') and per-product rates, each CHECKed
 *   inside 8%–15% (800–1500 bp) in the database too.
 * - commission_ledger: append-only; unique per (order, level, kind), so a replayed payment
 *   accrues once and a refund reverses once; level is 1 or 2 by CHECK (no third level).
 */
const UP = [
  `create table promoters (
    user_id uuid primary key references users (id) on delete cascade,
    status text not null check (status in ('pending', 'approved')),
    applied_at timestamptz not null,
    approved_at timestamptz,
    check ((status = 'approved') = (approved_at is not null))
  )`,
  `create table promoter_bindings (
    buyer_id uuid primary key references users (id) on delete cascade,
    promoter_id uuid not null references promoters (user_id),
    bound_at timestamptz not null,
    source_target text not null check (char_length(source_target) between 1 and 80),
    source_expires_at bigint not null,
    check (buyer_id <> promoter_id)
  )`,
  'create index promoter_bindings_promoter_idx on promoter_bindings (promoter_id)',
  `create table distribution_rates (
    product_id text primary key check (char_length(product_id) between 1 and 64),
    rate_bp integer not null check (rate_bp between 800 and 1500),
    updated_at timestamptz not null
  )`,
  `insert into distribution_rates (product_id, rate_bp, updated_at) values ('*', 1000, now())`,
  `create table commission_ledger (
    id bigint generated always as identity primary key,
    order_id uuid not null references orders (id),
    level smallint not null check (level in (1, 2)),
    promoter_id uuid not null references promoters (user_id),
    amount_fen integer not null check (amount_fen > 0),
    kind text not null check (kind in ('accrue', 'reverse')),
    created_at timestamptz not null,
    unique (order_id, level, kind)
  )`,
  'create index commission_ledger_promoter_idx on commission_ledger (promoter_id, id)',
];

const DOWN = [
  'drop table commission_ledger',
  'drop table distribution_rates',
  'drop table promoter_bindings',
  'drop table promoters',
];

// PGlite runs parameterised statements one at a time, so each DDL statement is its own call.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
