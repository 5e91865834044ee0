import type { ProductSort } from '@wematrix/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import type { CategoryRow, ProductRow, SkuRow } from './catalog.table';

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
  price_fen: number;
  original_price_fen: number | null;
}

export interface ProductListFilter {
  page: number;
  pageSize: number;
  categoryId?: string;
  q?: string;
  sort: ProductSort;
}

export function listCategoriesWithCounts(db: Database): Promise<CategoryWithCountRow[]> {
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

function filteredProducts(db: Database, filter: ProductListFilter) {
  const prices = db
    .selectFrom('skus')
    .select([
      'product_id',
      sql<number>`min(price_fen)`.as('price_fen'),
      sql<number | null>`(array_agg(original_price_fen order by price_fen, sort))[1]`.as('original_price_fen'),
    ])
    .groupBy('product_id');
  let query = db.selectFrom('products as p').innerJoin(prices.as('pr'), 'pr.product_id', 'p.id');
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

export async function listProducts(
  db: Database,
  filter: ProductListFilter,
): Promise<{ rows: ProductSummaryRow[]; total: number }> {
  const base = filteredProducts(db, filter);
  const totalRow = await base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  let query = base.select([
    'p.id',
    'p.category_id',
    'p.title',
    'p.subtitle',
    'p.images',
    'p.tags',
    'p.sales',
    'pr.price_fen',
    'pr.original_price_fen',
  ]);
  switch (filter.sort) {
    case 'sales':
      query = query.orderBy('p.sales', 'desc');
      break;
    case 'price_asc':
      query = query.orderBy('pr.price_fen', 'asc');
      break;
    case 'price_desc':
      query = query.orderBy('pr.price_fen', 'desc');
      break;
    case 'newest':
      query = query.orderBy('p.created_at', 'desc');
      break;
    case 'default':
      query = query.orderBy('p.sort', 'asc');
      break;
  }
  // Tie-break on id so pages never overlap or skip a product.
  const rows = await query
    .orderBy('p.id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { rows, total: totalRow.total };
}

export function findProduct(db: Database, id: string): Promise<ProductRow | undefined> {
  return db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listSkusOfProduct(db: Database, productId: string): Promise<SkuRow[]> {
  return db.selectFrom('skus').selectAll().where('product_id', '=', productId).orderBy('sort').orderBy('id').execute();
}
