import type { CampaignKind, OrderAddress, OrderStatus } from '@wematrix/shared';
import type { ColumnType, Generated, Selectable } from 'kysely';

/** Migration 0003. Status changes only through the conditional updates in order.repository.ts. */
export interface OrdersTable {
  id: Generated<string>;
  order_no: string;
  user_id: string;
  status: OrderStatus;
  source: 'cart' | 'buy_now';
  subtotal_fen: number;
  shipping_fee_fen: number;
  coupon_discount_fen: number;
  points_used: number;
  points_discount_fen: number;
  /** What the shopper pays; CHECK: subtotal − coupon − points + shipping. */
  total_fen: number;
  user_coupon_id: string | null;
  /** jsonb snapshot; written as a JSON string. */
  address: ColumnType<OrderAddress, string, string>;
  shipping_company: string | null;
  tracking_no: string | null;
  pay_deadline_at: Date;
  paid_at: Date | null;
  shipped_at: Date | null;
  auto_confirm_at: Date | null;
  completed_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: 'shopper' | 'pay_timeout' | null;
  refunded_at: Date | null;
  /** Migration 0015: the campaign an order was placed in, and its row there (both or neither). */
  campaign_kind: CampaignKind | null;
  campaign_ref: string | null;
  created_at: ColumnType<Date, Date, never>;
  updated_at: Date;
}

/** A snapshot of one bought SKU; never updated after the order is placed. */
export interface OrderLinesTable {
  order_id: string;
  line_no: number;
  sku_id: string;
  product_id: string;
  title: string;
  spec_text: string;
  /** Path under /static/ or an absolute URL, as in the catalog. */
  image: string | null;
  unit_price_fen: number;
  quantity: number;
  subtotal_fen: number;
  coupon_share_fen: number;
  points_share_fen: number;
  pay_fen: number;
}

export type OrderRow = Selectable<OrdersTable>;
export type OrderLineRow = Selectable<OrderLinesTable>;
