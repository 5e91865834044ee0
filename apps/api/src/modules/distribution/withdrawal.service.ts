import { randomUUID } from 'node:crypto';
import {
  checkWithdrawal,
  commissionState,
  maskNickname,
  type PromoterCentre,
  settlesAt,
  type Withdrawal,
  type WithdrawalRefusal,
  withdrawableFen,
  withdrawalOutBillNo,
} from '@wematrix/shared';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import type { Clock } from '../../clock';
import type { Database } from '../../db/database';
import type { Executor } from '../../db/executor';
import {
  transferBillSchema,
  type VerifiedNotification,
  WechatPayApiError,
  type WechatPayClient,
  type WechatPayTransferBill,
} from '../../integrations/wechatpay';
import { DistributionError } from './distribution.errors';
import { findPromoter } from './distribution.repository';
import {
  findInFlight,
  findWithdrawalByOutBillNo,
  insertWithdrawal,
  ledgerSums,
  lockPromoterWithdrawals,
  markFinished,
  markTransferAttempt,
  markTransferring,
  type WithdrawalRow,
  withdrawalSums,
} from './withdrawal.repository';

/** What the transfer steps need: the database, WeChat Pay and where it calls back. */
export interface TransferDeps {
  db: Database;
  pay: WechatPayClient;
  notifyUrl: string;
  sceneId: string;
  clock: Clock;
  logger: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}

/**
 * What the promoter sees in WeChat (转账备注, 收款感知) and the 报备信息 WeChat asks for the
 * 佣金报酬 scene (1005). Another scene needs its own report fields: docs/distribution.md.
 */
export const TRANSFER_REMARK = '推广佣金提现';
export const TRANSFER_RECV_PERCEPTION = '劳务报酬';
export const TRANSFER_REPORT_INFOS = [
  { infoType: '岗位类型', infoContent: '推广员' },
  { infoType: '报酬说明', infoContent: '推广佣金' },
] as const;

/** WeChat error codes that mean "try again later", not "this bill was refused". */
const RETRYABLE_CODES = new Set(['SYSTEM_ERROR', 'FREQUENCY_LIMITED', 'FREQUENCY_LIMIT_EXCEED']);

export function withdrawalView(row: WithdrawalRow, mchid: string | null): Withdrawal {
  const waiting = row.status === 'transferring' && row.transfer_state === 'WAIT_USER_CONFIRM' && row.package_info;
  return {
    id: row.id,
    amountFen: row.amount_fen,
    status: row.status,
    outBillNo: row.out_bill_no,
    requestedAt: row.requested_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    reason: row.reason,
    confirm:
      waiting && mchid && row.package_info ? { mchId: mchid, appId: row.appid, package: row.package_info } : null,
  };
}

/** The promoter's money at `now`: frozen, withdrawable, on its way, paid out, reversed. */
export async function balanceOf(executor: Executor, input: { promoterId: string; settleDays: number; now: Date }) {
  const [ledger, withdrawals] = await Promise.all([
    ledgerSums(executor, input),
    withdrawalSums(executor, input.promoterId),
  ]);
  return {
    pendingFen: ledger.pendingFen,
    availableFen: withdrawableFen({ settledFen: ledger.settledFen, heldFen: withdrawals.heldFen }),
    withdrawingFen: withdrawals.inFlightFen,
    withdrawnFen: withdrawals.withdrawnFen,
    reversedFen: ledger.reversedFen,
  };
}

/**
 * 提现: an approved promoter asks for `amountFen` (¥1 up to below ¥2,000, at most the
 * available balance), one in flight at a time. Under the promoter's lock, so two requests at
 * once read each other's rows; the partial unique index is the backstop. Refusals write nothing.
 */
export async function requestWithdrawal(
  db: Database,
  input: { promoterId: string; amountFen: number; appid: string; openid: string; settleDays: number; now: Date },
): Promise<WithdrawalRow> {
  const early = checkWithdrawal(input.amountFen, Number.MAX_SAFE_INTEGER);
  if ('refused' in early) throw new DistributionError(early.refused);
  try {
    return await db.transaction().execute(async (trx) => {
      await lockPromoterWithdrawals(trx, input.promoterId);
      const promoter = await findPromoter(trx, input.promoterId);
      if (promoter?.status !== 'approved') throw new DistributionError('DISTRIBUTION_NOT_PROMOTER');
      if (await findInFlight(trx, input.promoterId)) throw new DistributionError('WITHDRAWAL_IN_FLIGHT');
      const balance = await balanceOf(trx, input);
      const check = checkWithdrawal(input.amountFen, balance.availableFen);
      if ('refused' in check) throw refusal(check.refused, balance.availableFen);
      const id = randomUUID();
      return insertWithdrawal(trx, {
        id,
        promoterId: input.promoterId,
        amountFen: input.amountFen,
        outBillNo: withdrawalOutBillNo(id),
        appid: input.appid,
        openid: input.openid,
        now: input.now,
      });
    });
  } catch (error) {
    // The one-in-flight index: another request of this promoter committed first.
    if ((error as { code?: string }).code === '23505') throw new DistributionError('WITHDRAWAL_IN_FLIGHT');
    throw error;
  }
}

