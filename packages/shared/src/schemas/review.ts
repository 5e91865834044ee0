import { z } from 'zod';
import { MAX_REVIEW_PHOTOS, MAX_REVIEW_STARS, MAX_REVIEW_TEXT, MIN_REVIEW_STARS } from '../domain/review/review-rules';
import { cursorQuerySchema, idSchema, textInputSchema } from './common';

export const reviewLineInputSchema = z.object({
  skuId: idSchema,
  stars: z.number().int().min(MIN_REVIEW_STARS).max(MAX_REVIEW_STARS),
  text: textInputSchema.trim().max(MAX_REVIEW_TEXT).default(''),
  /** Ids from POST /api/uploads (the shopper's own). */
  photos: z
    .array(idSchema)
    .max(MAX_REVIEW_PHOTOS)
    .default([])
    .refine((ids) => new Set(ids).size === ids.length, { message: 'each photo at most once' }),
});

/** `POST /api/orders/:id/reviews`: reviews of some or all lines of a completed order, each once. */
export const submitReviewsRequestSchema = z.object({
  lines: z
    .array(reviewLineInputSchema)
    .min(1)
    .max(50)
    .refine((lines) => new Set(lines.map((l) => l.skuId)).size === lines.length, {
      message: 'each SKU at most once',
    }),
});
export type SubmitReviewsRequest = z.input<typeof submitReviewsRequestSchema>;

/** A review as anyone sees it on the product page: the nickname masked (小*). */
export const reviewSchema = z.object({
  id: z.string(),
  productId: z.string(),
  skuId: z.string(),
  specText: z.string(),
  stars: z.number().int().min(MIN_REVIEW_STARS).max(MAX_REVIEW_STARS),
  text: z.string(),
  /** Absolute URLs. */
  photos: z.array(z.string()),
  nickname: z.string(),
  createdAt: z.string(),
});
export type Review = z.infer<typeof reviewSchema>;

/** The shopper's own review: also whether an operator hid it. */
export const myReviewSchema = reviewSchema.extend({ hidden: z.boolean() });
export type MyReview = z.infer<typeof myReviewSchema>;

/** Answer of POST /api/orders/:id/reviews (201) and GET /api/orders/:id/reviews (200). */
export const orderReviewsSchema = z.object({
  items: z.array(myReviewSchema),
  /** Points this request earned (0 on GET, and when rewards are off). */
  pointsGranted: z.number().int().nonnegative(),
});
export type OrderReviews = z.infer<typeof orderReviewsSchema>;

export const ratingSummarySchema = z.object({
  count: z.number().int().nonnegative(),
  /** One decimal; null before the first visible review. */
  averageStars: z.number().nullable(),
});

/** `GET /api/products/:id/reviews?cursor=&pageSize=`: visible reviews, newest first, and the rating. */
export const productReviewsQuerySchema = cursorQuerySchema;
export const productReviewPageSchema = z.object({
  items: z.array(reviewSchema),
  nextCursor: z.string().nullable(),
  summary: ratingSummarySchema,
});
export type ProductReviewPage = z.infer<typeof productReviewPageSchema>;

/** `POST /api/ops/reviews/:id/hide` (operators). */
export const hideReviewRequestSchema = z.object({ reason: textInputSchema.trim().min(1).max(200) });
export const hiddenReviewSchema = z.object({
  id: z.string(),
  productId: z.string(),
  hidden: z.literal(true),
  hiddenReason: z.string(),
  hiddenAt: z.string(),
});
export type HiddenReview = z.infer<typeof hiddenReviewSchema>;
