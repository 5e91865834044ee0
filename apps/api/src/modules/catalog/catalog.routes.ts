import {
  type Category,
  idSchema,
  type ProductDetail,
  type ProductPage,
  productListQuerySchema,
} from '@wematrix/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { replyCached } from '../../http/cached-reply';
import { parseInput } from '../../http/validate';
import type { RouteDeps } from '../../route-deps';
import { CatalogError } from './catalog.errors';
import {
  countProducts,
  findProduct,
  listCategoriesWithCounts,
  listProductPage,
  listSkusOfProduct,
} from './catalog.repository';
import { categoryRowToCategory, productRowToSummary, productToDetail } from './catalog.service';
import { decodeProductCursor, encodeProductCursor } from './product-cursor';

const productParamsSchema = z.object({ id: idSchema });

/**
 * Public catalog reads. Each answer is cached briefly by its normalized query (see
 * response-cache.ts) and carries an ETag; catalog writes invalidate the cache.
 */
export function registerCatalogRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, assetUrl, catalogCache } = deps;

  app.get('/api/categories', async (request, reply) => {
    const cached = await catalogCache.get('categories', async (): Promise<Category[]> => {
      return (await listCategoriesWithCounts(db)).map((row) => categoryRowToCategory(row, assetUrl));
    });
    return replyCached(request, reply, cached);
  });

  app.get('/api/products', async (request, reply) => {
    const query = parseInput(productListQuerySchema, request.query, 'query');
    const filter = { categoryId: query.categoryId || undefined, q: query.q || undefined };
    const after = query.cursor ? decodeProductCursor(query.sort, query.cursor) : undefined;
    // The parsed query is the key, so `?sort=default` and `?` share one entry.
    const key = `products:${JSON.stringify(query)}`;
    const cached = await catalogCache.get(key, async (): Promise<ProductPage> => {
      const [{ rows, next }, total] = await Promise.all([
        listProductPage(db, { ...filter, sort: query.sort, pageSize: query.pageSize, after }),
        query.withTotal ? countProducts(db, filter) : undefined,
      ]);
      const page: ProductPage = {
        items: rows.map((row) => productRowToSummary(row, assetUrl)),
        nextCursor: next ? encodeProductCursor(query.sort, next) : null,
      };
      if (total !== undefined) page.total = total;
      return page;
    });
    return replyCached(request, reply, cached);
  });

  app.get('/api/products/:id', async (request, reply) => {
    const { id } = parseInput(productParamsSchema, request.params, 'params');
    const cached = await catalogCache.get(`product:${id}`, async (): Promise<ProductDetail> => {
      const [product, skus] = await Promise.all([findProduct(db, id), listSkusOfProduct(db, id)]);
      if (!product || skus.length === 0) {
        throw new CatalogError('PRODUCT_NOT_FOUND', {
          messageEn: `Product ${id} not found`,
          details: { productId: id },
        });
      }
      return productToDetail(product, skus, assetUrl);
    });
    return replyCached(request, reply, cached);
  });
}
