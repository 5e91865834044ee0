import { randomUUID } from 'node:crypto';
import type { PointsMallExchange } from '@wematrix/shared';
import type { Database } from '../db/database';
import type { Executor } from '../db/executor';
import { IdempotencyError } from '../modules/idempotency/idempotency.errors';
import { type IdempotentAnswer, runIdempotent } from '../modules/idempotency/idempotency.service';
import { PointsMallError } from '../modules/points-mall/points-mall.errors';
import {
  countExchanges,
  findItemState,
  insertExchange,
  takeItemStock,
} from '../modules/points-mall/points-mall.repository';
import { findTemplateValidity, insertUserCoupon } from '../modules/promotions/coupon.repository';
import { pointsBalance, spendPointsForExchange } from '../modules/promotions/points.repository';
import { claimedWindow } from '../modules/promotions/promotions.service';

const EXCHANGE_SCOPE = 'points_mall_exchange';

/**
 * Exchanges points for an item's coupon in one transaction (docs/member.md):
 * idempotency key claimed → one unit taken from the item (guarded update; the item row stays
 * locked, so exchanges of it queue) → the shopper's exchanges of it counted against the limit
 * → the coupon's window from its template → points spent through the ledger with the new
 * exchange's id as ref (balance guarded >= 0) → coupon and exchange inserted → the answer
 * stored with the key. Any refusal throws and rolls all of it back, the key included.
 */
export async function exchangePoints(
  db: Database,
  request: { userId: string; itemId: string; idempotencyKey: string; now: Date },
): Promise<IdempotentAnswer<PointsMallExchange>> {
  const { userId, itemId, now } = request;
  const outcome = await db.transaction().execute((trx) =>
    runIdempotent<PointsMallExchange>(
      trx,
      { userId, scope: EXCHANGE_SCOPE, key: request.idempotencyKey, request: { itemId }, now },
      async () => {
        const item = await takeItemStock(trx, itemId);
        if (!item) throw await refusal(trx, itemId);
        const exchanged = await countExchanges(trx, { itemId, userId });
        if (exchanged >= item.per_user_limit) {
          throw new PointsMallError('POINTS_MALL_LIMIT_REACHED', {
            message: `每人限兑 ${item.per_user_limit} 次`,
            details: { itemId, perUserLimit: item.per_user_limit },
          });
        }
        const template = await findTemplateValidity(trx, item.coupon_template_id);
        if (!template || (template.valid_until !== null && template.valid_until <= now)) {
          throw new PointsMallError('POINTS_MALL_ITEM_UNAVAILABLE', { details: { itemId } });
        }
        const exchangeId = randomUUID();
        const balance = await spendPointsForExchange(trx, { userId, points: item.points_cost, exchangeId, now });
        if (balance === null) {
          const have = await pointsBalance(trx, userId);
          throw new PointsMallError('POINTS_INSUFFICIENT', {
            message: `积分不足，需要 ${item.points_cost} 积分，当前 ${have} 积分`,
            details: { itemId, pointsCost: item.points_cost, balance: have },
          });
        }
        const { validFrom, validUntil } = claimedWindow(template, now);
        const userCouponId = await insertUserCoupon(trx, {
          templateId: item.coupon_template_id,
          userId,
          validFrom,
          validUntil,
          now,
        });
        await insertExchange(trx, { id: exchangeId, itemId, userId, points: item.points_cost, userCouponId, now });
        const body: PointsMallExchange = {
          exchangeId,
          itemId,
          pointsSpent: item.points_cost,
          userCouponId,
          balance,
        };
        return { resourceId: exchangeId, status: 201, body };
      },
    ),
  );
  if ('reused' in outcome) {
    throw new IdempotencyError('IDEMPOTENCY_KEY_REUSED', { details: { idempotencyKey: request.idempotencyKey } });
  }
  return outcome;
}

async function refusal(db: Executor, itemId: string): Promise<PointsMallError> {
  const state = await findItemState(db, itemId);
  if (!state) return new PointsMallError('POINTS_MALL_ITEM_NOT_FOUND', { details: { itemId } });
  if (!state.active) return new PointsMallError('POINTS_MALL_ITEM_UNAVAILABLE', { details: { itemId } });
  return new PointsMallError('POINTS_MALL_SOLD_OUT', { details: { itemId } });
}
