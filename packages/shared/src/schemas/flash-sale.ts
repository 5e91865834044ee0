import { z } from 'zod';
import { fenSchema } from './common';

export const flashSaleSlotStatusSchema = z.enum(['upcoming', 'live', 'sold_out', 'ended']);

/** One 秒杀 slot as `GET /api/flash-sales` lists it; status decided at the server's time. */
export const flashSaleSlotSchema = z.object({
  id: z.string(),
  campaignId: z.string().nullable(),
  productId: z.string(),
  skuId: z.string(),
  title: z.string(),
  priceFen: fenSchema,
  startsAt: z.string().datetime(),
  endsAt: z.string().datetime(),
  stock: z.number().int().nonnegative(),
  remaining: z.number().int().nonnegative(),
  perUserLimit: z.number().int().positive(),
  status: flashSaleSlotStatusSchema,
});
export type FlashSaleSlot = z.infer<typeof flashSaleSlotSchema>;

/**
 * `GET /api/flash-sales`: slots not yet ended, and the server's clock when it answered, so the
 * client counts down on server time (serverClockOffsetMs in the flash-sale rules).
 */
export const flashSaleSlotsSchema = z.object({
  serverTime: z.string().datetime(),
  slots: z.array(flashSaleSlotSchema),
});
export type FlashSaleSlots = z.infer<typeof flashSaleSlotsSchema>;

/** `POST /api/flash-sales/:slotId/claim` body. */
export const flashSaleClaimInputSchema = z.object({ quantity: z.number().int().min(1).max(99) });
export type FlashSaleClaimInput = z.infer<typeof flashSaleClaimInputSchema>;

/** 201: the units are held for the shopper until `holdUntil`; an order placed with `claimId` uses them. */
export const flashSaleClaimSchema = z.object({
  claimId: z.string().uuid(),
  slotId: z.string(),
  quantity: z.number().int().positive(),
  holdUntil: z.string().datetime(),
});
export type FlashSaleClaim = z.infer<typeof flashSaleClaimSchema>;
