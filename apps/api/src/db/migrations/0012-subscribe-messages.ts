import { type Kysely, sql } from 'kysely';

/**
 * Subscribe messages (订阅消息). subscribe_quotas: how many more notices of one template the
 * shopper allowed in one app (one per 'accept' of wx.requestSubscribeMessage), spent by a
 * conditional update. subscribe_outbox: notices to send, written in the transaction of the
 * order change that causes them, one per notice kind and order; the send job claims due rows
 * (pending, or sending whose lease ran out) with SKIP LOCKED.
 */
const UP = [
  `create table subscribe_quotas (
    user_id uuid not null references users (id) on delete cascade,
    app text not null,
    template_id text not null,
    remaining integer not null check (remaining >= 0),
    updated_at timestamptz not null,
    primary key (user_id, app, template_id)
  )`,
  `create table subscribe_outbox (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users (id) on delete cascade,
    app text not null,
    template_id text not null,
    kind text not null,
    ref_id text not null,
    page text not null,
    data jsonb not null,
    status text not null check (status in ('pending', 'sending', 'sent', 'failed')),
    attempts integer not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    errcode integer,
    error text,
    msgid text,
    created_at timestamptz not null,
    sent_at timestamptz,
    unique (kind, ref_id)
  )`,
  `create index subscribe_outbox_due_idx on subscribe_outbox (next_attempt_at) where status in ('pending', 'sending')`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table if exists subscribe_outbox').execute(db);
  await sql.raw('drop table if exists subscribe_quotas').execute(db);
}
