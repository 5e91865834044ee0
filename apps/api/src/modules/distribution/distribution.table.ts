import type { PromoterStatus, WithdrawalStatus } from '@wematrix/shared';
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

/** Migration 0021. Every status move is a conditional update (withdrawal.repository.ts). */
export interface CommissionWithdrawalsTable {
  id: string;
  promoter_id: string;
  amount_fen: number;
  status: WithdrawalStatus;
  out_bill_no: string;
  appid: string;
  openid: string;
  requested_at: ColumnType<Date, Date, never>;
  decided_at: Date | null;
  finished_at: Date | null;
  /** Finance's reject reason, or WeChat's fail_reason / error code. */
  reason: string | null;
  transfer_bill_no: string | null;
  /** WeChat's last word on the bill: ACCEPTED, WAIT_USER_CONFIRM, SUCCESS, FAIL, ... */
  transfer_state: string | null;
  /** For wx.requestMerchantTransfer while transfer_state is WAIT_USER_CONFIRM. */
  package_info: string | null;
  /** When the transfer was last sent to WeChat (the retry job spaces attempts by it). */
  transfer_attempted_at: Date | null;
}
