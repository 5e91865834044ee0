import { z } from 'zod';
import { appNameSchema, textInputSchema } from '../../schemas/common';

/** `POST /api/me/withdrawals`: fen, checked by checkWithdrawal (¥1 up to the balance). */
export const withdrawalRequestSchema = z.object({
  amountFen: z.number(),
  /** The mini-program whose openid receives the money (default campaign: the promoter centre's). */
  app: appNameSchema.default('campaign'),
});
export type WithdrawalRequest = z.input<typeof withdrawalRequestSchema>;

export const withdrawalStatusValues = [
  'requested',
  'approved',
  'transferring',
  'succeeded',
  'failed',
  'rejected',
] as const;
export const withdrawalStatusSchema = z.enum(withdrawalStatusValues);
export type WithdrawalStatus = z.infer<typeof withdrawalStatusSchema>;

export const withdrawalSchema = z.object({
  id: z.string().uuid(),
  amountFen: z.number().int().positive(),
  status: withdrawalStatusSchema,
  /** 商户单号, fixed when requested. */
  outBillNo: z.string(),
  requestedAt: z.string().datetime(),
  decidedAt: z.string().datetime().nullable(),
  finishedAt: z.string().datetime().nullable(),
  /** Finance's reason (rejected) or WeChat's fail_reason (failed). */
  reason: z.string().nullable(),
  /**
   * WeChat waits for the promoter to confirm (state WAIT_USER_CONFIRM): pass these to
   * `wx.requestMerchantTransfer({ mchId, appId, package })`. Null otherwise.
   */
  confirm: z.object({ mchId: z.string(), appId: z.string(), package: z.string() }).nullable(),
});
export type Withdrawal = z.infer<typeof withdrawalSchema>;

export const myWithdrawalsSchema = z.object({
  withdrawals: z.array(withdrawalSchema),
  /** What may be requested now (settled minus withdrawals not failed or rejected). */
  availableFen: z.number().int().nonnegative(),
});
export type MyWithdrawals = z.infer<typeof myWithdrawalsSchema>;

export const withdrawalParamsSchema = z.object({ id: z.string().uuid() });
/** `POST /api/ops/withdrawals/:id/reject`. */
export const rejectWithdrawalRequestSchema = z.object({ reason: textInputSchema.trim().min(1).max(80) });

/** `GET /api/me/promoter-centre`. */
export const promoterCentreSchema = z.object({
  earnings: z.object({
    /** Frozen: the order is not completed, or its after-sale window has not passed. */
    pendingFen: z.number().int().nonnegative(),
    /** Withdrawable now. */
    availableFen: z.number().int().nonnegative(),
    /** Requested, approved or on its way. */
    withdrawingFen: z.number().int().nonnegative(),
    /** Paid into the promoter's WeChat change (succeeded). */
    withdrawnFen: z.number().int().nonnegative(),
    reversedFen: z.number().int().nonnegative(),
  }),
  team: z.object({
    /** Buyers bound to me. */
    level1Count: z.number().int().nonnegative(),
    /** Buyers bound to the promoters bound to me. */
    level2Count: z.number().int().nonnegative(),
    /** The 20 newest, nicknames masked. */
    recent: z.array(
      z.object({ nickname: z.string(), level: z.union([z.literal(1), z.literal(2)]), boundAt: z.string().datetime() }),
    ),
  }),
  /** The 20 newest orders that earned me commission. */
  orders: z.array(
    z.object({
      buyer: z.string(),
      level: z.union([z.literal(1), z.literal(2)]),
      commissionFen: z.number().int().positive(),
      state: z.enum(['pending', 'available', 'reversed']),
      /** When a pending accrual becomes available; null while the order is not completed. */
      settlesAt: z.string().datetime().nullable(),
      createdAt: z.string().datetime(),
    }),
  ),
});
export type PromoterCentre = z.infer<typeof promoterCentreSchema>;
