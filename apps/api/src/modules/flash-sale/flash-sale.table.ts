import type { ColumnType } from 'kysely';

/** One 秒杀 slot; `taken` only moves by the PostgreSQL gate's guarded relative updates. */
export interface FlashSaleSlotsTable {
  id: string;
  campaign_id: string | null;
  product_id: string;
  sku_id: string;
  title: string;
  price_fen: number;
  starts_at: Date;
  ends_at: Date;
  stock: number;
  taken: ColumnType<number, number | undefined, number>;
  per_user_limit: ColumnType<number, number | undefined, number>;
  /** How long a claim holds its units for the shopper to order and pay. */
  hold_minutes: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date, never>;
}

export type FlashSaleClaimStatus = 'held' | 'paid' | 'released';

/** Units held for (or paid by) one shopper; status only moves held -> paid | released. */
export interface FlashSaleClaimsTable {
  id: string;
  slot_id: string;
  user_id: string;
  quantity: number;
  status: FlashSaleClaimStatus;
  hold_until: Date;
  created_at: ColumnType<Date, Date, never>;
  released_at: Date | null;
  /** Migration 0015: the order this claim became; set once, cleared when that order is cancelled. */
  order_id: ColumnType<string | null, string | null | undefined, string | null>;
}
