import type { Executor } from '../db/executor';
import { grantExtraDraw } from '../modules/lottery/lottery-extra-draws';

/** A friend's paid order within this long after opening a lottery link earns the sharer a draw. */
export const REFERRAL_ORDER_WINDOW_MS = 7 * 24 * 3_600_000;

/**
 * A friend opened someone's lottery link: when the friend is new to the shop (no order ever,
 * and no share link opened before this one) the sharer gets one extra draw (friend_signup,
 * once per friend and lottery). The reward is for bringing a new shopper, a real action;
 * opening or sharing alone earns nothing for an existing shopper (WeChat forbids rewarding the
 * act of sharing). Call before recording this open.
 */
export async function rewardLotteryNewFriend(
  executor: Executor,
  input: { lotteryId: string; inviterUserId: string; friendUserId: string; now: Date },
): Promise<boolean> {
  const [opened, ordered] = await Promise.all([
    executor
      .selectFrom('share_events')
      .select('id')
      .where('type', '=', 'share_open')
      .where('user_id', '=', input.friendUserId)
      .limit(1)
      .executeTakeFirst(),
    executor.selectFrom('orders').select('id').where('user_id', '=', input.friendUserId).limit(1).executeTakeFirst(),
  ]);
  if (opened || ordered) return false;
  return grantExtraDraw(executor, {
    lotteryId: input.lotteryId,
    inviterUserId: input.inviterUserId,
    reason: 'friend_signup',
    sourceId: input.friendUserId,
    now: input.now,
  });
}

/**
 * A shopper's order was paid: when they opened a friend's lottery link in the week before,
 * that friend gets one extra draw (friend_order, once per order), in the payment's
 * transaction. Only the latest lottery link counts.
 */
export async function rewardLotteryFriendOrder(
  executor: Executor,
  input: { orderId: string; buyerUserId: string; at: Date },
): Promise<boolean> {
  const open = await executor
    .selectFrom('share_events')
    .select(['target_id', 'inviter_user_id'])
    .where('type', '=', 'share_open')
    .where('kind', '=', 'lottery')
    .where('user_id', '=', input.buyerUserId)
    .where('at', '>=', new Date(input.at.getTime() - REFERRAL_ORDER_WINDOW_MS))
    .where('at', '<=', input.at)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!open) return false;
  return grantExtraDraw(executor, {
    lotteryId: open.target_id,
    inviterUserId: open.inviter_user_id,
    reason: 'friend_order',
    sourceId: input.orderId,
    friendUserId: input.buyerUserId,
    now: input.at,
  });
}
