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
  /**
   * The first answer (migration 0008). Null only inside the transaction that claimed the key,
   * before its work finished; every committed row has both.
   */
  response_status: number | null;
  /** jsonb; written as a JSON string. */
  response_body: ColumnType<unknown, string | null, string>;
}
