import {
  type HotWords,
  keywordTerms,
  normalizeKeyword,
  type SearchHistory,
  type SearchPage,
  searchQuerySchema,
} from '@wematrix/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { replyCached } from '../../http/cached-reply';
import { parseInput } from '../../http/validate';
import type { RouteDeps } from '../../route-deps';
import { currentUserId } from '../auth/auth.guard';
import { productRowToSummary } from '../catalog/catalog.service';
import { decodeProductCursor, encodeProductCursor } from '../catalog/product-cursor';
import { SearchError } from './search.errors';
import {
  clearHistory,
  listHistory,
  recordSearchEvent,
  rememberKeyword,
  searchProductPage,
  topKeywords,
} from './search.repository';
import { DEFAULT_HOT_WORDS, HOT_WORDS_LIMIT, hotWordsSince } from './search.service';

/**
 * Keyword search, the shopper's search history and hot words.
 *
 * Result pages are public and cached like catalog pages (by the normalised query, with an
 * ETag). Recording is per request and outside the cache: a first page (no cursor) puts the
 * keyword into the signed-in shopper's history, and, when it found products, counts towards
 * hot words, so a typo or a word the store does not sell never becomes a hot word.
 */
export function registerSearchRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, assetUrl, catalogCache, clock, requireUser } = deps;

  /** The shopper if a valid session came with the request; search itself is public. */
  async function optionalUserId(request: FastifyRequest, reply: FastifyReply): Promise<string | null> {
    if (!request.headers.authorization) return null;
    try {
      await requireUser.call(app, request, reply);
      return request.userId;
    } catch {
      // An expired token must not stop a search; it only goes unrecorded.
      return null;
    }
  }

  app.get('/api/search/products', async (request, reply) => {
    const query = parseInput(searchQuerySchema, request.query, 'query');
    const keyword = normalizeKeyword(query.q);
    if (keyword === '') throw new SearchError('KEYWORD_EMPTY', { details: { q: query.q } });
    const { minPriceFen, maxPriceFen } = query;
    if (minPriceFen !== undefined && maxPriceFen !== undefined && minPriceFen > maxPriceFen) {
      throw new SearchError('PRICE_RANGE_INVALID', { details: { minPriceFen, maxPriceFen } });
    }
    const after = query.cursor ? decodeProductCursor(query.sort, query.cursor) : undefined;
    const normalized = { ...query, q: keyword, categoryId: query.categoryId || undefined };
    const key = `search:${JSON.stringify(normalized)}`;
    const cached = await catalogCache.get(key, async (): Promise<SearchPage> => {
      const { rows, next } = await searchProductPage(db, {
        terms: keywordTerms(keyword),
        categoryId: normalized.categoryId,
        minPriceFen,
        maxPriceFen,
        sort: query.sort,
        pageSize: query.pageSize,
        after,
      });
      // `items` first: the recording below reads an empty page from the serialised body.
      return {
        items: rows.map((row) => productRowToSummary(row, assetUrl)),
        nextCursor: next ? encodeProductCursor(query.sort, next) : null,
        keyword,
      };
    });
    if (!query.cursor) {
      const userId = await optionalUserId(request, reply);
      const found = !cached.body.startsWith('{"items":[]');
      const at = clock();
      await db.transaction().execute(async (trx) => {
        if (userId) await rememberKeyword(trx, { userId, keyword, at });
        if (found) await recordSearchEvent(trx, { keyword, userId, at });
      });
    }
    return replyCached(request, reply, cached);
  });

  app.get('/api/search/history', { preHandler: requireUser }, async (request): Promise<SearchHistory> => {
    return { keywords: await listHistory(db, currentUserId(request)) };
  });

  app.delete('/api/search/history', { preHandler: requireUser }, async (request): Promise<SearchHistory> => {
    await clearHistory(db, currentUserId(request));
    return { keywords: [] };
  });

  app.get('/api/search/hot', async (request, reply) => {
    const cached = await catalogCache.get('search:hot', async (): Promise<HotWords> => {
      const keywords = await topKeywords(db, hotWordsSince(clock()), HOT_WORDS_LIMIT);
      return keywords.length > 0
        ? { keywords, source: 'searches' }
        : { keywords: [...DEFAULT_HOT_WORDS], source: 'default' };
    });
    return replyCached(request, reply, cached);
  });
}
