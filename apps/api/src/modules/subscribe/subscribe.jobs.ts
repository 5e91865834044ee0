import type { AppName } from '@wematrix/shared';
import type { Database } from '../../db/database';
import { WechatApiError, type WechatClients } from '../../integrations/wechat';
import type { JobRunner } from '../../jobs/job-runner';
import { findOpenidOfUser } from '../auth/user.repository';
import type { SubscribeConfig } from './subscribe.config';
import { claimDueOutboxMessages, settleOutboxAttempt } from './subscribe.repository';
import type { SubscribeOutboxRow } from './subscribe.table';
import { sendFailureOutcome } from './subscribe-retry';

/** Messages per tick; the rest are due next tick. */
const MAX_PER_TICK = 50;
/** A claimed message no sender settled within this long is claimed again (its sender died). */
const CLAIM_LEASE_MS = 2 * 60 * 1000;

/**
 * Sends one claimed message and records the outcome. Nothing here can touch the order: the
 * notice is a row of its own, and every failure ends as that row's status.
 */
async function sendOne(
  deps: { db: Database; wechat: WechatClients; config: SubscribeConfig | undefined },
  row: SubscribeOutboxRow,
  now: Date,
): Promise<void> {
  const settle = (outcome: Parameters<typeof settleOutboxAttempt>[1]['outcome']) =>
    settleOutboxAttempt(deps.db, { id: row.id, attempt: row.attempts, outcome });
  const openid = await findOpenidOfUser(deps.db, row.user_id, row.app);
  if (!openid) {
    await settle({ status: 'failed', errcode: null, error: `the shopper never signed in to ${row.app}` });
    return;
  }
  try {
    const { msgid } = await deps.wechat.subscribe.send(row.app as AppName, {
      touser: openid,
      templateId: row.template_id,
      page: row.page,
      data: row.data,
      miniprogramState: deps.config?.miniprogramState ?? 'formal',
    });
    await settle({ status: 'sent', msgid, at: now });
  } catch (error) {
    const errcode = error instanceof WechatApiError ? error.errcode : null;
    const message = error instanceof Error ? error.message : String(error);
    const next = sendFailureOutcome({ errcode, attempts: row.attempts, now });
    await settle(
      next.status === 'failed'
        ? { status: 'failed', errcode, error: message }
        : { status: 'pending', errcode, error: message, retryAt: next.retryAt },
    );
  }
}

/**
 * The subscribe-message sender on the job runner: claims due outbox rows (SKIP LOCKED, with
 * a lease, so instances never share one), sends each through WeChat and records sent /
 * failed / retry later. Answers how many messages it attempted.
 */
export function registerSubscribeJobs(
  jobs: JobRunner,
  deps: { db: Database; wechat: WechatClients; config: SubscribeConfig | undefined },
): void {
  jobs.register({
    name: 'subscribe.send',
    async run(now) {
      const claimed = await deps.db.transaction().execute((trx) =>
        claimDueOutboxMessages(trx, {
          now,
          leaseUntil: new Date(now.getTime() + CLAIM_LEASE_MS),
          limit: MAX_PER_TICK,
        }),
      );
      for (const row of claimed) await sendOne(deps, row, now);
      return claimed.length;
    },
  });
}
