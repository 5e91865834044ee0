import { type Kysely, sql } from 'kysely';

/**
 * Lottery referrals (flows/lottery-referrals.ts) ask, on every paid order, whether its buyer
 * opened a lottery link in the last week: one index probe per payment instead of a scan.
 */
const UP = ["create index share_events_user_idx on share_events (user_id, at) where type = 'share_open'"];
const DOWN = ['drop index share_events_user_idx'];

// PGlite runs parameterised statements one at a time, so each DDL statement is its own call.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
