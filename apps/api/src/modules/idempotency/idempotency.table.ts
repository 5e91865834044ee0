import type { ColumnType } from 'kysely';

/** The first result of a (user, scope, key): written in the transaction that made the resource. */
export interface IdempotencyKeysTable {
  user_id: string;
  /** What the key was for, e.g. 'place_order': one key may be reused across scopes. */
  scope: string;
  key: string;
  /** sha256 of the parsed request: the same key with another body is refused. */
  request_hash: string;
  /** The id of what the first request created (an order id). */
  resource_id: string;
  created_at: ColumnType<Date, Date, never>;
}
