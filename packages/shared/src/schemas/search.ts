import { z } from 'zod';
import { productPageSchema, productSortSchema } from './catalog';
import { cursorQuerySchema, fenSchema, textInputSchema } from './common';

/** A price bound in the query string, in fen. */
const fenQuerySchema = z.coerce.number().pipe(fenSchema);

/**
 * `GET /api/search/products`. `q` is the raw keyword; the API normalises it (normalizeKeyword)
 * and answers 400 KEYWORD_EMPTY when nothing is left. `sort=default` is 综合 (relevance mixed
 * with sales, see docs/performance.md); the others are the catalog's. Price bounds apply to
 * the from-price (the cheapest SKU), both inclusive; min above max is 400 PRICE_RANGE_INVALID.
 */
export const searchQuerySchema = cursorQuerySchema.extend({
  q: textInputSchema.max(100),
  sort: productSortSchema.default('default'),
  categoryId: textInputSchema.max(64).optional(),
  minPriceFen: fenQuerySchema.optional(),
  maxPriceFen: fenQuerySchema.optional(),
});
export type SearchQuery = z.input<typeof searchQuerySchema>;

/** A page of products plus the keyword as the API understood it (normalised). */
export const searchPageSchema = productPageSchema.extend({ keyword: z.string() });
export type SearchPage = z.infer<typeof searchPageSchema>;

/** The signed-in shopper's recent keywords, newest first, distinct, at most 10. */
export const searchHistorySchema = z.object({ keywords: z.array(z.string()) });
export type SearchHistory = z.infer<typeof searchHistorySchema>;

/**
 * Hot words: the most searched keywords of the last 7 days (`source: 'searches'`), or the
 * store's default list while there are none (`source: 'default'`).
 */
export const hotWordsSchema = z.object({
  keywords: z.array(z.string()),
  source: z.enum(['searches', 'default']),
});
export type HotWords = z.infer<typeof hotWordsSchema>;
