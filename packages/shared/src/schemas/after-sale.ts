import { z } from 'zod';
import {
  AFTER_SALE_KINDS,
  AFTER_SALE_REASONS,
  AFTER_SALE_STATUSES,
  MAX_AFTER_SALE_PHOTOS,
} from '../domain/after-sale/after-sale-rules';
import { cursorPageOf, cursorQuerySchema, fenSchema, idSchema, textInputSchema } from './common';
import { orderStatusSchema } from './order';

export const afterSaleKindSchema = z.enum(AFTER_SALE_KINDS);
export const afterSaleStatusSchema = z.enum(AFTER_SALE_STATUSES);
export const afterSaleReasonSchema = z.enum(AFTER_SALE_REASONS);

/**
 * `POST /api/orders/:id/after-sales`: a full refund of a 待发货 / 待收货 / 已完成 order of the
 * shopper. `photos` are ids from POST /api/uploads (the shopper's own, 0-9).
 */
export const createAfterSaleRequestSchema = z.object({
  kind: afterSaleKindSchema,
  reason: afterSaleReasonSchema,
  reasonText: textInputSchema.trim().max(200).default(''),
  photos: z
    .array(idSchema)
    .max(MAX_AFTER_SALE_PHOTOS)
    .default([])
    .refine((ids) => new Set(ids).size === ids.length, { message: 'each photo at most once' }),
});
export type CreateAfterSaleRequest = z.input<typeof createAfterSaleRequestSchema>;

/** One after-sale request, as the shopper and the operators see it. */
export const afterSaleSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  orderNo: z.string(),
  kind: afterSaleKindSchema,
  kindLabel: z.string(),
  status: afterSaleStatusSchema,
  statusLabel: z.string(),
  reason: afterSaleReasonSchema,
  reasonLabel: z.string(),
  reasonText: z.string(),
  /** Absolute URLs of the photos. */
  photos: z.array(z.string()),
  /** What is refunded when approved: everything the order's payment took. */
  refundFen: fenSchema,
  /** The order's state when the request was made; a refusal puts it back there. */
  orderStatusBefore: orderStatusSchema,
  /** The operator's words when refusing (or approving), else null. */
  operatorComment: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  refundedAt: z.string().nullable(),
});
export type AfterSale = z.infer<typeof afterSaleSchema>;

/** `GET /api/orders/:id/after-sales`: the order's requests, newest first. */
export const afterSaleListSchema = z.object({ items: z.array(afterSaleSchema) });
export type AfterSaleList = z.infer<typeof afterSaleListSchema>;

/** `GET /api/ops/after-sales?status=&cursor=&pageSize=` (operators): newest first. */
export const opsAfterSaleQuerySchema = cursorQuerySchema.extend({ status: afterSaleStatusSchema.optional() });
export const afterSalePageSchema = cursorPageOf(afterSaleSchema);
export type AfterSalePage = z.infer<typeof afterSalePageSchema>;

/** `POST /api/ops/after-sales/:id/approve` (optional comment) and `/refuse` (comment required). */
export const approveAfterSaleRequestSchema = z
  .object({ comment: textInputSchema.trim().max(200).optional() })
  .default({});
export const refuseAfterSaleRequestSchema = z.object({ comment: textInputSchema.trim().min(1).max(200) });
export type RefuseAfterSaleRequest = z.infer<typeof refuseAfterSaleRequestSchema>;
