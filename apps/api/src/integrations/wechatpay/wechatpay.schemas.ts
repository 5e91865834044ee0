import { z } from 'zod';

/** A transaction as query answers and TRANSACTION.* notifications carry it (fields we use). */
export const transactionSchema = z.object({
  appid: z.string(),
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  trade_type: z.string().optional(),
  /** SUCCESS, REFUND, NOTPAY, CLOSED, REVOKED, USERPAYING, PAYERROR. */
  trade_state: z.string(),
  trade_state_desc: z.string().optional(),
  success_time: z.string().optional(),
  payer: z.object({ openid: z.string() }).partial().optional(),
  amount: z
    .object({
      total: z.number().int(),
      payer_total: z.number().int().optional(),
      currency: z.string().optional(),
    })
    .optional(),
});
export type WechatPayTransaction = z.output<typeof transactionSchema>;

/** A refund as the refund answer and REFUND.* notifications carry it (fields we use). */
export const refundSchema = z.object({
  out_trade_no: z.string(),
  out_refund_no: z.string(),
  refund_id: z.string(),
  transaction_id: z.string().optional(),
  /** Answer: `status`; notification: `refund_status`. SUCCESS, CLOSED, PROCESSING, ABNORMAL. */
  status: z.string().optional(),
  refund_status: z.string().optional(),
  success_time: z.string().optional(),
  amount: z.object({ total: z.number().int(), refund: z.number().int() }).passthrough(),
});
export type WechatPayRefund = z.output<typeof refundSchema>;

export const prepayAnswerSchema = z.object({ prepay_id: z.string().min(1) });

/**
 * 商家转账 (merchant transfer to a user's change), `POST /v3/fund-app/mch-transfer/transfer-bills`:
 * the answer. state ACCEPTED / PROCESSING / WAIT_USER_CONFIRM / TRANSFERING / SUCCESS / FAIL /
 * CANCELING / CANCELLED; package_info only with WAIT_USER_CONFIRM (for wx.requestMerchantTransfer).
 */
export const transferBillAnswerSchema = z.object({
  out_bill_no: z.string(),
  transfer_bill_no: z.string(),
  create_time: z.string(),
  state: z.string(),
  fail_reason: z.string().optional(),
  package_info: z.string().optional(),
});
export type WechatPayTransferAnswer = z.output<typeof transferBillAnswerSchema>;

/** A transfer bill as the query answers and MCHTRANSFER.BILL.FINISHED notifications carry it. */
export const transferBillSchema = z.object({
  /** The query says mch_id; the notification mch_id as well (mchid accepted too). */
  mch_id: z.string().optional(),
  mchid: z.string().optional(),
  out_bill_no: z.string(),
  transfer_bill_no: z.string(),
  appid: z.string().optional(),
  state: z.string(),
  transfer_amount: z.number().int(),
  openid: z.string().optional(),
  fail_reason: z.string().optional(),
  create_time: z.string().optional(),
  update_time: z.string().optional(),
});
export type WechatPayTransferBill = z.output<typeof transferBillSchema>;
