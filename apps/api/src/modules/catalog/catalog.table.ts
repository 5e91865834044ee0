import type { ColumnType, Selectable } from 'kysely';

export interface CategoriesTable {
  id: string;
  name: string;
  /** Path under /static/ ("categories/x.png") or an absolute URL. */
  icon: string | null;
  sort: number;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface ProductsTable {
  id: string;
  category_id: string;
  title: string;
  subtitle: string;
  description: string;
  tags: string[];
  /** Paths under /static/ or absolute URLs; the first is the cover. */
  images: string[];
  /** jsonb: `{ name, values }[]`; written as a JSON string. */
  spec_groups: ColumnType<{ name: string; values: string[] }[], string, string>;
  sales: number;
  /** Curated position for the "default" sort. */
  sort: number;
  created_at: ColumnType<Date, Date | undefined, Date>;
  /**
   * The cheapest SKU's price and that SKU's reference price. Written only by the
   * skus_from_price trigger (migration 0002), in the same transaction as the SKU change.
   */
  from_price_fen: ColumnType<number, never, never>;
  from_original_price_fen: ColumnType<number | null, never, never>;
}

export interface SkusTable {
  id: string;
  product_id: string;
  spec_values: string[];
  price_fen: number;
  original_price_fen: number | null;
  /** CHECK (stock >= 0): the database refuses to oversell even if a guard is missed. */
  stock: number;
  image: string | null;
  sort: number;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export type CategoryRow = Selectable<CategoriesTable>;
export type ProductRow = Selectable<ProductsTable>;
export type SkuRow = Selectable<SkusTable>;
