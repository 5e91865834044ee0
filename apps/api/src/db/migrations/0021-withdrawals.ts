import { type Kysely, sql } from 'kysely';

/**
 * 分销 提现 withdrawals (docs/distribution.md).
 * - commission_withdrawals: one row per request; status requested → approved → transferring
 *   → succeeded | failed, or requested → rejected, each move a conditional update.
 *   out_bill_no (商户单号) is fixed at request time and unique: a retry is the same transfer.
 *   A partial unique index allows one withdrawal in flight (requested, approved,
 *   transferring) per promoter, the backstop of the per-promoter lock in the service.
 */
const UP = [
  `create table commission_withdrawals (
    id uuid primary key,
    promoter_id uuid not null references promoters (user_id),
    amount_fen integer not null check (amount_fen > 0),
    status text not null check (status in ('requested', 'approved', 'transferring', 'succeeded', 'failed', 'rejected')),
    out_bill_no text not null unique check (out_bill_no ~ '^[0-9A-Za-z]{1,32}$'),
    appid text not null,
    openid text not null,
    requested_at timestamptz not null,
    decided_at timestamptz,
    finished_at timestamptz,
    reason text check (char_length(reason) <= 200),
    transfer_bill_no text,
    transfer_state text,
    package_info text,
    transfer_attempted_at timestamptz,
    check ((status = 'requested') = (decided_at is null)),
    check ((status in ('succeeded', 'failed', 'rejected')) = (finished_at is not null))
  )`,
  'create index commission_withdrawals_promoter_idx on commission_withdrawals (promoter_id, requested_at)',
  `create unique index commission_withdrawals_one_in_flight on commission_withdrawals (promoter_id)
    where status in ('requested', 'approved', 'transferring')`,
];

const DOWN = ['drop table commission_withdrawals'];

// PGlite runs parameterised statements one at a time, so each DDL statement is its own call.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
