import type { AfterSaleKind, AfterSaleReason, AfterSaleStatus, OrderStatus } from '@wematrix/shared';
import type { ColumnType, Generated, Selectable } from 'kysely';

/** Migration 0009. Status changes only through the conditional updates in after-sale.repository.ts. */
export interface AfterSalesTable {
  id: Generated<string>;
  order_id: string;
  /** Copied from the order, for lists and the refund's reason. */
  order_no: string;
  user_id: string;
  kind: AfterSaleKind;
  status: ColumnType<AfterSaleStatus, AfterSaleStatus | undefined, AfterSaleStatus>;
  reason: AfterSaleReason;
  reason_text: string;
  /** Upload keys (the shopper's own, checked when the request was made). */
  photos: string[];
  refund_fen: number;
  order_status_before: Extract<OrderStatus, 'paid' | 'shipped' | 'completed'>;
  operator_comment: string | null;
  out_refund_no: string | null;
  created_at: ColumnType<Date, Date, never>;
  decided_at: Date | null;
  refunded_at: Date | null;
  updated_at: Date;
}

export type AfterSaleRow = Selectable<AfterSalesTable>;
