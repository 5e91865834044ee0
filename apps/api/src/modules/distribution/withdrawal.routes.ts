import {
  DEFAULT_COMMISSION_SETTLE_DAYS,
  type MyWithdrawals,
  type PromoterCentre,
  rejectWithdrawalRequestSchema,
  type Withdrawal,
  withdrawalParamsSchema,
  withdrawalRequestSchema,
  withdrawalStatusSchema,
} from '@wematrix/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createOpsGuard } from '../../http/ops-guard';
import { parseInput } from '../../http/validate';
import {
  createWechatPayClient,
  NotificationRejectedError,
  type VerifiedNotification,
} from '../../integrations/wechatpay';
import type { RouteDeps } from '../../route-deps';
import { currentUserId } from '../auth/auth.guard';
import { findOpenidOfUser, findUserById } from '../auth/user.repository';
import { DistributionError } from './distribution.errors';
import { findPromoter } from './distribution.repository';
import {
  findWithdrawal,
  markApproved,
  markRejected,
  markTransferAttempt,
  transfersToQuery,
  transfersToSend,
  withdrawalsOf,
} from './withdrawal.repository';
import {
  applyTransferBill,
  applyTransferNotification,
  balanceOf,
  promoterCentre,
  requestWithdrawal,
  sendTransfer,
  type TransferDeps,
  withdrawalView,
} from './withdrawal.service';

const WITHDRAWALS_PAGE = 50;
/** An approved withdrawal whose transfer got no answer is sent again (same out_bill_no) after this. */
export const TRANSFER_RETRY_AFTER_MS = 60_000;
/** A transferring withdrawal with no notification this long after its last send is queried. */
export const TRANSFER_QUERY_AFTER_MS = 5 * 60_000;
const MAX_PER_TICK = 50;

const opsListQuerySchema = z.object({ status: withdrawalStatusSchema.optional() });

/**
 * 分销 money side (docs/distribution.md): the promoter centre, 提现 requests, finance's
 * approve / reject, the 商家转账 transfer, its notification and its retry job.
 */
