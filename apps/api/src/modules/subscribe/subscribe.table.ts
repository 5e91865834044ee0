import type { ColumnType, Generated, Selectable } from 'kysely';

/** Migration 0012. Remaining notices one shopper allowed for one template in one app. */
export interface SubscribeQuotasTable {
  user_id: string;
  app: string;
  template_id: string;
  remaining: number;
  updated_at: Date;
}

export type SubscribeOutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** Migration 0012. One notice to send; unique per (kind, ref_id): one per order and kind. */
export interface SubscribeOutboxTable {
  id: Generated<string>;
  user_id: string;
  app: string;
  template_id: string;
  kind: string;
  /** The order the notice is about. */
  ref_id: string;
  page: string;
  /** subscribeMessage.send's data, formatted when written; jsonb written as a JSON string. */
  data: ColumnType<Record<string, { value: string }>, string, string>;
  status: SubscribeOutboxStatus;
  attempts: ColumnType<number, number | undefined, number>;
  /** When a pending row is due; for a sending row, when its claim lapses (the sender died). */
  next_attempt_at: Date;
  /** WeChat's errcode of the last failed attempt (43101 refused…); null for network failures. */
  errcode: number | null;
  error: string | null;
  msgid: string | null;
  created_at: ColumnType<Date, Date, never>;
  sent_at: Date | null;
}

export type SubscribeOutboxRow = Selectable<SubscribeOutboxTable>;
export type SubscribeQuotaRow = Selectable<SubscribeQuotasTable>;
