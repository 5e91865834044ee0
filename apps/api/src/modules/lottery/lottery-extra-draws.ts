import { randomUUID } from 'node:crypto';
import { shanghaiDay } from '@wematrix/shared';
import type { Executor } from '../../db/executor';
import type { LotteryExtraDrawReason } from './lottery.table';

/**
 * Gives the inviter one extra draw today (Beijing day) because a friend did something real:
 * signed up (`friend_signup`, source = the friend's user id) or placed a paid order
 * (`friend_order`, source = the order id). Called by the sign-up and order-paid paths, in
 * their transaction. There is deliberately no way to earn a draw by sharing: rewarding the
 * share itself is 诱导分享, which WeChat's platform rules forbid (docs/lottery.md).
 *
 * Once per source: the row is unique per (lottery, reason, source), so a replayed
 * notification or a second call changes nothing. Nothing happens when the lottery is unknown
 * or not live at `now`, and nothing for one's own action: a sign-up whose source is the
 * inviter, or `friendUserId` (who ordered) equal to the inviter. True when a draw was
 * granted. At most `max_extra_draws_per_day` of them count on one day.
 */
export async function grantExtraDraw(
  executor: Executor,
  grant: {
    lotteryId: string;
    inviterUserId: string;
    reason: LotteryExtraDrawReason;
    sourceId: string;
    /** The friend who acted, when the source is not their user id (an order). */
    friendUserId?: string;
    now: Date;
  },
): Promise<boolean> {
  const { now } = grant;
  const friend = grant.friendUserId ?? (grant.reason === 'friend_signup' ? grant.sourceId : null);
  if (friend === grant.inviterUserId) return false;
  const lottery = await executor
    .selectFrom('lotteries')
    .select('id')
    .where('id', '=', grant.lotteryId)
    .where('starts_at', '<=', now)
    .where('ends_at', '>', now)
    .executeTakeFirst();
  if (!lottery) return false;
  const row = await executor
    .insertInto('lottery_extra_draws')
    .values({
      id: randomUUID(),
      lottery_id: grant.lotteryId,
      user_id: grant.inviterUserId,
      day: shanghaiDay(now),
      reason: grant.reason,
      source_id: grant.sourceId,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['lottery_id', 'reason', 'source_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
