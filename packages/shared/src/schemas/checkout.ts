import { z } from 'zod';
import { COUPON_KINDS } from '../domain/checkout/coupon';
import { PRICING_PROBLEM_CODES } from '../domain/checkout/pricing-problem';
import { fenSchema, idSchema, textInputSchema } from './common';
import { MAX_LINE_QUANTITY } from './limits';

export const couponKindSchema = z.enum(COUPON_KINDS);

/** The rule of a coupon as a shopper reads it (shared by templates and claimed coupons). */
const couponRuleShape = {
  title: z.string(),
  kind: couponKindSchema,
  thresholdFen: fenSchema,
  amountFen: fenSchema,
  /** 1000 = 10% off ("9折"); 0 unless kind is percent. */
  percentOffBps: z.number().int().min(0).max(9999),
  capFen: fenSchema.nullable(),
  newUserOnly: z.boolean(),
  /** null: the whole shop (店铺券); otherwise the categories it applies to (品类券). */
  categoryIds: z.array(z.string()).nullable(),
};

/** A coupon a shopper can claim (领券中心). */
export const claimableCouponSchema = z.object({
  templateId: z.string(),
  ...couponRuleShape,
  /** Either a fixed window end, or a number of days from claiming. */
  validUntil: z.string().nullable(),
  validDays: z.number().int().positive().nullable(),
  remaining: z.number().int().nonnegative(),
  perUserLimit: z.number().int().positive(),
  claimedByMe: z.number().int().nonnegative(),
});
export type ClaimableCoupon = z.infer<typeof claimableCouponSchema>;
export const claimableCouponsSchema = z.object({ items: z.array(claimableCouponSchema) });

/** 'expired' is derived: an unused coupon past its window. */
export const userCouponStatusSchema = z.enum(['available', 'used', 'expired']);
export type UserCouponStatus = z.infer<typeof userCouponStatusSchema>;

export const userCouponSchema = z.object({
  id: z.string(),
  templateId: z.string(),
  ...couponRuleShape,
  validFrom: z.string(),
  validUntil: z.string(),
  status: userCouponStatusSchema,
  orderId: z.string().nullable(),
  usedAt: z.string().nullable(),
});
export type UserCoupon = z.infer<typeof userCouponSchema>;
export const userCouponsSchema = z.object({ items: z.array(userCouponSchema) });
export const userCouponsQuerySchema = z.object({ status: userCouponStatusSchema.default('available') });

export const pointsReasonSchema = z.enum(['order_spend', 'order_refund', 'grant', 'mall_exchange']);
export const pointsEntrySchema = z.object({
  id: z.string(),
  /** Positive when earned or returned, negative when spent. */
  delta: z.number().int(),
  reason: pointsReasonSchema,
  ref: z.string(),
  createdAt: z.string(),
});
export type PointsEntry = z.infer<typeof pointsEntrySchema>;
export const pointsSchema = z.object({
  balance: z.number().int().nonnegative(),
  /** How many fen one point pays, so the apps can say "100 积分 = ¥1". */
  fenPerPoint: z.number().int().positive(),
  history: z.array(pointsEntrySchema),
  nextCursor: z.string().nullable(),
});
export type Points = z.infer<typeof pointsSchema>;

/** Settings kept in the database (pricing_settings), parsed on read. */
export const shippingRuleSchema = z.object({
  freeThresholdFen: fenSchema,
  baseFeeFen: fenSchema,
  remoteSurchargeFen: fenSchema,
  remoteProvinces: z.array(z.object({ code: z.string().regex(/^[0-9]{6}$/), name: z.string().min(1) })),
});
export const pointsRuleSchema = z.object({
  fenPerPoint: z.number().int().positive(),
  maxShareBps: z.number().int().min(0).max(10_000),
});

export const checkoutLineInputSchema = z.object({
  skuId: idSchema,
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
});

/**
 * Price a basket before ordering. Without `lines`, the selected lines of the shopper's cart.
 * `region` (from the chosen address) decides the remote-region surcharge.
 */
export const checkoutPreviewRequestSchema = z.object({
  lines: z.array(checkoutLineInputSchema).min(1).max(50).optional(),
  region: z
    .object({
      province: textInputSchema.max(40).optional(),
      regionCode: textInputSchema.regex(/^[0-9]{6}$/).optional(),
    })
    .optional(),
  userCouponId: idSchema.nullable().optional(),
  points: z.number().int().min(0).max(100_000_000).default(0),
});
export type CheckoutPreviewRequest = z.input<typeof checkoutPreviewRequestSchema>;

export const quoteLineSchema = z.object({
  skuId: z.string(),
  productId: z.string(),
  title: z.string(),
  specText: z.string(),
  imageUrl: z.string(),
  quantity: z.number().int().positive(),
  unitPriceFen: fenSchema,
  subtotalFen: fenSchema,
  couponShareFen: fenSchema,
  pointsShareFen: fenSchema,
  payFen: fenSchema,
});

export const orderQuoteSchema = z.object({
  subtotalFen: fenSchema,
  couponDiscountFen: fenSchema,
  shippingFeeFen: fenSchema,
  pointsUsed: z.number().int().nonnegative(),
  pointsDiscountFen: fenSchema,
  totalFen: fenSchema,
  userCouponId: z.string().nullable(),
  maxUsablePoints: z.number().int().nonnegative(),
  lines: z.array(quoteLineSchema),
});
export type OrderQuoteView = z.infer<typeof orderQuoteSchema>;

/** One of the shopper's available coupons, judged against this basket. */
export const couponOptionSchema = z.object({
  coupon: userCouponSchema,
  usable: z.boolean(),
  /** What it would take off this basket; 0 when not usable. */
  discountFen: fenSchema,
  /** Why not, when not usable. */
  problem: z.enum(PRICING_PROBLEM_CODES).nullable(),
});

export const checkoutPreviewSchema = z.object({
  quote: orderQuoteSchema,
  coupons: z.array(couponOptionSchema),
  /** The usable coupon that takes the most off (earliest expiry on a tie), or null. */
  suggestedUserCouponId: z.string().nullable(),
  pointsBalance: z.number().int().nonnegative(),
  fenPerPoint: z.number().int().positive(),
});
export type CheckoutPreview = z.infer<typeof checkoutPreviewSchema>;
