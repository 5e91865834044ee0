import type { CouponKind } from '@wematrix/shared';
import type { ColumnType, Generated } from 'kysely';

/** Coupon offers operators create; `claimed_count` only moves by a guarded relative update. */
export interface CouponTemplatesTable {
  id: ColumnType<string, string | undefined, never>;
  title: string;
  kind: CouponKind;
  threshold_fen: number;
  amount_fen: number;
  percent_off_bps: number;
  cap_fen: number | null;
  new_user_only: boolean;
  category_ids: string[] | null;
  claim_starts_at: Date;
  claim_ends_at: Date;
  /** A fixed window (valid_from may be null: from the claim), or valid_days from the claim. */
  valid_from: Date | null;
  valid_until: Date | null;
  valid_days: number | null;
  per_user_limit: number;
  total_stock: number;
  claimed_count: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date, never>;
}

/** A claimed coupon; 'expired' is derived (available and past valid_until). */
export interface UserCouponsTable {
  id: Generated<string>;
  template_id: string;
  user_id: string;
  status: ColumnType<'available' | 'used', 'available' | 'used' | undefined, 'available' | 'used'>;
  valid_from: Date;
  valid_until: Date;
  order_id: string | null;
  used_at: Date | null;
  claimed_at: ColumnType<Date, Date, never>;
}

export interface PointsAccountsTable {
  user_id: string;
  /** CHECK (balance >= 0); changed only by relative guarded updates. */
  balance: number;
  updated_at: Date;
}

export type PointsReason = 'order_spend' | 'order_refund' | 'grant' | 'mall_exchange';

/** Append-only; unique per (reason, ref). */
export interface PointsLedgerTable {
  /** bigint identity; pg returns it as a string. */
  id: ColumnType<string, never, never>;
  user_id: string;
  delta: number;
  reason: PointsReason;
  ref: string;
  created_at: ColumnType<Date, Date, never>;
}

export interface PricingSettingsTable {
  key: 'shipping' | 'points';
  /** jsonb, parsed with the shared schemas on read; written as a JSON string. */
  value: ColumnType<unknown, string, string>;
  updated_at: Date;
}
