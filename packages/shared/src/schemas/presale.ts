import { z } from 'zod';
import { fenSchema, idSchema, textInputSchema } from './common';
import { campaignQuoteRequestSchema, orderAddressInputSchema } from './order';

export const presaleStatusSchema = z.enum(['upcoming', 'live', 'sold_out', 'ended']);

export const presaleStepSchema = z.object({
  /** Hours after the start (basis time) or units already sold (basis units). */
  from: z.number().int().nonnegative(),
  priceFen: fenSchema,
  label: z.string(),
});

/** One 预售 as GET /api/presales lists it and GET /api/presales/:id shows it; status at the server's time. */
export const presaleViewSchema = z.object({
  id: z.string(),
  campaignId: z.string().nullable(),
  productId: z.string(),
  skuId: z.string(),
  title: z.string(),
  imageUrl: z.string(),
  specText: z.string(),
  listPriceFen: fenSchema,
  startsAt: z.string().datetime(),
  endsAt: z.string().datetime(),
  /** The delivery date the shopper is promised (预计发货). */
  shipsAt: z.string().datetime(),
  stock: z.number().int().nonnegative(),
  sold: z.number().int().nonnegative(),
  perUserLimit: z.number().int().positive(),
  status: presaleStatusSchema,
  ladder: z.object({ basis: z.enum(['time', 'units']), steps: z.array(presaleStepSchema) }),
  /** The rung in force now, and the next one (its price, and when or after how many more units). */
  current: z.object({
    step: z.number().int().nonnegative(),
    priceFen: fenSchema,
    label: z.string(),
    next: z
      .object({
        priceFen: fenSchema,
        label: z.string(),
        startsAt: z.string().datetime().nullable(),
        unitsLeft: z.number().int().nullable(),
      })
      .nullable(),
  }),
});
export type PresaleView = z.infer<typeof presaleViewSchema>;

export const presaleListSchema = z.object({
  serverTime: z.string().datetime(),
  presales: z.array(presaleViewSchema),
});
export type PresaleList = z.infer<typeof presaleListSchema>;

export const presaleDetailSchema = z.object({
  serverTime: z.string().datetime(),
  presale: presaleViewSchema,
});
export type PresaleDetail = z.infer<typeof presaleDetailSchema>;

/** POST /api/presales/:id/quote: the figures of an order of `quantity` (price locked at the current rung). */
export const presaleQuoteRequestSchema = campaignQuoteRequestSchema.extend({
  quantity: z.number().int().min(1).max(99),
});

/** POST /api/presales/:id/order (header Idempotency-Key): the campaign order body plus the quantity. */
export const presaleOrderRequestSchema = z
  .object({
    quantity: z.number().int().min(1).max(99),
    addressId: idSchema.optional(),
    address: orderAddressInputSchema.optional(),
    expectedTotalFen: fenSchema,
  })
  .refine((v) => (v.addressId === undefined) !== (v.address === undefined), {
    message: 'addressId or address is required (one of them)',
    path: ['addressId'],
  });
export type PresaleOrderRequest = z.input<typeof presaleOrderRequestSchema>;

/** POST /api/ops/presales: an operator saves a presale; every broken rule is refused with its reason. */
export const presaleCreateRequestSchema = z.object({
  id: textInputSchema.regex(/^[A-Za-z0-9_-]{1,64}$/),
  campaignId: textInputSchema.max(64).nullable().default(null),
  skuId: idSchema,
  title: textInputSchema.trim().min(1).max(60),
  startsAt: z.string().datetime(),
  endsAt: z.string().datetime(),
  shipsAt: z.string().datetime(),
  stock: z.number().int(),
  perUserLimit: z.number().int().default(1),
  ladder: z.object({
    basis: z.enum(['time', 'units']),
    steps: z
      .array(z.object({ from: z.number(), priceFen: z.number(), label: textInputSchema.trim().min(1).max(12) }))
      .max(10),
  }),
});
export type PresaleCreateRequest = z.input<typeof presaleCreateRequestSchema>;
