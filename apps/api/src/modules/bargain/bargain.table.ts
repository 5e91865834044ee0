import type { BargainStoredStatus } from '@wematrix/shared';
import type { ColumnType, Selectable } from 'kysely';

/** One 砍价 activity (migration 0017). */
export interface BargainActivitiesTable {
  id: string;
  campaign_id: string | null;
  title: string;
  product_id: string;
  sku_id: string;
  floor_price_fen: number;
  window_hours: number;
  helps_target: number;
  per_user_limit: ColumnType<number, number | undefined, number>;
  helper_reward_coupon_template_id: string | null;
  starts_at: Date;
  ends_at: Date;
  created_at: ColumnType<Date, Date, never>;
}

/**
 * One owner's bargain. The price only moves down by a help under the row lock; status only
 * moves by the conditional updates in bargain.repository.ts.
 */
export interface BargainsTable {
  id: string;
  activity_id: string;
  owner_user_id: string;
  start_price_fen: number;
  /** Copied from the activity at the start, so a CHECK keeps the price at or above it. */
  floor_price_fen: number;
  current_price_fen: number;
  helps_done: ColumnType<number, number | undefined, number>;
  helps_target: number;
  expires_at: Date;
  status: BargainStoredStatus;
  order_id: string | null;
  created_at: ColumnType<Date, Date, never>;
  updated_at: Date;
}

/** One friend's help: append-only, one per (bargain, helper). */
export interface BargainHelpsTable {
  bargain_id: string;
  helper_user_id: string;
  cut_fen: number;
  is_new_user: boolean;
  /** The coupon the helper got for helping, when the activity has one and it could be issued. */
  reward_user_coupon_id: string | null;
  created_at: ColumnType<Date, Date, never>;
}

export type BargainActivityRow = Selectable<BargainActivitiesTable>;
export type BargainRow = Selectable<BargainsTable>;
