import { type Kysely, sql } from 'kysely';

/**
 * The address book. The region is stored both as its county code (what checkout's shipping
 * rule and couriers use) and as names (what a label prints; division names change, an old
 * order's label must not). One default per shopper, enforced by a partial unique index.
 */
const UP = [
  `create table user_addresses (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users (id) on delete cascade,
    recipient text not null check (char_length(recipient) between 1 and 20),
    phone text not null check (phone ~ '^1[3-9][0-9]{9}$'),
    region_code text not null check (region_code ~ '^[0-9]{6}$'),
    province text not null,
    city text not null,
    district text not null,
    detail text not null check (char_length(detail) between 2 and 120),
    is_default boolean not null default false,
    created_at timestamptz not null,
    updated_at timestamptz not null
  )`,
  'create index user_addresses_user_idx on user_addresses (user_id, updated_at desc)',
  'create unique index user_addresses_one_default on user_addresses (user_id) where is_default',
];

const DOWN = ['drop table user_addresses'];

// PGlite runs parameterised statements one at a time, so each DDL statement is its own call.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
