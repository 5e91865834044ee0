import { z } from 'zod';
import { idSchema } from '../../schemas/common';
import { shareLinkParamsSchema, shareTargetSchema } from './share-link';

/** POST /api/promoters/apply and the approve route. */
export const promoterSchema = z.object({
  userId: z.string().uuid(),
  status: z.enum(['pending', 'approved']),
  approvedAt: z.string().datetime().nullable(),
});
export type Promoter = z.infer<typeof promoterSchema>;

export const shareLinkRequestSchema = z.object({ target: shareTargetSchema });
export const shareLinkResponseSchema = z.object({ params: shareLinkParamsSchema, expiresAt: z.string().datetime() });
export type ShareLinkResponse = z.infer<typeof shareLinkResponseSchema>;

export const bindingRequestSchema = z.object({ link: shareLinkParamsSchema });
export const bindingResponseSchema = z.object({
  promoterId: z.string().uuid(),
  boundAt: z.string().datetime(),
  /** False: the buyer was already bound to this promoter and nothing was written. */
  created: z.boolean(),
});
export type BindingResponse = z.infer<typeof bindingResponseSchema>;

export const commissionRateRequestSchema = z.object({
  /** Null or absent: the default rate for products without their own. */
  productId: idSchema.nullish(),
  rateBp: z.number(),
});

export const commissionEntrySchema = z.object({
  orderId: z.string().uuid(),
  level: z.union([z.literal(1), z.literal(2)]),
  kind: z.enum(['accrue', 'reverse']),
  amountFen: z.number().int().positive(),
  /** accrue rows: pending until the order is completed, then available; reverse rows: reversed. */
  state: z.enum(['pending', 'available', 'reversed']),
  createdAt: z.string().datetime(),
});
export const myCommissionsSchema = z.object({
  entries: z.array(commissionEntrySchema),
  totals: z.object({
    pendingFen: z.number().int().nonnegative(),
    availableFen: z.number().int().nonnegative(),
    reversedFen: z.number().int().nonnegative(),
  }),
});
export type MyCommissions = z.infer<typeof myCommissionsSchema>;
