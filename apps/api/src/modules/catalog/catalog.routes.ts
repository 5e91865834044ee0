import { type Category, type ProductDetail, type ProductPage, productListQuerySchema } from '@wematrix/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../../http/validate';
import type { RouteDeps } from '../../route-deps';
import { CatalogError } from './catalog.errors';
import { findProduct, listCategoriesWithCounts, listProducts, listSkusOfProduct } from './catalog.repository';
import { categoryRowToCategory, productRowToSummary, productToDetail } from './catalog.service';

const productParamsSchema = z.object({ id: z.string().min(1).max(64) });

export function registerCatalogRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, assetUrl } = deps;

  app.get('/api/categories', async (): Promise<Category[]> => {
    return (await listCategoriesWithCounts(db)).map((row) => categoryRowToCategory(row, assetUrl));
  });

  app.get('/api/products', async (request): Promise<ProductPage> => {
    const query = parseInput(productListQuerySchema, request.query, 'query');
    const { rows, total } = await listProducts(db, {
      page: query.page,
      pageSize: query.pageSize,
      categoryId: query.categoryId || undefined,
      q: query.q || undefined,
      sort: query.sort,
    });
    return {
      items: rows.map((row) => productRowToSummary(row, assetUrl)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  });

  app.get('/api/products/:id', async (request): Promise<ProductDetail> => {
    const { id } = parseInput(productParamsSchema, request.params, 'params');
    const product = await findProduct(db, id);
    const skus = product ? await listSkusOfProduct(db, id) : [];
    if (!product || skus.length === 0) {
      throw new CatalogError('PRODUCT_NOT_FOUND', { messageEn: `Product ${id} not found`, details: { productId: id } });
    }
    return productToDetail(product, skus, assetUrl);
  });
}
