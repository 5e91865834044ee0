import { z } from 'zod';
import { LOTTERY_PRIZE_KINDS } from '../domain/lottery/lottery-rules';
import { campaignStatusSchema } from './campaign';
import { idSchema, textInputSchema } from './common';

export const lotteryPrizeKindSchema = z.enum(LOTTERY_PRIZE_KINDS);

/** One prize as shoppers see it: its odds shown (概率公示) and whether any is left (有 / 无), never the count. */
export const lotteryPrizeViewSchema = z.object({
  id: z.string(),
  kind: lotteryPrizeKindSchema,
  title: z.string(),
  image: z.string().nullable(),
  /** Parts per million: 1,000,000 is 100%. */
  probabilityPpm: z.number().int().min(0).max(1_000_000),
  /** The same odds as shown, e.g. "12.5%". */
  oddsPercent: z.string(),
  inStock: z.boolean(),
});
export type LotteryPrizeView = z.infer<typeof lotteryPrizeViewSchema>;

/** `GET /api/lotteries/:id`: the pool with its odds, the shopper's draws left today and the server's clock. */
export const lotteryViewSchema = z.object({
  id: z.string(),
  campaignId: z.string().nullable(),
  title: z.string(),
  startsAt: z.string().datetime(),
  endsAt: z.string().datetime(),
  status: campaignStatusSchema,
  dailyDraws: z.number().int().positive(),
  prizes: z.array(lotteryPrizeViewSchema),
  /** 谢谢参与: what the prizes leave of 100%. */
  missOddsPercent: z.string(),
  /** Draws the signed-in shopper has left today (Beijing day), extra draws included. */
  drawsLeftToday: z.number().int().nonnegative(),
  serverTime: z.string().datetime(),
});
export type LotteryView = z.infer<typeof lotteryViewSchema>;

/** `GET /api/lotteries?campaign=`: the query (a campaign of the list, optional). */
export const lotteryListQuerySchema = z.object({ campaign: idSchema.optional() });

/** One lottery not yet over, as `GET /api/lotteries` lists it (the campaign list's card finds its lottery). */
export const lotterySummarySchema = z.object({
  id: z.string(),
  campaignId: z.string().nullable(),
  title: z.string(),
  startsAt: z.string().datetime(),
  endsAt: z.string().datetime(),
  status: campaignStatusSchema,
});
export const lotteryListSchema = z.object({ items: z.array(lotterySummarySchema), serverTime: z.string().datetime() });
export type LotteryList = z.infer<typeof lotteryListSchema>;

export const lotteryDrawStatusSchema = z.enum(['miss', 'issued', 'unclaimed', 'claimed']);
export type LotteryDrawStatus = z.infer<typeof lotteryDrawStatusSchema>;

/** A prize won: the coupon or points are the shopper's at once; a product waits for an address (claim). */
export const lotteryWonPrizeSchema = z.object({
  id: z.string(),
  kind: lotteryPrizeKindSchema,
  title: z.string(),
  image: z.string().nullable(),
  points: z.number().int().positive().nullable(),
  userCouponId: z.string().uuid().nullable(),
  skuId: z.string().nullable(),
});
export type LotteryWonPrize = z.infer<typeof lotteryWonPrizeSchema>;

/** 201 of `POST /api/lotteries/:id/draw`: a prize, or null for 谢谢参与. */
export const lotteryDrawResultSchema = z.object({
  drawId: z.string().uuid(),
  status: lotteryDrawStatusSchema,
  prize: lotteryWonPrizeSchema.nullable(),
  drawsLeftToday: z.number().int().nonnegative(),
});
export type LotteryDrawResult = z.infer<typeof lotteryDrawResultSchema>;

/** One row of `GET /api/lotteries/:id/my-prizes` (newest first). */
export const lotteryMyPrizeSchema = z.object({
  drawId: z.string().uuid(),
  drawnAt: z.string().datetime(),
  status: z.enum(['issued', 'unclaimed', 'claimed']),
  orderId: z.string().uuid().nullable(),
  prize: lotteryWonPrizeSchema,
});
export type LotteryMyPrize = z.infer<typeof lotteryMyPrizeSchema>;

export const lotteryMyPrizesSchema = z.object({ items: z.array(lotteryMyPrizeSchema) });
export type LotteryMyPrizes = z.infer<typeof lotteryMyPrizesSchema>;

/**
 * `POST /api/ops/lotteries` (operators): a lottery and its pool in shown order. Shapes only
 * here; the rules (odds <= 100%, stock, the ¥50,000 cap, targets) answer 422
 * LOTTERY_POOL_INVALID with every reason in Chinese.
 */
export const lotteryCreateRequestSchema = z.object({
  id: idSchema,
  campaignId: idSchema.nullable().optional(),
  title: textInputSchema.min(1).max(60),
  dailyDraws: z.number().int(),
  maxExtraDrawsPerDay: z.number().int().optional(),
  startsAt: z.string().datetime(),
  endsAt: z.string().datetime(),
  prizes: z
    .array(
      z.object({
        id: idSchema,
        kind: lotteryPrizeKindSchema,
        title: textInputSchema.min(1).max(40),
        image: textInputSchema.max(500).nullable().optional(),
        probabilityPpm: z.number().int(),
        stock: z.number().int(),
        valueFen: z.number().int(),
        couponTemplateId: idSchema.nullable().optional(),
        points: z.number().int().nullable().optional(),
        skuId: idSchema.nullable().optional(),
      }),
    )
    .max(20),
});
export type LotteryCreateRequest = z.input<typeof lotteryCreateRequestSchema>;

/** 201 of `POST /api/ops/lotteries`: the odds as shoppers will see them (概率公示), to check before going live. */
export const lotteryCreatedSchema = z.object({
  id: z.string(),
  odds: z.array(z.object({ prizeId: z.string().nullable(), title: z.string(), oddsPercent: z.string() })),
});
export type LotteryCreated = z.infer<typeof lotteryCreatedSchema>;