function refusal(code: WithdrawalRefusal, availableFen: number): DistributionError {
  return new DistributionError(code, { details: { availableFen } });
}

/**
 * Sends an approved withdrawal's transfer (商家转账) with its fixed out_bill_no. WeChat's answer
 * moves it to transferring (with package_info when the user must confirm); a refusal (4xx
 * that is not "try later") fails it, which gives the amount back to the balance; no answer
 * leaves it approved for the retry job, which sends the same out_bill_no again.
 */
export async function sendTransfer(deps: TransferDeps, row: WithdrawalRow): Promise<void> {
  const now = deps.clock();
  await markTransferAttempt(deps.db, { id: row.id, now });
  try {
    const answer = await deps.pay.transferToUser({
      appid: row.appid,
      outBillNo: row.out_bill_no,
      transferSceneId: deps.sceneId,
      openid: row.openid,
      amountFen: row.amount_fen,
      remark: TRANSFER_REMARK,
      notifyUrl: deps.notifyUrl,
      userRecvPerception: TRANSFER_RECV_PERCEPTION,
      sceneReportInfos: TRANSFER_REPORT_INFOS,
    });
    if (answer.state === 'SUCCESS' || answer.state === 'FAIL' || answer.state === 'CANCELLED') {
      await finish(deps, row, {
        state: answer.state,
        transferBillNo: answer.transfer_bill_no,
        reason: answer.fail_reason,
      });
      return;
    }
    await markTransferring(deps.db, {
      id: row.id,
      transferBillNo: answer.transfer_bill_no,
      state: answer.state,
      packageInfo: answer.package_info ?? null,
    });
  } catch (error) {
    if (
      error instanceof WechatPayApiError &&
      error.status < 500 &&
      error.status !== 429 &&
      !RETRYABLE_CODES.has(error.code)
    ) {
      deps.logger.warn(
        { withdrawalId: row.id, code: error.code, detail: error.detail },
        'WeChat Pay refused a transfer',
      );
      await markFinished(deps.db, {
        id: row.id,
        status: 'failed',
        transferBillNo: null,
        state: 'REFUSED',
        reason: `${error.code}: ${error.detail}`.slice(0, 200),
        now: deps.clock(),
      });
      return;
    }
    deps.logger.warn({ withdrawalId: row.id, err: error }, 'transfer not answered; the job sends it again');
  }
}

async function finish(
  deps: TransferDeps,
  row: WithdrawalRow,
  result: { state: string; transferBillNo: string; reason: string | undefined },
): Promise<boolean> {
  return markFinished(deps.db, {
    id: row.id,
    status: result.state === 'SUCCESS' ? 'succeeded' : 'failed',
    transferBillNo: result.transferBillNo,
    state: result.state,
    reason: result.state === 'SUCCESS' ? null : (result.reason ?? result.state).slice(0, 200),
    now: deps.clock(),
  });
}

export type TransferOutcome = 'applied' | 'duplicate' | 'unknown_bill' | 'mismatch' | 'not_final' | 'ignored';

/**
 * WeChat's word on a bill (MCHTRANSFER.BILL.FINISHED or a query): SUCCESS → succeeded,
 * FAIL / CANCELLED → failed (the amount is available again). Checked against the withdrawal
 * (merchant, amount); every write conditional, so a replay answers 'duplicate' and changes nothing.
 */
export async function applyTransferBill(deps: TransferDeps, bill: WechatPayTransferBill): Promise<TransferOutcome> {
  const row = await findWithdrawalByOutBillNo(deps.db, bill.out_bill_no);
  if (!row) return 'unknown_bill';
  const mchid = bill.mch_id ?? bill.mchid;
  if (bill.transfer_amount !== row.amount_fen || (mchid !== undefined && mchid !== deps.pay.mchid)) {
    deps.logger.error(
      { withdrawalId: row.id, amount: bill.transfer_amount, mchid },
      'transfer bill does not match the withdrawal; not applied',
    );
    return 'mismatch';
  }
  if (bill.state !== 'SUCCESS' && bill.state !== 'FAIL' && bill.state !== 'CANCELLED') return 'not_final';
  const applied = await finish(deps, row, {
    state: bill.state,
    transferBillNo: bill.transfer_bill_no,
    reason: bill.fail_reason,
  });
  return applied ? 'applied' : 'duplicate';
}

