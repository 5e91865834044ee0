import {
  type ClaimableCoupon,
  formatFen,
  type PricingCoupon,
  type PricingProblem,
  type UserCoupon,
  type UserCouponStatus,
} from '@wematrix/shared';
import type { ClaimableTemplateRow, UserCouponRow } from './coupon.repository';
import { PromotionError } from './promotions.errors';

const DAY_MS = 24 * 3600 * 1000;

/** 'expired' is derived: an unused coupon whose window is over at `now`. */
export function userCouponStatus(row: Pick<UserCouponRow, 'status' | 'valid_until'>, now: Date): UserCouponStatus {
  if (row.status === 'used') return 'used';
  return row.valid_until.getTime() <= now.getTime() ? 'expired' : 'available';
}

export function userCouponRowToPricing(row: UserCouponRow, now: Date): PricingCoupon {
  return {
    userCouponId: row.id,
    kind: row.kind,
    title: row.title,
    thresholdFen: row.threshold_fen,
    amountFen: row.amount_fen,
    percentOffBps: row.percent_off_bps,
    capFen: row.cap_fen,
    newUserOnly: row.new_user_only,
    categoryIds: row.category_ids,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    status: userCouponStatus(row, now),
  };
}

export function userCouponRowToView(row: UserCouponRow, now: Date): UserCoupon {
  return {
    id: row.id,
    templateId: row.template_id,
    title: row.title,
    kind: row.kind,
    thresholdFen: row.threshold_fen,
    amountFen: row.amount_fen,
    percentOffBps: row.percent_off_bps,
    capFen: row.cap_fen,
    newUserOnly: row.new_user_only,
    categoryIds: row.category_ids,
    validFrom: row.valid_from.toISOString(),
    validUntil: row.valid_until.toISOString(),
    status: userCouponStatus(row, now),
    orderId: row.order_id,
    usedAt: row.used_at ? row.used_at.toISOString() : null,
  };
}

export function claimableRowToView(row: ClaimableTemplateRow): ClaimableCoupon {
  return {
    templateId: row.id,
    title: row.title,
    kind: row.kind,
    thresholdFen: row.threshold_fen,
    amountFen: row.amount_fen,
    percentOffBps: row.percent_off_bps,
    capFen: row.cap_fen,
    newUserOnly: row.new_user_only,
    categoryIds: row.category_ids,
    validUntil: row.valid_until ? row.valid_until.toISOString() : null,
    validDays: row.valid_days,
    remaining: row.remaining,
    perUserLimit: row.per_user_limit,
    claimedByMe: row.claimed_by_me,
  };
}

/**
 * The window a newly claimed coupon gets: the template's fixed window (from the claim if it
 * has no start), or `valid_days` days from the claim.
 */
export function claimedWindow(
  template: { valid_from: Date | null; valid_until: Date | null; valid_days: number | null },
  now: Date,
): { validFrom: Date; validUntil: Date } {
  if (template.valid_until) return { validFrom: template.valid_from ?? now, validUntil: template.valid_until };
  return { validFrom: now, validUntil: new Date(now.getTime() + (template.valid_days ?? 0) * DAY_MS) };
}

/** The 4xx for a priceOrder problem, with its figures in `details`. */
export function problemError(problem: PricingProblem): PromotionError {
  switch (problem.code) {
    case 'COUPON_BELOW_THRESHOLD':
      return new PromotionError(problem.code, {
        message: `还差 ${formatFen(problem.shortByFen)} 可用该优惠券`,
        details: problem,
      });
    case 'POINTS_OVER_BALANCE':
      return new PromotionError(problem.code, { message: `积分不足，当前 ${problem.balance} 积分`, details: problem });
    case 'POINTS_OVER_CAP':
      return new PromotionError(problem.code, { message: `本单最多可用 ${problem.maxPoints} 积分`, details: problem });
    default:
      return new PromotionError(problem.code, { details: problem });
  }
}
