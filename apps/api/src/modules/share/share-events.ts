import type { ShareEventType, ShareKind } from '@wematrix/shared';
import type { Executor } from '../../db/executor';

export interface ShareEventInput {
  type: ShareEventType;
  kind: ShareKind;
  targetId: string;
  /** Whose share brought the user (for 'share': the sharer). */
  inviterUserId: string;
  /** The opener or joiner; absent for an anonymous open. */
  userId?: string | null;
  at: Date;
}

/**
 * Records one share fact for the figures of GET /api/ops/share/stats. The share routes record
 * 'share' and 'share_open'; a campaign module records 'join' when a friend joins or helps
 * through a share (the verified payload's inviter), in the transaction of that join, e.g.
 * `recordShareEvent(trx, { type: 'join', kind: 'group_buy_group', targetId: groupId,
 * inviterUserId, userId: joinerId, at: now })`. Recording rewards no one (docs/share.md).
 */
export async function recordShareEvent(executor: Executor, input: ShareEventInput): Promise<void> {
  await executor
    .insertInto('share_events')
    .values({
      type: input.type,
      kind: input.kind,
      target_id: input.targetId,
      inviter_user_id: input.inviterUserId,
      user_id: input.userId ?? null,
      at: input.at,
    })
    .execute();
}
