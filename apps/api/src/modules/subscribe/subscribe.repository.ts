import { SUBSCRIBE_MAX_QUOTA } from '@wematrix/shared';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { Executor } from '../../db/executor';
import type { SubscribeOutboxRow, SubscribeQuotaRow } from './subscribe.table';

/**
 * One more allowed notice per accepted template, capped (a client reporting the same accept
 * in a loop gains nothing real: WeChat keeps its own count and answers 43101 past it).
 */
export async function addSubscribeQuotas(
  executor: Executor,
  input: { userId: string; app: string; templateIds: string[]; now: Date },
): Promise<void> {
  if (input.templateIds.length === 0) return;
  await executor
    .insertInto('subscribe_quotas')
    .values(
      input.templateIds.map((templateId) => ({
        user_id: input.userId,
        app: input.app,
        template_id: templateId,
        remaining: 1,
        updated_at: input.now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['user_id', 'app', 'template_id']).doUpdateSet({
        remaining: sql<number>`least(subscribe_quotas.remaining + 1, ${SUBSCRIBE_MAX_QUOTA}::int)`,
        updated_at: input.now,
      }),
    )
    .execute();
}

export function listSubscribeQuotas(executor: Executor, userId: string, app: string): Promise<SubscribeQuotaRow[]> {
  return executor
    .selectFrom('subscribe_quotas')
    .selectAll()
    .where('user_id', '=', userId)
    .where('app', '=', app)
    .orderBy('template_id')
    .execute();
}

/**
 * Spends one allowed notice, conditional on one being left: true when spent. Two changes of
 * the same shopper at once cannot both spend the last one (the row update serialises them
 * and the second sees remaining = 0).
 */
export async function spendSubscribeQuota(
  executor: Executor,
  input: { userId: string; app: string; templateId: string; now: Date },
): Promise<boolean> {
  const row = await executor
    .updateTable('subscribe_quotas')
    .set({ remaining: sql<number>`remaining - 1`, updated_at: input.now })
    .where('user_id', '=', input.userId)
    .where('app', '=', input.app)
    .where('template_id', '=', input.templateId)
    .where('remaining', '>', 0)
    .returning('remaining')
    .executeTakeFirst();
  return row !== undefined;
}

/** Queues a notice; false when this kind of notice for this order is queued already (nothing written). */
export async function insertOutboxMessage(
  executor: Executor,
  message: {
    userId: string;
    app: string;
    templateId: string;
    kind: string;
    refId: string;
    page: string;
    data: Record<string, { value: string }>;
    now: Date;
  },
): Promise<boolean> {
  const row = await executor
    .insertInto('subscribe_outbox')
    .values({
      user_id: message.userId,
      app: message.app,
      template_id: message.templateId,
      kind: message.kind,
      ref_id: message.refId,
      page: message.page,
      data: JSON.stringify(message.data),
      status: 'pending',
      next_attempt_at: message.now,
      created_at: message.now,
    })
    .onConflict((oc) => oc.columns(['kind', 'ref_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function outboxMessageExists(executor: Executor, kind: string, refId: string): Promise<boolean> {
  const row = await executor
    .selectFrom('subscribe_outbox')
    .select('id')
    .where('kind', '=', kind)
    .where('ref_id', '=', refId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Claims up to `limit` due messages for this sender: pending ones past next_attempt_at, and
 * sending ones whose claim lapsed (a sender that died mid-send). Rows another instance is
 * claiming are skipped (SKIP LOCKED), and the claim itself moves next_attempt_at to the end
 * of the lease, so two senders never hold the same row.
 */
export async function claimDueOutboxMessages(
  trx: Transaction<DB>,
  input: { now: Date; leaseUntil: Date; limit: number },
): Promise<SubscribeOutboxRow[]> {
  const { rows } = await sql<SubscribeOutboxRow>`
    update subscribe_outbox
    set status = 'sending', attempts = attempts + 1, next_attempt_at = ${input.leaseUntil}::timestamptz
    where id in (
      select id from subscribe_outbox
      where status in ('pending', 'sending') and next_attempt_at <= ${input.now}::timestamptz
      order by next_attempt_at
      limit ${input.limit}
      for update skip locked
    ) and status in ('pending', 'sending')
    returning *
  `.execute(trx);
  return rows;
}

/**
 * Records what one attempt came to, conditional on this sender's claim still holding (status
 * sending, same attempt number): a late answer after the lease lapsed and another sender
 * took the row changes nothing.
 */
export async function settleOutboxAttempt(
  executor: Executor,
  input: {
    id: string;
    attempt: number;
    outcome:
      | { status: 'sent'; msgid: string | null; at: Date }
      | { status: 'failed'; errcode: number | null; error: string }
      | { status: 'pending'; errcode: number | null; error: string; retryAt: Date };
  },
): Promise<boolean> {
  const { outcome } = input;
  const set =
    outcome.status === 'sent'
      ? { status: 'sent' as const, msgid: outcome.msgid, sent_at: outcome.at, errcode: null, error: null }
      : outcome.status === 'failed'
        ? { status: 'failed' as const, errcode: outcome.errcode, error: outcome.error.slice(0, 500) }
        : {
            status: 'pending' as const,
            errcode: outcome.errcode,
            error: outcome.error.slice(0, 500),
            next_attempt_at: outcome.retryAt,
          };
  const row = await executor
    .updateTable('subscribe_outbox')
    .set(set)
    .where('id', '=', input.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', input.attempt)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
