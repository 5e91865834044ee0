import type { ColumnType, Generated, Selectable } from 'kysely';

/** Migration 0010. One per (order, SKU); never edited by the shopper, only hidden by operators. */
export interface ReviewsTable {
  id: Generated<string>;
  order_id: string;
  user_id: string;
  product_id: string;
  sku_id: string;
  spec_text: string;
  stars: number;
  text: string;
  /** Upload keys (the shopper's own, checked when the review was written). */
  photos: string[];
  hidden: ColumnType<boolean, boolean | undefined, boolean>;
  hidden_reason: string | null;
  hidden_at: Date | null;
  created_at: ColumnType<Date, Date, never>;
}

export type ReviewRow = Selectable<ReviewsTable>;
