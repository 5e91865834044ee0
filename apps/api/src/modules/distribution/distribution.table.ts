import type { PromoterStatus } from '@wematrix/shared';
import type { ColumnType, Generated } from 'kysely';

/** Migration 0013. Status moves pending -> approved only by a conditional update. */
export interface PromotersTable {
  user_id: string;
  status: PromoterStatus;
  applied_at: ColumnType<Date, Date, never>;
  approved_at: Date | null;
}

/** One per buyer: who brought them, when, through which link. */
export interface PromoterBindingsTable {
  buyer_id: string;
  promoter_id: string;
  bound_at: Date;
  source_target: string;
  /** The link's expiry (unix seconds), kept to show which link bound the buyer. */
  source_expires_at: ColumnType<string, number, number>;
}

/** product_id '*' is the default rate; 800–1500 bp by CHECK. */
export interface DistributionRatesTable {
  product_id: string;
  rate_bp: number;
  updated_at: Date;
}

/** Append-only: never updated or deleted; a refund adds 'reverse' rows. */
export interface CommissionLedgerTable {
  id: Generated<string>;
  order_id: string;
  level: 1 | 2;
  promoter_id: string;
  amount_fen: number;
  kind: 'accrue' | 'reverse';
  created_at: ColumnType<Date, Date, never>;
}
