import { z } from 'zod';
import { ORDER_STATUSES } from '../domain/order/order-status';
import { mobilePhoneSchema, regionNamesSchema } from './address';
import { campaignKindSchema } from './campaign';
import { cursorPageOf, cursorQuerySchema, fenSchema, idSchema, textInputSchema } from './common';
import { MAX_LINE_QUANTITY } from './limits';

export const orderStatusSchema = z.enum(ORDER_STATUSES);

/**
 * The `Idempotency-Key` header order creation requires: one per submit attempt, reused for
 * its retries (a UUID fits). Same key, same body: the first answer again, one order.
 */
export const idempotencyKeySchema = textInputSchema.regex(/^[A-Za-z0-9_.:-]{8,64}$/, {
  message: 'must be 8-64 characters of A-Z a-z 0-9 _ . : -',
});

/** A delivery address typed at checkout (WeChat's chooseAddress gives these fields). */
export const orderAddressInputSchema = z.object({
  name: textInputSchema.trim().min(1).max(20),
  phone: mobilePhoneSchema,
  /** Province, city, district names; the API resolves them to a county. */
  region: regionNamesSchema,
  detail: textInputSchema.trim().min(2).max(120),
});

export const orderLineInputSchema = z.object({
  skuId: idSchema,
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
});

/**
 * POST /api/orders (header `Idempotency-Key` required). The lines the checkout page showed,
 * from the cart (`source: 'cart'`, those cart lines are removed once ordered) or 立即购买
 * (`'buy_now'`, the cart is left alone). The address is one of the shopper's saved ones
 * (`addressId`) or typed in (`address`). `expectedTotalFen` is the total the shopper saw:
 * when the API's own figure differs, it answers 409 PRICE_CHANGED and creates nothing.
 */
export const placeOrderRequestSchema = z
  .object({
    lines: z
      .array(orderLineInputSchema)
      .min(1)
      .max(50)
      .refine((lines) => new Set(lines.map((l) => l.skuId)).size === lines.length, {
        message: 'each SKU at most once',
      }),
    source: z.enum(['cart', 'buy_now']).default('cart'),
    addressId: idSchema.optional(),
    address: orderAddressInputSchema.optional(),
    userCouponId: idSchema.nullable().optional(),
    pointsToUse: z.number().int().min(0).max(100_000_000).default(0),
    expectedTotalFen: fenSchema,
  })
  .refine((v) => (v.addressId === undefined) !== (v.address === undefined), {
    message: 'addressId or address is required (one of them)',
    path: ['addressId'],
  });
export type PlaceOrderRequest = z.input<typeof placeOrderRequestSchema>;

/**
 * Ordering at a campaign's price (POST /api/flash-sales/claims/:id/order, a group's join, a
 * bargain's buy ...; header `Idempotency-Key` required). The campaign decides the one line and
 * its price; the shopper gives the address and the total they saw (409 PRICE_CHANGED when the
 * API's differs). No coupon and no points: 活动价不与优惠券、积分同享.
 */
export const campaignOrderRequestSchema = z
  .object({
    addressId: idSchema.optional(),
    address: orderAddressInputSchema.optional(),
    expectedTotalFen: fenSchema,
  })
  .refine((v) => (v.addressId === undefined) !== (v.address === undefined), {
    message: 'addressId or address is required (one of them)',
    path: ['addressId'],
  });
export type CampaignOrderRequest = z.input<typeof campaignOrderRequestSchema>;

/**
 * The figures of a campaign order before placing it (POST …/quote): the region decides the
 * shipping fee; the answer is an orderQuoteSchema, whose totalFen the order then expects.
 */
export const campaignQuoteRequestSchema = z.object({
  region: z
    .object({
      province: textInputSchema.max(40).optional(),
      regionCode: textInputSchema.regex(/^[0-9]{6}$/).optional(),
    })
    .optional(),
});
export type CampaignQuoteRequest = z.input<typeof campaignQuoteRequestSchema>;

/** The address as it was when the order was placed: later edits to the book never change it. */
export const orderAddressSchema = z.object({
  recipient: z.string(),
  phone: z.string(),
  regionCode: z.string(),
  province: z.string(),
  city: z.string(),
  district: z.string(),
  detail: z.string(),
});
export type OrderAddress = z.infer<typeof orderAddressSchema>;

/** A bought line, copied from the catalog at order time, with its share of the discounts. */
export const orderLineSchema = z.object({
  skuId: z.string(),
  productId: z.string(),
  title: z.string(),
  specText: z.string(),
  imageUrl: z.string(),
  unitPriceFen: fenSchema,
  quantity: z.number().int().positive(),
  subtotalFen: fenSchema,
  couponShareFen: fenSchema,
  pointsShareFen: fenSchema,
  /** subtotal − shares: what refunding this whole line gives back. */
  payFen: fenSchema,
});
export type OrderLine = z.infer<typeof orderLineSchema>;

export const shipmentSchema = z.object({ company: z.string(), trackingNo: z.string() });

export const orderSchema = z.object({
  id: z.string(),
  /** Shown to shoppers and used as WeChat Pay's out_trade_no. */
  orderNo: z.string(),
  status: orderStatusSchema,
  /** ORDER_STATUS_LABELS[status], so every app shows the same words. */
  statusLabel: z.string(),
  subtotalFen: fenSchema,
  shippingFeeFen: fenSchema,
  couponDiscountFen: fenSchema,
  pointsUsed: z.number().int().nonnegative(),
  pointsDiscountFen: fenSchema,
  totalFen: fenSchema,
  userCouponId: z.string().nullable(),
  address: orderAddressSchema,
  lines: z.array(orderLineSchema),
  shipment: shipmentSchema.nullable(),
  createdAt: z.string(),
  /** Meaningful while 待付款: the order is cancelled at this instant if still unpaid. */
  payDeadlineAt: z.string(),
  paidAt: z.string().nullable(),
  shippedAt: z.string().nullable(),
  /** Set when shipped: the order completes on its own at this instant. */
  autoConfirmAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.enum(['shopper', 'pay_timeout']).nullable(),
  /** The campaign the order was placed in (秒杀, 拼团 ...); null for an ordinary order. */
  campaignKind: campaignKindSchema.nullable(),
});
export type Order = z.infer<typeof orderSchema>;

/** GET /api/orders: newest first, one state or all. */
export const orderListQuerySchema = cursorQuerySchema.extend({ status: orderStatusSchema.optional() });
export type OrderListQuery = z.input<typeof orderListQuerySchema>;

export const orderPageSchema = cursorPageOf(orderSchema);
export type OrderPage = z.infer<typeof orderPageSchema>;

/** GET /api/orders/counts: the member centre's badges, one count per state (0 included). */
export const orderCountsSchema = z.object(
  Object.fromEntries(ORDER_STATUSES.map((s) => [s, z.number().int().nonnegative()])) as Record<
    (typeof ORDER_STATUSES)[number],
    z.ZodNumber
  >,
);
export type OrderCounts = z.infer<typeof orderCountsSchema>;

export const orderIdParamsSchema = z.object({ id: idSchema });

/** POST /api/ops/orders/:id/ship (operators). */
export const shipOrderRequestSchema = z.object({
  company: textInputSchema.trim().min(1).max(40),
  trackingNo: textInputSchema.trim().regex(/^[A-Za-z0-9-]{4,40}$/, { message: 'must be 4-40 letters, digits or -' }),
});
export type ShipOrderRequest = z.infer<typeof shipOrderRequestSchema>;
