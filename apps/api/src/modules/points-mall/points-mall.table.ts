import type { ColumnType, Generated } from 'kysely';

/** What points buy (积分商城); `exchanged_count` only moves by a guarded relative update. */
export interface PointsMallItemsTable {
  id: string;
  title: string;
  subtitle: ColumnType<string, string | undefined, string>;
  points_cost: number;
  /** The coupon template an exchange grants a coupon of. */
  coupon_template_id: string;
  per_user_limit: number;
  total_stock: number;
  exchanged_count: ColumnType<number, number | undefined, number>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  sort: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date, never>;
}

/** One exchange: the per-user limit counts these; the ledger entry's ref is the id. */
export interface PointsMallExchangesTable {
  id: Generated<string>;
  item_id: string;
  user_id: string;
  points: number;
  user_coupon_id: string;
  created_at: ColumnType<Date, Date, never>;
}
