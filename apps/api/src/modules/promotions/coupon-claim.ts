import type { Transaction } from 'kysely';
import type { DB } from '../../db/database';
import { countClaims, findTemplateState, insertUserCoupon, takeTemplateStock } from './coupon.repository';
import { PromotionError } from './promotions.errors';
import { claimedWindow } from './promotions.service';

/**
 * Claims one coupon of a template for a shopper, exact under concurrency on PostgreSQL:
 * 1. take one from stock (guarded relative update; this locks the template row, so every
 *    claim of the template waits here in turn and stock can never go below zero);
 * 2. count the shopper's claims of it: with the row locked, each claim's count is a fresh
 *    statement that sees every earlier claim committed, so the per-user limit is exact;
 * 3. insert the coupon. Any refusal throws, and the transaction undoes step 1.
 */
export async function claimCoupon(
  trx: Transaction<DB>,
  { templateId, userId, now }: { templateId: string; userId: string; now: Date },
): Promise<string> {
  const template = await takeTemplateStock(trx, { templateId, now });
  if (!template) throw await refusal(trx, templateId, now);
  const claimed = await countClaims(trx, { templateId, userId });
  if (claimed >= template.per_user_limit) {
    throw new PromotionError('COUPON_CLAIM_LIMIT', {
      message: `每人限领 ${template.per_user_limit} 张`,
      details: { templateId, perUserLimit: template.per_user_limit },
    });
  }
  const { validFrom, validUntil } = claimedWindow(template, now);
  return insertUserCoupon(trx, { templateId, userId, validFrom, validUntil, now });
}

async function refusal(trx: Transaction<DB>, templateId: string, now: Date): Promise<PromotionError> {
  const state = await findTemplateState(trx, templateId);
  if (!state) return new PromotionError('COUPON_TEMPLATE_NOT_FOUND', { details: { templateId } });
  const open =
    state.claim_starts_at <= now &&
    state.claim_ends_at > now &&
    (state.valid_until === null || state.valid_until > now);
  if (!open) return new PromotionError('COUPON_NOT_CLAIMABLE', { details: { templateId } });
  return new PromotionError('COUPON_SOLD_OUT', { details: { templateId } });
}
