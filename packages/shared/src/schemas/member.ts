import { z } from 'zod';
import { MEMBER_LEVELS } from '../domain/member/member-level';
import { fenSchema } from './common';

export const memberLevelSchema = z.enum(MEMBER_LEVELS);

/** `GET /api/me/member`: the level from the last 12 months' paid, not refunded spend. */
export const memberSchema = z.object({
  level: memberLevelSchema,
  label: z.string(),
  spendFen: fenSchema,
  nextLevel: memberLevelSchema.nullable(),
  nextLabel: z.string().nullable(),
  /** Fen still to spend for the next level; 0 at the top. */
  toNextFen: fenSchema,
  /** Integer percent 0-100 from this level's threshold to the next. */
  progressPercent: z.number().int().min(0).max(100),
  benefits: z.array(z.string()),
});
export type Member = z.infer<typeof memberSchema>;

/** One offer of the points mall (积分商城): N points for a coupon. */
export const pointsMallItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  pointsCost: z.number().int().positive(),
  /** The coupon template the exchange grants. */
  couponTemplateId: z.string(),
  remaining: z.number().int().nonnegative(),
  perUserLimit: z.number().int().positive(),
  /** How many of it the signed-in shopper has exchanged. */
  exchangedByMe: z.number().int().nonnegative(),
});
export type PointsMallItem = z.infer<typeof pointsMallItemSchema>;
export const pointsMallItemsSchema = z.object({ items: z.array(pointsMallItemSchema), balance: z.number().int() });
export type PointsMallItems = z.infer<typeof pointsMallItemsSchema>;

/** `POST /api/points-mall/items/:id/exchange` (with an Idempotency-Key header): 201. */
export const pointsMallExchangeSchema = z.object({
  exchangeId: z.string(),
  itemId: z.string(),
  pointsSpent: z.number().int().positive(),
  /** The coupon granted, now under 我的优惠券 可使用. */
  userCouponId: z.string(),
  /** The shopper's points after the exchange. */
  balance: z.number().int().nonnegative(),
});
export type PointsMallExchange = z.infer<typeof pointsMallExchangeSchema>;
