import { z } from 'zod';
import { appNameSchema } from './common';

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
