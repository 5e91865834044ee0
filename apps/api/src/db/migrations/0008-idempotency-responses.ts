import { type Kysely, sql } from 'kysely';

/**
 * idempotency_keys keep the first answer itself (HTTP status and JSON body), so a retried
 * submit gets exactly what the first one got, even after the order has moved on (paid,
 * shipped). Nullable only between the key's insert (first statement of the transaction,
 * which is what makes a concurrent same-key request wait) and the response update at the end
 * of that same transaction: a committed row always has both. Nothing wrote this table before
 * this migration, so no existing row lacks them.
 */
const UP = [
  'alter table idempotency_keys add column response_status integer check (response_status between 200 and 299)',
  'alter table idempotency_keys add column response_body jsonb',
];

const DOWN = [
  'alter table idempotency_keys drop column response_body',
  'alter table idempotency_keys drop column response_status',
];

// PGlite runs parameterised statements one at a time, so each DDL statement is its own call.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
