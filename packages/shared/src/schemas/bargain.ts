import { z } from 'zod';
import { fenSchema, idSchema } from './common';

export const bargainStatusSchema = z.enum(['open', 'floor_reached', 'ordered', 'bought', 'refunded', 'expired']);

/** One 砍价 activity as the campaign app shows it (GET /api/bargains/activities, /api/bargain-activities/:id). */
export const bargainActivitySchema = z.object({
  id: z.string(),
  campaignId: z.string().nullable(),
  productId: z.string(),
  skuId: z.string(),
  title: z.string(),
  productTitle: z.string(),
  specText: z.string(),
  imageUrl: z.string(),
  /** Where every bargain starts: the SKU's price. */
  priceFen: fenSchema,
  floorPriceFen: fenSchema,
  windowHours: z.number().int().positive(),
  helpsTarget: z.number().int().positive(),
  perUserLimit: z.number().int().positive(),
  /** Helpers get a coupon for helping (a real action), when the activity has one. */
  helperRewardCouponTemplateId: z.string().nullable(),
  startsAt: z.string().datetime(),
  endsAt: z.string().datetime(),
});
export type BargainActivity = z.infer<typeof bargainActivitySchema>;

export const bargainActivitiesSchema = z.object({
  serverTime: z.string().datetime(),
  activities: z.array(bargainActivitySchema),
});
export type BargainActivities = z.infer<typeof bargainActivitiesSchema>;

/** GET /api/bargain-activities/:id: the activity, and the caller's live bargain in it if signed in. */
export const bargainActivityDetailSchema = z.object({
  serverTime: z.string().datetime(),
  activity: bargainActivitySchema,
  myBargainId: z.string().uuid().nullable(),
});
export type BargainActivityDetail = z.infer<typeof bargainActivityDetailSchema>;

export const bargainHelperSchema = z.object({
  nickname: z.string(),
  avatarUrl: z.string().nullable(),
  cutFen: fenSchema,
  isNewUser: z.boolean(),
  helpedAt: z.string().datetime(),
});
export type BargainHelper = z.infer<typeof bargainHelperSchema>;

export const bargainHelpRefusalSchema = z.enum([
  'not_signed_in',
  'own',
  'expired',
  'ordered',
  'already_helped',
  'floor_reached',
]);

/** GET /api/bargains/:id: everything the bargain page shows, on the server's clock. */
export const bargainSchema = z.object({
  id: z.string().uuid(),
  activity: bargainActivitySchema,
  owner: z.object({ nickname: z.string(), avatarUrl: z.string().nullable() }),
  isOwner: z.boolean(),
  startPriceFen: fenSchema,
  currentPriceFen: fenSchema,
  floorPriceFen: fenSchema,
  /** Already cut: start − current. */
  cutFen: fenSchema,
  helpsDone: z.number().int().nonnegative(),
  helpsTarget: z.number().int().positive(),
  status: bargainStatusSchema,
  expiresAt: z.string().datetime(),
  countdownSeconds: z.number().int().nonnegative(),
  serverTime: z.string().datetime(),
  /** The owner's order once bought or ordered (owner only; null for others). */
  orderId: z.string().uuid().nullable(),
  helpers: z.array(bargainHelperSchema),
  canHelp: z.boolean(),
  cannotHelpReason: bargainHelpRefusalSchema.nullable(),
});
export type Bargain = z.infer<typeof bargainSchema>;

/** 201 of POST /api/bargain-activities/:id/start (200 with the same shape when one is already live). */
export const bargainStartedSchema = z.object({
  bargainId: z.string().uuid(),
  startPriceFen: fenSchema,
  expiresAt: z.string().datetime(),
});
export type BargainStarted = z.infer<typeof bargainStartedSchema>;

/** 201 of POST /api/bargains/:id/help: what this helper cut, and the reward coupon if one was issued. */
export const bargainHelpResultSchema = z.object({
  cutFen: fenSchema,
  isNewUser: z.boolean(),
  currentPriceFen: fenSchema,
  helpsDone: z.number().int().positive(),
  floorReached: z.boolean(),
  rewardUserCouponId: z.string().uuid().nullable(),
});
export type BargainHelpResult = z.infer<typeof bargainHelpResultSchema>;

export const bargainIdParamsSchema = z.object({ id: idSchema });
