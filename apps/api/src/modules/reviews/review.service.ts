import { type MyReview, maskNickname, type Review } from '@wematrix/shared';
import { isUuid } from '../../db/uuid';
import type { UploadUrl } from '../uploads/upload-url';
import { ReviewError } from './review.errors';
import type { ProductReviewRow } from './review.repository';
import type { ReviewRow } from './review.table';

/** A review as the product page shows it: the author's nickname masked (小*). */
export function productReviewView(row: ProductReviewRow, uploadUrl: UploadUrl): Review {
  return {
    id: row.id,
    productId: row.product_id,
    skuId: row.sku_id,
    specText: row.spec_text,
    stars: row.stars,
    text: row.text,
    photos: row.photos.map(uploadUrl),
    nickname: maskNickname(row.nickname),
    createdAt: row.created_at.toISOString(),
  };
}

/** The shopper's own review, with whether an operator hid it. */
export function myReviewView(row: ReviewRow, nickname: string, uploadUrl: UploadUrl): MyReview {
  return { ...productReviewView({ ...row, nickname }, uploadUrl), hidden: row.hidden };
}

/** Opaque keyset cursor: base64url of "<created_at ISO>|<id>"; anything else is 400 CURSOR_INVALID. */
export function encodeReviewCursor(at: { createdAt: Date; id: string }): string {
  return Buffer.from(`${at.createdAt.toISOString()}|${at.id}`, 'utf8').toString('base64url');
}

export function decodeReviewCursor(cursor: string): { createdAt: Date; id: string } {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(createdAt ?? '');
  if (!id || !isUuid(id) || Number.isNaN(date.getTime())) throw new ReviewError('CURSOR_INVALID');
  return { createdAt: date, id };
}