/** A verified notification: only MCHTRANSFER.BILL.FINISHED with a well-formed bill is applied. */
export async function applyTransferNotification(
  deps: TransferDeps,
  notification: VerifiedNotification,
): Promise<TransferOutcome> {
  if (notification.eventType !== 'MCHTRANSFER.BILL.FINISHED') return 'ignored';
  const bill = transferBillSchema.safeParse(notification.resource);
  if (!bill.success) {
    deps.logger.error({ id: notification.id }, 'transfer notification with an unexpected resource');
    return 'ignored';
  }
  return applyTransferBill(deps, bill.data);
}

const CENTRE_PAGE = 20;

/**
 * 推广中心: earnings, the team (level 1: buyers bound to me; level 2: buyers bound to the
 * promoters bound to me) and the newest orders that earned me commission, nicknames masked.
 */
export async function promoterCentre(
  executor: Executor,
  input: { promoterId: string; settleDays: number; now: Date },
): Promise<PromoterCentre> {
  const { promoterId } = input;
  const level1 = executor
    .selectFrom('promoter_bindings as b')
    .innerJoin('users as u', 'u.id', 'b.buyer_id')
    .select(['u.nickname', 'b.bound_at', sql<number>`1`.as('level')])
    .where('b.promoter_id', '=', promoterId);
  const level2 = executor
    .selectFrom('promoter_bindings as b2')
    .innerJoin('promoter_bindings as b1', 'b1.buyer_id', 'b2.promoter_id')
    .innerJoin('users as u', 'u.id', 'b2.buyer_id')
    .select(['u.nickname', 'b2.bound_at', sql<number>`2`.as('level')])
    .where('b1.promoter_id', '=', promoterId)
    .where('b2.buyer_id', '<>', promoterId);
  const [earnings, counts, recent, orders] = await Promise.all([
    balanceOf(executor, input),
    executor
      .selectFrom(level1.unionAll(level2).as('t'))
      .select([
        (eb) => eb.fn.countAll<string>().filterWhere('t.level', '=', 1).as('l1'),
        (eb) => eb.fn.countAll<string>().filterWhere('t.level', '=', 2).as('l2'),
      ])
      .executeTakeFirstOrThrow(),
    executor
      .selectFrom(level1.unionAll(level2).as('t'))
      .selectAll()
      .orderBy('t.bound_at', 'desc')
      .limit(CENTRE_PAGE)
      .execute(),
    executor
      .selectFrom('commission_ledger as l')
      .innerJoin('orders as o', 'o.id', 'l.order_id')
      .innerJoin('users as u', 'u.id', 'o.user_id')
      .leftJoin('commission_ledger as r', (join) =>
        join.onRef('r.order_id', '=', 'l.order_id').onRef('r.level', '=', 'l.level').on('r.kind', '=', 'reverse'),
      )
      .select([
        'u.nickname',
        'l.level',
        'l.amount_fen',
        'l.created_at',
        'o.status as order_status',
        'o.completed_at',
        'r.id as reverse_id',
      ])
      .where('l.promoter_id', '=', promoterId)
      .where('l.kind', '=', 'accrue')
      .orderBy('l.id', 'desc')
      .limit(CENTRE_PAGE)
      .execute(),
  ]);
  return {
    earnings,
    team: {
      level1Count: Number(counts.l1),
      level2Count: Number(counts.l2),
      recent: recent.map((m) => ({
        nickname: maskNickname(m.nickname),
        level: Number(m.level) === 2 ? 2 : 1,
        boundAt: m.bound_at.toISOString(),
      })),
    },
    orders: orders.map((o) => {
      const state = commissionState(
        { reversed: o.reverse_id !== null, orderStatus: o.order_status, completedAt: o.completed_at },
        input.settleDays,
        input.now,
      );
      return {
        buyer: maskNickname(o.nickname),
        level: o.level,
        commissionFen: o.amount_fen,
        state,
        settlesAt:
          state === 'pending' && o.order_status === 'completed' && o.completed_at
            ? settlesAt(o.completed_at, input.settleDays).toISOString()
            : null,
        createdAt: o.created_at.toISOString(),
      };
    }),
  };
}
