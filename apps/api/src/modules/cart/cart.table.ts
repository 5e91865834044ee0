import type { ColumnType } from 'kysely';

/** One line per (user, SKU); quantity CHECK 1..99 mirrors MAX_LINE_QUANTITY. */
export interface CartItemsTable {
  user_id: string;
  sku_id: string;
  quantity: number;
  selected: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
