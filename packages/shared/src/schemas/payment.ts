import { z } from 'zod';
import { appNameSchema, textInputSchema } from './common';
import { orderStatusSchema } from './order';

/** `POST /api/orders/:id/pay`: which mini-program pays (its appid signs the pay call). */
export const payOrderRequestSchema = z
  .object({
    app: appNameSchema.default('mall'),
  })
  .default({});
export type PayOrderRequest = z.input<typeof payOrderRequestSchema>;

/** What `wx.requestPayment` takes (JSAPI v3, RSA-signed by the server). */
export const requestPaymentParamsSchema = z.object({
  appId: z.string(),
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string(),
  signType: z.literal('RSA'),
  paySign: z.string(),
});
export type RequestPaymentParams = z.infer<typeof requestPaymentParamsSchema>;

export const payOrderResponseSchema = z.object({
  orderId: z.string(),
  outTradeNo: z.string(),
  /** Always the order's total as the server computed it. */
  amountFen: z.number().int().positive(),
  requestPayment: requestPaymentParamsSchema,
  /**
   * H5 demo only: the WeChat sandbox's pay page (支付 / 取消) for this prepay; append
   * `?redirect=<url>` to come back with `result=paid|cancel`. Null against real WeChat Pay.
   */
  sandboxPayUrl: z.string().nullable(),
});
export type PayOrderResponse = z.infer<typeof payOrderResponseSchema>;

export const paymentStatusValues = ['pending', 'paid', 'closed'] as const;
export const refundStatusValues = ['submitting', 'processing', 'succeeded', 'failed'] as const;

export const refundSummarySchema = z.object({
  outRefundNo: z.string(),
  amountFen: z.number().int().positive(),
  /** submitting / processing: on its way; succeeded: back with the shopper; failed: see support. */
  status: z.enum(refundStatusValues),
  createdAt: z.string(),
  succeededAt: z.string().nullable(),
});
export type RefundSummary = z.infer<typeof refundSummarySchema>;

/**
 * `GET /api/orders/:id/payment`: what the client polls after `wx.requestPayment` returns
 * (its success callback proves nothing; only WeChat Pay's word to the server does). While the
 * payment is pending the server asks WeChat Pay, so a lost notification does not leave the
 * shopper stuck. `payment` is null before the first pay attempt.
 */
export const orderPaymentSchema = z.object({
  orderId: z.string(),
  orderStatus: orderStatusSchema,
  payment: z
    .object({
      outTradeNo: z.string(),
      status: z.enum(paymentStatusValues),
      amountFen: z.number().int().positive(),
      paidAt: z.string().nullable(),
      /** Reserved by refunds not failed (what may still be refunded: amountFen − refundedFen). */
      refundedFen: z.number().int().nonnegative(),
      refunds: z.array(refundSummarySchema),
    })
    .nullable(),
});
export type OrderPayment = z.infer<typeof orderPaymentSchema>;

/**
 * `POST /api/orders/:id/refund`: the shopper's full refund of a paid order that has not
 * shipped (待发货 -> 售后中, then 已退款 when WeChat Pay confirms). WeChat allows 80 characters.
 */
export const refundOrderRequestSchema = z.object({
  reason: textInputSchema.trim().min(1).max(80),
});
export type RefundOrderRequest = z.infer<typeof refundOrderRequestSchema>;
