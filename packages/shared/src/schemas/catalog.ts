import { z } from 'zod';
import { cursorPageOf, cursorQuerySchema, fenSchema, queryFlagSchema, textInputSchema } from './common';

export const categorySchema = z.object({
  id: z.string(),
  name: z.string(),
  icon: z.string().nullable(),
  sort: z.number().int(),
  productCount: z.number().int(),
});
export type Category = z.infer<typeof categorySchema>;

/** One axis of the spec matrix, e.g. { name: '颜色', values: ['红', '蓝'] }. */
export const specGroupSchema = z.object({
  name: z.string(),
  values: z.array(z.string()).min(1),
});
export type SpecGroup = z.infer<typeof specGroupSchema>;

export const skuSchema = z.object({
  id: z.string(),
  /** Values in the order of the product's specGroups. */
  specValues: z.array(z.string()),
  priceFen: fenSchema,
  /** Crossed-out reference price; null when there is none. */
  originalPriceFen: fenSchema.nullable(),
  stock: z.number().int().nonnegative(),
  imageUrl: z.string().nullable(),
});
export type Sku = z.infer<typeof skuSchema>;

export const productSummarySchema = z.object({
  id: z.string(),
  categoryId: z.string(),
  title: z.string(),
  subtitle: z.string(),
  imageUrl: z.string(),
  /** Lowest SKU price. */
  priceFen: fenSchema,
  originalPriceFen: fenSchema.nullable(),
  sales: z.number().int().nonnegative(),
  tags: z.array(z.string()),
});
export type ProductSummary = z.infer<typeof productSummarySchema>;

export const productDetailSchema = productSummarySchema.extend({
  images: z.array(z.string()).min(1),
  description: z.string(),
  specGroups: z.array(specGroupSchema),
  skus: z.array(skuSchema).min(1),
});
export type ProductDetail = z.infer<typeof productDetailSchema>;

export const productSortSchema = z.enum(['default', 'sales', 'price_asc', 'price_desc', 'newest']);
export type ProductSort = z.infer<typeof productSortSchema>;

export const productListQuerySchema = cursorQuerySchema.extend({
  categoryId: textInputSchema.max(64).optional(),
  q: textInputSchema.trim().max(50).optional(),
  sort: productSortSchema.default('default'),
  /** Also count every match (the UI shows category counts from /categories instead). */
  withTotal: queryFlagSchema,
});
export type ProductListQuery = z.input<typeof productListQuerySchema>;

export const productPageSchema = cursorPageOf(productSummarySchema);
export type ProductPage = z.infer<typeof productPageSchema>;
