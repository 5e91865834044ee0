import { type Kysely, sql } from 'kysely';

/**
 * The share layer (docs/share.md).
 * - share_events: append-only facts for the share / open / join figures (share rate, fission
 *   ratio). user_id is the opener or joiner (null: an anonymous open). Events go with their
 *   users (on delete cascade), so deleting a shopper leaves no trace of who they invited.
 * - share_scenes: what a 小程序码's scene (≤ 32 characters) stands for: the code's app, the
 *   target and the inviter, until expires_at; image_key is the PNG in FileStorage. The newest
 *   unexpired row of (app, kind, target, inviter) is reused, so WeChat draws each code once.
 */
const KINDS = `('product', 'group_buy_group', 'bargain', 'lottery', 'flash_sale', 'home')`;

const UP = [
  `create table share_events (
    id bigint generated always as identity primary key,
    type text not null check (type in ('share', 'share_open', 'join')),
    kind text not null check (kind in ${KINDS}),
    target_id text not null check (char_length(target_id) <= 64),
    inviter_user_id uuid not null references users (id) on delete cascade,
    user_id uuid references users (id) on delete cascade,
    at timestamptz not null
  )`,
  'create index share_events_at_idx on share_events (at)',
  'create index share_events_inviter_idx on share_events (inviter_user_id, at)',
  `create table share_scenes (
    scene text primary key check (scene ~ '^[0-9A-Za-z!#$&''()*+,/:;=?@._~-]{1,32}$'),
    app text not null check (app in ('mall', 'campaign', 'tools')),
    kind text not null check (kind in ${KINDS}),
    target_id text not null check (char_length(target_id) <= 64),
    inviter_user_id uuid not null references users (id) on delete cascade,
    page text not null check (char_length(page) between 1 and 128),
    image_key text not null check (char_length(image_key) between 1 and 128),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    check (expires_at > created_at)
  )`,
  'create index share_scenes_target_idx on share_scenes (app, kind, target_id, inviter_user_id, expires_at desc)',
];

const DOWN = ['drop table share_scenes', 'drop table share_events'];

// PGlite runs parameterised statements one at a time, so each DDL statement is its own call.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
