import { reviewRewardPoints, type submitReviewsRequestSchema } from '@wematrix/shared';
import type { z } from 'zod';
import type { Database } from '../db/database';
import { isUuid } from '../db/uuid';
import { listOrderLines, lockShopperOrderForShare } from '../modules/orders/order.repository';
import { grantPoints } from '../modules/promotions/points.repository';
import { ReviewError } from '../modules/reviews/review.errors';
import { insertReviews } from '../modules/reviews/review.repository';
import type { ReviewRow } from '../modules/reviews/review.table';
import { ownUploadKeys } from '../modules/uploads/upload.repository';

export type SubmitReviewsInput = z.output<typeof submitReviewsRequestSchema>;

/**
 * A shopper reviews lines of a completed order, in one transaction: the order is theirs
 * (404 otherwise) and 已完成, held FOR SHARE so an after-sale cannot start under the review;
 * each skuId a line of it; photos their own uploads; each line reviewed once (a line reviewed
 * before refuses the whole request, nothing saved). Each new review earns the same points,
 * whatever its stars (reviewRewardPoints: rewarding only praise is illegal), once per review
 * (ledger ref `review:<id>`).
 */
export async function submitReviews(
  db: Database,
  request: { userId: string; orderId: string; input: SubmitReviewsInput; pointsPerReview: number; now: Date },
): Promise<{ rows: ReviewRow[]; pointsGranted: number }> {
  const { userId, orderId, input, now } = request;
  if (!isUuid(orderId)) throw new ReviewError('ORDER_NOT_FOUND', { details: { id: orderId } });
  return db.transaction().execute(async (trx) => {
    const order = await lockShopperOrderForShare(trx, { userId, orderId });
    if (!order) throw new ReviewError('ORDER_NOT_FOUND', { details: { id: orderId } });
    if (order.status !== 'completed') {
      throw new ReviewError('REVIEW_NOT_ALLOWED', { details: { id: orderId, status: order.status } });
    }
    const lineBySku = new Map((await listOrderLines(trx, [order.id])).map((line) => [line.sku_id, line]));
    const values = [];
    for (const review of input.lines) {
      const line = lineBySku.get(review.skuId);
      if (!line) throw new ReviewError('REVIEW_LINE_NOT_FOUND', { details: { skuId: review.skuId } });
      const photos = await ownUploadKeys(trx, { userId, ids: review.photos });
      if (!photos) throw new ReviewError('UPLOAD_NOT_FOUND', { details: { skuId: review.skuId } });
      values.push({
        order_id: order.id,
        user_id: userId,
        product_id: line.product_id,
        sku_id: line.sku_id,
        spec_text: line.spec_text,
        stars: review.stars,
        text: review.text,
        photos,
        created_at: now,
      });
    }
    const rows = await insertReviews(trx, values);
    if (rows.length < values.length) {
      const stored = new Set(rows.map((row) => row.sku_id));
      throw new ReviewError('REVIEW_ALREADY_EXISTS', {
        details: { skuIds: values.filter((v) => !stored.has(v.sku_id)).map((v) => v.sku_id) },
      });
    }
    const points = reviewRewardPoints({ pointsPerReview: request.pointsPerReview });
    let pointsGranted = 0;
    if (points > 0) {
      for (const row of rows) {
        if (await grantPoints(trx, { userId, points, reason: 'grant', ref: `review:${row.id}`, now })) {
          pointsGranted += points;
        }
      }
    }
    const position = new Map(input.lines.map((line, index) => [line.skuId, index]));
    rows.sort((a, b) => (position.get(a.sku_id) ?? 0) - (position.get(b.sku_id) ?? 0));
    return { rows, pointsGranted };
  });
}
