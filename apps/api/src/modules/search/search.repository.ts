import type { ProductSort } from '@wematrix/shared';
import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../db/executor';
import type { ProductSummaryRow } from '../catalog/catalog.repository';
import type { ProductCursor } from '../catalog/product-cursor';

export interface SearchFilter {
  /** Normalised, distinct terms (keywordTerms); every one must match. */
  terms: string[];
  categoryId?: string;
  minPriceFen?: number;
  maxPriceFen?: number;
}

export interface SearchPageRequest extends SearchFilter {
  sort: ProductSort;
  pageSize: number;
  after?: ProductCursor;
}

/**
 * 综合 (sort=default), an integer so keyset cursors stay exact:
 *   RELEVANCE_PER_FIELD × Σ over terms of (3 if in the title, else 2 if in the brand, else 1)
 *   + round(100 × ln(1 + sales)).
 * One field step (400) is worth a factor e^4 ≈ 55 in sales: a title hit outranks a tag hit
 * unless the tag hit sells ~55 times more. Ties by id, descending.
 */
export const RELEVANCE_PER_FIELD = 400;

/** Each sort: the key expression, its direction and the SQL type the cursor's text is cast to. */
function sortKey(
  sort: ProductSort,
  terms: string[],
): { key: RawBuilder<unknown>; direction: 'asc' | 'desc'; type: string } {
  switch (sort) {
    case 'default': {
      // One CASE per term (at most MAX_KEYWORD_TERMS), on columns folded like search_text.
      const fieldWeights = terms.map(
        (t) =>
          sql`case when strpos(p.search_title, ${t}) > 0 then 3 when strpos(p.search_brand, ${t}) > 0 then 2 else 1 end`,
      );
      const score = sql`(${sql.raw(String(RELEVANCE_PER_FIELD))} * (${sql.join(fieldWeights, sql` + `)})
          + round(100 * ln(1 + p.sales))::int)`;
      return { key: score, direction: 'desc', type: 'integer' };
    }
    case 'sales':
      return { key: sql`p.sales`, direction: 'desc', type: 'integer' };
    case 'price_asc':
      return { key: sql`p.from_price_fen`, direction: 'asc', type: 'integer' };
    case 'price_desc':
      return { key: sql`p.from_price_fen`, direction: 'desc', type: 'integer' };
    case 'newest':
      return { key: sql`p.created_at`, direction: 'desc', type: 'timestamptz' };
  }
}

/** `term` literally, for LIKE (backslash is PostgreSQL's default escape). */
function likeLiteral(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The condition for one term, written so a pg_trgm GIN index answers it (migration 0006):
 * 3+ characters search `search_text` (the pattern has trigrams of its own); 1–2 characters,
 * which have none between wildcards, search the words of `search_grams` (' 防晒 ' is padded,
 * so it does). Both mean "the term is inside a word of title, brand, tags or spec values".
 */
export function termMatches(term: string): RawBuilder<boolean> {
  return Array.from(term).length >= 3
    ? sql<boolean>`p.search_text like ${`%${likeLiteral(term)}%`}`
    : sql<boolean>`p.search_grams like ${`% ${likeLiteral(term)} %`}`;
}

/**
 * One keyset page of matching products in the sort's order, ties by id in the sort's
 * direction (as the catalog list), plus the next page's cursor. The sort key is computed in
 * a subquery that PostgreSQL flattens, so sales, price and newest still walk their indexes
 * (migration 0002) when that is cheaper than collecting the matches first.
 */
export async function searchProductPage(
  db: Executor,
  request: SearchPageRequest,
): Promise<{ rows: ProductSummaryRow[]; next: ProductCursor | null }> {
  const order = sortKey(request.sort, request.terms);
  let matches = db
    .selectFrom('products as p')
    .select([
      'p.id',
      'p.category_id',
      'p.title',
      'p.subtitle',
      'p.images',
      'p.tags',
      'p.sales',
      'p.from_price_fen',
      'p.from_original_price_fen',
      order.key.as('sort_key'),
    ]);
  for (const term of request.terms) matches = matches.where(termMatches(term));
  if (request.categoryId) matches = matches.where('p.category_id', '=', request.categoryId);
  if (request.minPriceFen !== undefined) matches = matches.where('p.from_price_fen', '>=', request.minPriceFen);
  if (request.maxPriceFen !== undefined) matches = matches.where('p.from_price_fen', '<=', request.maxPriceFen);

  let query = db.selectFrom(matches.as('m')).selectAll('m').select(sql<string>`m.sort_key::text`.as('cursor_key'));
  if (request.after) {
    const { key, id } = request.after;
    const comparison = sql.raw(order.direction === 'asc' ? '>' : '<');
    query = query.where(sql<boolean>`(m.sort_key, m.id) ${comparison} (cast(${key} as ${sql.raw(order.type)}), ${id})`);
  }
  // One extra row says whether a next page exists without counting.
  const rows = await query
    .orderBy('m.sort_key', order.direction)
    .orderBy('m.id', order.direction)
    .limit(request.pageSize + 1)
    .execute();
  const last = rows.length > request.pageSize ? rows[request.pageSize - 1] : undefined;
  const page = rows.slice(0, request.pageSize).map(({ cursor_key: _key, sort_key: _sort, ...row }) => row);
  return { rows: page, next: last ? { key: last.cursor_key, id: last.id } : null };
}

/** How many keywords a shopper's history keeps. */
export const HISTORY_SIZE = 10;

/** Puts `keyword` at the top of the shopper's history and forgets what falls off the end. */
export async function rememberKeyword(
  db: Executor,
  entry: { userId: string; keyword: string; at: Date },
): Promise<void> {
  await db
    .insertInto('search_history')
    .values({ user_id: entry.userId, keyword: entry.keyword, searched_at: entry.at })
    .onConflict((oc) => oc.columns(['user_id', 'keyword']).doUpdateSet({ searched_at: entry.at }))
    .execute();
  await db
    .deleteFrom('search_history')
    .where('user_id', '=', entry.userId)
    .where(
      'keyword',
      'not in',
      db
        .selectFrom('search_history')
        .select('keyword')
        .where('user_id', '=', entry.userId)
        .orderBy('searched_at', 'desc')
        .orderBy('keyword')
        .limit(HISTORY_SIZE),
    )
    .execute();
}

export async function listHistory(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('search_history')
    .select('keyword')
    .where('user_id', '=', userId)
    .orderBy('searched_at', 'desc')
    .orderBy('keyword')
    .limit(HISTORY_SIZE)
    .execute();
  return rows.map((row) => row.keyword);
}

export async function clearHistory(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('search_history').where('user_id', '=', userId).execute();
}

export async function recordSearchEvent(
  db: Executor,
  event: { keyword: string; userId: string | null; at: Date },
): Promise<void> {
  await db
    .insertInto('search_events')
    .values({ keyword: event.keyword, user_id: event.userId, searched_at: event.at })
    .execute();
}

/**
 * The keywords searched by the most shoppers since `since`: a signed-in shopper counts once
 * per keyword however often they search it (one person cannot push a word up), each
 * anonymous search counts once. Ties by keyword, so the list is stable.
 */
export async function topKeywords(db: Executor, since: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('search_events')
    .select('keyword')
    .where('searched_at', '>=', since)
    .groupBy('keyword')
    .orderBy(sql`count(distinct coalesce(user_id::text, 'anonymous:' || id::text))`, 'desc')
    .orderBy('keyword')
    .limit(limit)
    .execute();
  return rows.map((row) => row.keyword);
}
