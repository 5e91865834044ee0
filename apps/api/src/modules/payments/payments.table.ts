import type { ColumnType, Generated, Selectable } from 'kysely';

export type PaymentStatus = 'pending' | 'paid' | 'closed';
export type RefundStatus = 'submitting' | 'processing' | 'succeeded' | 'failed';
export type RefundPurpose = 'refund' | 'rebate';

/** One WeChat Pay transaction per order; out_trade_no is the order's order_no. */
export interface PaymentsTable {
  id: Generated<string>;
  order_id: string;
  user_id: string;
  out_trade_no: string;
  appid: string;
  mchid: string;
  payer_openid: string;
  amount_fen: number;
  status: ColumnType<PaymentStatus, PaymentStatus | undefined, PaymentStatus>;
  prepay_id: string | null;
  prepay_expires_at: Date | null;
  transaction_id: string | null;
  paid_at: Date | null;
  closed_at: Date | null;
  /** When the reconcile job last asked WeChat Pay about this pending payment. */
  last_queried_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Reserved by refunds not failed: what may still be refunded is amount_fen - refunded_fen. */
  refunded_fen: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface RefundsTable {
  id: Generated<string>;
  payment_id: string;
  out_refund_no: string;
  amount_fen: number;
  reason: string;
  status: ColumnType<RefundStatus, RefundStatus | undefined, RefundStatus>;
  refund_id: string | null;
  failure: string | null;
  succeeded_at: Date | null;
  /**
   * Migration 0016. 'rebate': money given back while the goods still ship (团长免单); it never
   * moves the order to 已退款 nor gives back its stock, coupon or points.
   */
  purpose: ColumnType<RefundPurpose, RefundPurpose | undefined, never>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** Append-only: rows are inserted once per event id and never changed (a trigger enforces it). */
export interface PaymentEventsTable {
  id: Generated<string>;
  event_id: string;
  payment_id: string | null;
  refund_id: string | null;
  /** WeChat's event_type (TRANSACTION.SUCCESS, REFUND.SUCCESS …) or ours (REFUND.REQUESTED). */
  kind: string;
  /** What the event did: applied, amount_mismatch, auto_refund … (see the flows). */
  outcome: string;
  amount_fen: number | null;
  resource: ColumnType<unknown, string, never>;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export type PaymentRow = Selectable<PaymentsTable>;
export type RefundRow = Selectable<RefundsTable>;
export type PaymentEventRow = Selectable<PaymentEventsTable>;