export function registerWithdrawalRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, clock } = deps;
  const settleDays = deps.config.commissionSettleDays ?? DEFAULT_COMMISSION_SETTLE_DAYS;
  const guarded = { preHandler: deps.requireUser };
  const ops = { preHandler: createOpsGuard(deps.config.opsApiToken ?? null) };
  const payConfig = deps.config.wechatPay;
  const transfer: TransferDeps | null = payConfig
    ? {
        db,
        pay: createWechatPayClient({ settings: payConfig, clock }),
        notifyUrl: payConfig.transferNotifyUrl ?? `${new URL(payConfig.notifyUrl).origin}/api/pay/notify/transfer`,
        sceneId: payConfig.transferSceneId ?? '1005',
        clock,
        logger: app.log,
      }
    : null;
  const mchid = payConfig?.mchid ?? null;

  app.get('/api/me/promoter-centre', guarded, async (request): Promise<PromoterCentre> => {
    const userId = currentUserId(request);
    if (!(await findPromoter(db, userId))) throw new DistributionError('DISTRIBUTION_NOT_PROMOTER');
    return promoterCentre(db, { promoterId: userId, settleDays, now: clock() });
  });

  app.post('/api/me/withdrawals', guarded, async (request, reply): Promise<Withdrawal> => {
    const userId = currentUserId(request);
    const { amountFen, app: appName } = parseInput(withdrawalRequestSchema, request.body, 'body');
    const appid = deps.config.wechat.apps[appName].appid;
    let openid = await findOpenidOfUser(db, userId, appName);
    // The H5 demo's 演示登录 has no openid: against the sandbox only, a stand-in one (as paying does).
    if (!openid && payConfig?.sandboxPayPage && (await findUserById(db, userId))?.demo_key) {
      openid = `sandbox_demo_${userId}`;
    }
    if (!openid) throw new DistributionError('WITHDRAWAL_OPENID_MISSING');
    const row = await requestWithdrawal(db, { promoterId: userId, amountFen, appid, openid, settleDays, now: clock() });
    reply.code(201);
    return withdrawalView(row, mchid);
  });

  app.get('/api/me/withdrawals', guarded, async (request): Promise<MyWithdrawals> => {
    const userId = currentUserId(request);
    const [rows, balance] = await Promise.all([
      withdrawalsOf(db, userId, WITHDRAWALS_PAGE),
      balanceOf(db, { promoterId: userId, settleDays, now: clock() }),
    ]);
    return { withdrawals: rows.map((r) => withdrawalView(r, mchid)), availableFen: balance.availableFen };
  });

  app.get('/api/ops/withdrawals', ops, async (request) => {
    const { status } = parseInput(opsListQuerySchema, request.query, 'query');
    let query = db.selectFrom('commission_withdrawals').selectAll().orderBy('requested_at').limit(200);
    if (status) query = query.where('status', '=', status);
    const rows = await query.execute();
    return { withdrawals: rows.map((r) => ({ ...withdrawalView(r, mchid), promoterId: r.promoter_id })) };
  });

  // Finance approves: requested → approved (conditional), then the transfer is sent at once.
  app.post('/api/ops/withdrawals/:id/approve', ops, async (request): Promise<Withdrawal> => {
    const { id } = parseInput(withdrawalParamsSchema, request.params, 'params');
    if (!transfer) throw new DistributionError('WITHDRAWAL_TRANSFER_UNAVAILABLE');
    const approved = await markApproved(db, { id, now: clock() });
    if (!approved) {
      const row = await findWithdrawal(db, id);
      throw new DistributionError(row ? 'WITHDRAWAL_NOT_PENDING' : 'WITHDRAWAL_NOT_FOUND');
    }
    await sendTransfer(transfer, approved);
    const row = await findWithdrawal(db, id);
    return withdrawalView(row ?? approved, mchid);
  });

  app.post('/api/ops/withdrawals/:id/reject', ops, async (request): Promise<Withdrawal> => {
    const { id } = parseInput(withdrawalParamsSchema, request.params, 'params');
    const { reason } = parseInput(rejectWithdrawalRequestSchema, request.body, 'body');
    const rejected = await markRejected(db, { id, reason, now: clock() });
    if (!rejected) {
      const row = await findWithdrawal(db, id);
      throw new DistributionError(row ? 'WITHDRAWAL_NOT_PENDING' : 'WITHDRAWAL_NOT_FOUND');
    }
    return withdrawalView(rejected, mchid);
  });

  if (!transfer) return;

  // WeChat Pay posts MCHTRANSFER.BILL.FINISHED here; only its signature counts (as for payments).
  app.post('/api/pay/notify/transfer', async (request, reply) => {
    let notification: VerifiedNotification;
    try {
      notification = await transfer.pay.verifyNotification({ headers: request.headers, rawBody: request.rawBody });
    } catch (error) {
      if (!(error instanceof NotificationRejectedError)) throw error;
      request.log.warn({ reason: error.reason }, 'WeChat Pay transfer notification rejected');
      return reply.code(401).send({ code: 'FAIL', message: `notification rejected: ${error.reason}` });
    }
    const outcome = await applyTransferNotification(transfer, notification);
    request.log.info({ id: notification.id, outcome }, 'WeChat Pay transfer notification');
    // Unknown out_bill_no: 5xx so WeChat tries again later (as for payments).
    if (outcome === 'unknown_bill') return reply.code(500).send({ code: 'FAIL', message: 'unknown out_bill_no' });
    return reply.code(204).send();
  });

  // Transfers that got no answer are sent again with the same out_bill_no (one bill at WeChat);
  // transfers with no notification are asked about. Every write is conditional.
  deps.jobs.register({
    name: 'distribution.transfers',
    async run(now) {
      let changed = 0;
      for (const row of await transfersToSend(db, {
        now,
        retryAfterMs: TRANSFER_RETRY_AFTER_MS,
        limit: MAX_PER_TICK,
      })) {
        await sendTransfer(transfer, row);
        changed += 1;
      }
      for (const row of await transfersToQuery(db, {
        now,
        queryAfterMs: TRANSFER_QUERY_AFTER_MS,
        limit: MAX_PER_TICK,
      })) {
        try {
          const bill = await transfer.pay.queryTransferBill(row.out_bill_no);
          if ((await applyTransferBill(transfer, bill)) === 'applied') changed += 1;
          else await markTransferAttempt(db, { id: row.id, now });
        } catch (error) {
          app.log.warn({ withdrawalId: row.id, err: error }, 'transfer query failed; asked again next tick');
        }
      }
      return changed;
    },
  });
}
