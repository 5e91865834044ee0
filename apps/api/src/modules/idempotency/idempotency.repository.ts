import type { Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { Executor } from '../../db/executor';

export interface IdempotencyKeyId {
  userId: string;
  scope: string;
  key: string;
}

export interface StoredKey {
  requestHash: string;
  resourceId: string;
  responseStatus: number | null;
  responseBody: unknown;
}

/**
 * Claims a key for this transaction: true when this call inserted it. The insert is
 * `on conflict do nothing` on the primary key, so a concurrent request with the same key
 * waits here until the first transaction ends: after a commit it gets false (and reads the
 * stored answer), after a rollback it inserts and does the work itself. The resource and the
 * answer are filled in by completeIdempotencyKey in the same transaction.
 */
export async function claimIdempotencyKey(
  trx: Transaction<DB>,
  claim: IdempotencyKeyId & { requestHash: string; now: Date },
): Promise<boolean> {
  const rows = await trx
    .insertInto('idempotency_keys')
    .values({
      user_id: claim.userId,
      scope: claim.scope,
      key: claim.key,
      request_hash: claim.requestHash,
      resource_id: '',
      created_at: claim.now,
      response_status: null,
      response_body: null,
    })
    .onConflict((oc) => oc.columns(['user_id', 'scope', 'key']).doNothing())
    .returning('key')
    .execute();
  return rows.length === 1;
}

/** The stored key, or undefined. */
export async function findIdempotencyKey(executor: Executor, id: IdempotencyKeyId): Promise<StoredKey | undefined> {
  const row = await executor
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'resource_id', 'response_status', 'response_body'])
    .where('user_id', '=', id.userId)
    .where('scope', '=', id.scope)
    .where('key', '=', id.key)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    requestHash: row.request_hash,
    resourceId: row.resource_id,
    responseStatus: row.response_status,
    responseBody: row.response_body,
  };
}

/** Records what the claimed key produced; call last in the transaction that claimed it. */
export async function completeIdempotencyKey(
  trx: Transaction<DB>,
  done: IdempotencyKeyId & { resourceId: string; status: number; body: unknown },
): Promise<void> {
  const result = await trx
    .updateTable('idempotency_keys')
    .set({
      resource_id: done.resourceId,
      response_status: done.status,
      response_body: JSON.stringify(done.body),
    })
    .where('user_id', '=', done.userId)
    .where('scope', '=', done.scope)
    .where('key', '=', done.key)
    .where('response_status', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) throw new Error(`idempotency key ${done.scope}/${done.key} was not claimed`);
}
