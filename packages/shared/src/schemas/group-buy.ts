import { z } from 'zod';
import { fenSchema, idSchema, textInputSchema } from './common';

export const groupBuyActivityStatusSchema = z.enum(['upcoming', 'live', 'ended', 'disabled']);
export const groupBuyGroupStatusSchema = z.enum(['forming', 'succeeded', 'failed']);

/** One price step of 阶梯折扣: a group of `size` or more pays `priceFen` a unit. */
export const groupBuyTierSchema = z.object({
  size: z.number().int().min(2).max(5),
  priceFen: fenSchema,
});
export type GroupBuyTier = z.infer<typeof groupBuyTierSchema>;

/** A 拼团 activity as lists show it; status decided at the server's time. */
export const groupBuyActivitySchema = z.object({
  id: z.string(),
  campaignId: z.string().nullable(),
  productId: z.string(),
  skuId: z.string(),
  title: z.string(),
  productTitle: z.string(),
  imageUrl: z.string().nullable(),
  /** The SKU's own price, to show the saving. */
  skuPriceFen: fenSchema,
  groupSize: z.number().int().min(2).max(5),
  /** What a group of `groupSize` pays a unit (the tier for that size). */
  groupPriceFen: fenSchema,
  tiers: z.array(groupBuyTierSchema),
  /** 团长免单: the leader's payment comes back once the group succeeds. */
  leaderFree: z.boolean(),
  windowHours: z.number().int().positive(),
  perUserLimit: z.number().int().positive(),
  newUserOnly: z.boolean(),
  startsAt: z.string().datetime(),
  endsAt: z.string().datetime(),
  status: groupBuyActivityStatusSchema,
});
export type GroupBuyActivity = z.infer<typeof groupBuyActivitySchema>;

/** `GET /api/group-buys`: live activities and the server's clock. */
export const groupBuyActivityListSchema = z.object({
  serverTime: z.string().datetime(),
  items: z.array(groupBuyActivitySchema),
});
export type GroupBuyActivityList = z.infer<typeof groupBuyActivityListSchema>;

/** A group others can join (the leader has paid, seats left, before its deadline). */
export const groupBuyOpenGroupSchema = z.object({
  id: z.string().uuid(),
  leaderNickname: z.string(),
  leaderAvatarUrl: z.string().nullable(),
  size: z.number().int(),
  seatsLeft: z.number().int().nonnegative(),
  expiresAt: z.string().datetime(),
  /** Whole seconds to expiresAt on the server's clock, rounded up. */
  countdownSeconds: z.number().int().nonnegative(),
});
export type GroupBuyOpenGroup = z.infer<typeof groupBuyOpenGroupSchema>;

/** `GET /api/group-buys/:activityId`. */
export const groupBuyActivityDetailSchema = z.object({
  serverTime: z.string().datetime(),
  activity: groupBuyActivitySchema,
  openGroups: z.array(groupBuyOpenGroupSchema),
});
export type GroupBuyActivityDetail = z.infer<typeof groupBuyActivityDetailSchema>;

export const groupBuyMemberStatusSchema = z.enum(['reserved', 'paid', 'released', 'refunded']);

/** Why the caller may not join a group (null: they may). */
export const groupBuyJoinRefusalSchema = z.enum([
  'sign_in',
  'expired',
  'not_open',
  'own_group',
  'already_member',
  'full',
  'limit_reached',
  'new_users_only',
]);

/** `GET /api/group-buys/groups/:groupId`: the group page, polled every few seconds. */
export const groupBuyGroupSchema = z.object({
  serverTime: z.string().datetime(),
  id: z.string().uuid(),
  activity: groupBuyActivitySchema,
  status: groupBuyGroupStatusSchema,
  size: z.number().int(),
  unitPriceFen: fenSchema,
  seatsLeft: z.number().int().nonnegative(),
  expiresAt: z.string().datetime(),
  countdownSeconds: z.number().int().nonnegative(),
  /** Seats held now (reserved or paid), seat 1 the leader. */
  members: z.array(
    z.object({
      seatNo: z.number().int().positive(),
      nickname: z.string(),
      avatarUrl: z.string().nullable(),
      isLeader: z.boolean(),
      paid: z.boolean(),
    }),
  ),
  canJoin: z.boolean(),
  joinRefusal: groupBuyJoinRefusalSchema.nullable(),
});
export type GroupBuyGroup = z.infer<typeof groupBuyGroupSchema>;

/** `GET /api/group-buys/mine`: the caller's seats, newest first, to find their group pages. */
export const myGroupBuysSchema = z.object({
  serverTime: z.string().datetime(),
  items: z.array(
    z.object({
      memberId: z.string().uuid(),
      groupId: z.string().uuid(),
      activityId: z.string(),
      title: z.string(),
      seatNo: z.number().int().positive(),
      memberStatus: groupBuyMemberStatusSchema,
      groupStatus: groupBuyGroupStatusSchema,
      orderId: z.string().uuid().nullable(),
      expiresAt: z.string().datetime(),
    }),
  ),
});
export type MyGroupBuys = z.infer<typeof myGroupBuysSchema>;

/**
 * `POST /api/ops/group-buys` (operators, until the console): an activity checked on save by
 * groupBuyActivityProblems; refused with every reason (422 GROUP_BUY_RULES_BROKEN).
 */
export const groupBuyCreateRequestSchema = z.object({
  id: idSchema,
  campaignId: idSchema.nullable().optional(),
  skuId: idSchema,
  title: textInputSchema.min(1).max(60),
  groupSize: z.number().int(),
  tiers: z.array(z.object({ size: z.number().int(), priceFen: z.number().int() })).max(10),
  leaderFree: z.boolean().default(false),
  windowHours: z.number().int(),
  perUserLimit: z.number().int().default(1),
  newUserOnly: z.boolean().default(false),
  startsAt: z.string().datetime(),
  endsAt: z.string().datetime(),
});
export type GroupBuyCreateRequest = z.input<typeof groupBuyCreateRequestSchema>;
