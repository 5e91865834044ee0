import type { PresaleLadder } from '@wematrix/shared';
import type { ColumnType, Selectable } from 'kysely';

/** Migration 0019. `sold` only moves by guarded relative updates (presale.repository.ts). */
export interface PresalesTable {
  id: string;
  campaign_id: string | null;
  product_id: string;
  sku_id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  ships_at: Date;
  stock: number;
  sold: ColumnType<number, number | undefined, number>;
  per_user_limit: ColumnType<number, number | undefined, number>;
  /** jsonb; written as a JSON string. */
  ladder: ColumnType<PresaleLadder, string, string>;
  created_at: ColumnType<Date, Date, never>;
}

export type PresaleBookingStatus = 'held' | 'paid' | 'released' | 'refunded';

/** One order's units of a presale and the unit price it was locked at. */
export interface PresaleBookingsTable {
  id: string;
  presale_id: string;
  user_id: string;
  quantity: number;
  unit_price_fen: number;
  status: PresaleBookingStatus;
  order_id: string | null;
  created_at: ColumnType<Date, Date, never>;
  updated_at: Date;
}

export type PresaleRow = Selectable<PresalesTable>;
export type PresaleBookingRow = Selectable<PresaleBookingsTable>;
