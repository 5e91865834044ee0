import type { ProductSort } from '@wematrix/shared';
import { sql } from 'kysely';
import type { Executor } from '../../db/executor';
import type { CategoryRow, ProductRow, SkuRow } from './catalog.table';
import type { ProductCursor } from './product-cursor';

export interface CategoryWithCountRow extends CategoryRow {
  product_count: number;
}

export interface ProductSummaryRow {
  id: string;
  category_id: string;
  title: string;
  subtitle: string;
  images: string[];
  tags: string[];
  sales: number;
  /** Lowest SKU price, and the reference price of that same SKU. */
  from_price_fen: number;
  from_original_price_fen: number | null;
}

export interface ProductListFilter {
  categoryId?: string;
  q?: string;
}

export interface ProductPageRequest extends ProductListFilter {
  sort: ProductSort;
  pageSize: number;
  after?: ProductCursor;
}

/**
 * Each sort as an index order (migration 0002): the column, its direction and its SQL type
 * (for casting the cursor's text back). Ties are broken by id in the same direction, so
 * `(column, id) > (key, id)` (or `<`) is exactly "after the cursor" and walks one index.
 */
const SORTS = {
  default: { column: 'p.sort', direction: 'asc', type: 'integer' },
  sales: { column: 'p.sales', direction: 'desc', type: 'integer' },
  price_asc: { column: 'p.from_price_fen', direction: 'asc', type: 'integer' },
  price_desc: { column: 'p.from_price_fen', direction: 'desc', type: 'integer' },
  newest: { column: 'p.created_at', direction: 'desc', type: 'timestamptz' },
} as const satisfies Record<ProductSort, { column: string; direction: 'asc' | 'desc'; type: string }>;

export function listCategoriesWithCounts(db: Executor): Promise<CategoryWithCountRow[]> {
  return db
    .selectFrom('categories as c')
    .selectAll('c')
    .select((eb) =>
      eb
        .selectFrom('products as p')
        .whereRef('p.category_id', '=', 'c.id')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('product_count'),
    )
    .orderBy('c.sort')
    .orderBy('c.id')
    .execute() as Promise<CategoryWithCountRow[]>;
}

/** LIKE pattern matching `q` literally anywhere (backslash is PostgreSQL's default escape). */
function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filteredProducts(db: Executor, filter: ProductListFilter) {
  let query = db.selectFrom('products as p');
  if (filter.categoryId) query = query.where('p.category_id', '=', filter.categoryId);
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    query = query.where((eb) =>
      eb.or([
        eb('p.title', 'ilike', pattern),
        eb('p.subtitle', 'ilike', pattern),
        eb(sql`array_to_string(p.tags, ' ')`, 'ilike', pattern),
      ]),
    );
  }
  return query;
}

/**
 * One keyset page: `pageSize` products after the cursor in the sort's order, read from
 * products alone (the from-price lives on the product), plus the next page's cursor.
 */
export async function listProductPage(
  db: Executor,
  request: ProductPageRequest,
): Promise<{ rows: ProductSummaryRow[]; next: ProductCursor | null }> {
  const order = SORTS[request.sort];
  const column = sql.ref(order.column);
  let query = filteredProducts(db, request).select([
    'p.id',
    'p.category_id',
    'p.title',
    'p.subtitle',
    'p.images',
    'p.tags',
    'p.sales',
    'p.from_price_fen',
    'p.from_original_price_fen',
    sql<string>`${column}::text`.as('cursor_key'),
  ]);
  if (request.after) {
    const { key, id } = request.after;
    const after = sql<boolean>`(${column}, p.id) ${sql.raw(order.direction === 'asc' ? '>' : '<')} (cast(${key} as ${sql.raw(order.type)}), ${id})`;
    query = query.where(after);
  }
  // One extra row says whether a next page exists without counting.
  const rows = await query
    .orderBy(column, order.direction)
    .orderBy('p.id', order.direction)
    .limit(request.pageSize + 1)
    .execute();
  const last = rows.length > request.pageSize ? rows[request.pageSize - 1] : undefined;
  const page = rows.slice(0, request.pageSize).map(({ cursor_key: _key, ...row }) => row);
  return { rows: page, next: last ? { key: last.cursor_key, id: last.id } : null };
}

/** How many products match; only asked for with `withTotal` (products alone, no SKUs). */
export async function countProducts(db: Executor, filter: ProductListFilter): Promise<number> {
  const row = await filteredProducts(db, filter)
    .select(sql<number>`count(*)::int`.as('total'))
    .executeTakeFirstOrThrow();
  return row.total;
}

export function findProduct(db: Executor, id: string): Promise<ProductRow | undefined> {
  return db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listSkusOfProduct(db: Executor, productId: string): Promise<SkuRow[]> {
  return db.selectFrom('skus').selectAll().where('product_id', '=', productId).orderBy('sort').orderBy('id').execute();
}

/**
 * Sets one SKU's price and reference price. The skus_from_price trigger updates the
 * product's from-price in this same statement, so the two never disagree even outside a
 * transaction. Undefined: no such SKU.
 */
export async function updateSkuPrice(
  trx: Executor,
  skuId: string,
  prices: { priceFen: number; originalPriceFen: number | null },
): Promise<{ product_id: string } | undefined> {
  return trx
    .updateTable('skus')
    .set({ price_fen: prices.priceFen, original_price_fen: prices.originalPriceFen })
    .where('id', '=', skuId)
    .returning('product_id')
    .executeTakeFirst();
}
