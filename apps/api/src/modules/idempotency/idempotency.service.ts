import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  findIdempotencyKey,
  type IdempotencyKeyId,
} from './idempotency.repository';

/** JSON with object keys sorted at every level, so the same request always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** sha256 (hex) of the parsed request, independent of key order and absent fields. */
export function requestHash(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

export interface IdempotentAnswer<Body> {
  status: number;
  body: Body;
  /** True when this is the stored answer of an earlier request with the same key. */
  replayed: boolean;
}

export type IdempotentOutcome<Body> = IdempotentAnswer<Body> | { reused: true };

/**
 * Runs `work` at most once per (user, scope, key), inside the caller's transaction: claims the
 * key first (a concurrent same-key request waits for this transaction), runs the work, and
 * stores its answer before the commit. A key already used with the same request answers the
 * stored response without running anything; with another request, `{ reused: true }`. When
 * `work` throws, the transaction rolls back and the key is gone with it, so a refused submit
 * can be retried with the same key.
 */
export async function runIdempotent<Body>(
  trx: Transaction<DB>,
  id: IdempotencyKeyId & { request: unknown; now: Date },
  work: () => Promise<{ resourceId: string; status: number; body: Body }>,
): Promise<IdempotentOutcome<Body>> {
  const hash = requestHash(id.request);
  if (!(await claimIdempotencyKey(trx, { ...id, requestHash: hash }))) {
    const stored = await findIdempotencyKey(trx, id);
    if (!stored || stored.responseStatus === null) {
      // A committed key always has its answer (claim and completion share a transaction).
      throw new Error(`idempotency key ${id.scope}/${id.key} has no stored answer`);
    }
    if (stored.requestHash !== hash) return { reused: true };
    return { status: stored.responseStatus, body: stored.responseBody as Body, replayed: true };
  }
  const result = await work();
  await completeIdempotencyKey(trx, { ...id, resourceId: result.resourceId, status: result.status, body: result.body });
  return { status: result.status, body: result.body, replayed: false };
}
