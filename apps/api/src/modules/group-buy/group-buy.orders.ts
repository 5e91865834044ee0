import { randomUUID } from 'node:crypto';
import {
  decideGroupJoin,
  decideGroupOpen,
  type GroupJoinRefusal,
  groupBuyActivityStatus,
  groupBuyExpiresAt,
  groupBuyIsComplete,
  groupBuyUnitPriceFen,
} from '@wematrix/shared';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { Executor } from '../../db/executor';
import { isUuid } from '../../db/uuid';
import type { CampaignOrderHandler, CampaignOrderTerms } from '../../flows/campaign-orders';
import { recordShareEvent } from '../share/share-events';
import { GroupBuyError } from './group-buy.errors';
import {
  findActivityView,
  findGroup,
  hasPaidOrders,
  insertGroup,
  insertReservedMember,
  liveSeatsOfGroup,
  liveSeatsOfShopper,
  lockGroup,
  lockShopperInActivity,
} from './group-buy.repository';

/** The error a join refusal answers with. */
export function joinRefusalError(reason: GroupJoinRefusal): GroupBuyError {
  switch (reason) {
    case 'expired':
      return new GroupBuyError('GROUP_EXPIRED');
    case 'not_open':
      return new GroupBuyError('GROUP_NOT_OPEN');
    case 'own_group':
    case 'already_member':
      return new GroupBuyError('GROUP_ALREADY_JOINED', { details: { reason } });
    case 'full':
      return new GroupBuyError('GROUP_FULL');
    case 'limit_reached':
      return new GroupBuyError('GROUP_BUY_LIMIT');
    case 'new_users_only':
      return new GroupBuyError('GROUP_BUY_NEW_USERS_ONLY');
  }
}

/**
 * The leader's order terms, inside the order's transaction: the activity live, the leader
 * under its per-user limit (decided under the shopper's lock), then a new forming group with
 * seat 1 reserved for the leader. The line is the activity's SKU at the tier for its group
 * size, to be paid before the group's deadline. `reserve: false` (the quote) writes nothing.
 */
export async function openGroupTerms(
  trx: Transaction<DB>,
  input: { activityId: string; userId: string; now: Date; reserve: boolean },
): Promise<CampaignOrderTerms> {
  const { activityId, userId, now } = input;
  const activity = await findActivityView(trx, activityId);
  if (!activity) throw new GroupBuyError('GROUP_BUY_NOT_FOUND', { details: { activityId } });
  const unitPriceFen = groupBuyUnitPriceFen(activity.tiers, activity.group_size);
  const activityStatus = groupBuyActivityStatus(
    { enabled: activity.status === 'active', startsAt: activity.starts_at, endsAt: activity.ends_at },
    now,
  );
  await lockShopperInActivity(trx, { activityId, userId });
  const decision = decideGroupOpen({
    activityStatus: unitPriceFen === null ? 'disabled' : activityStatus,
    leaderActivitySeats: await liveSeatsOfShopper(trx, { activityId, userId }),
    perUserLimit: activity.per_user_limit,
  });
  if (!decision.ok || unitPriceFen === null) {
    if (!decision.ok && decision.reason === 'limit_reached') throw new GroupBuyError('GROUP_BUY_LIMIT');
    throw new GroupBuyError('GROUP_BUY_NOT_LIVE', {
      details: { startsAt: activity.starts_at.toISOString(), endsAt: activity.ends_at.toISOString() },
    });
  }
  const expiresAt = groupBuyExpiresAt({ now, windowHours: activity.window_hours, activityEndsAt: activity.ends_at });
  const memberId = randomUUID();
  if (input.reserve) {
    const groupId = randomUUID();
    await insertGroup(trx, {
      id: groupId,
      activityId,
      leaderUserId: userId,
      size: activity.group_size,
      unitPriceFen,
      expiresAt,
      now,
    });
    await insertReservedMember(trx, { id: memberId, groupId, activityId, userId, seatNo: 1, now });
  }
  return {
    kind: 'group_buy',
    ref: memberId,
    skuId: activity.sku_id,
    quantity: 1,
    unitPriceFen,
    payDeadlineAt: expiresAt,
  };
}

/**
 * A joiner's order terms, inside the order's transaction: the shopper's lock, then the
 * group's row lock (FOR UPDATE: joins of one group queue here, so the last seat is decided
 * once), then decideGroupJoin on what the locks protect, then the next free seat reserved.
 * The price is the one locked when the group opened; the order must be paid before the
 * group's deadline. Each refusal throws before anything is written.
 */
export async function joinGroupTerms(
  trx: Transaction<DB>,
  input: { groupId: string; userId: string; now: Date; reserve: boolean },
): Promise<CampaignOrderTerms> {
  const { groupId, userId, now } = input;
  const found = isUuid(groupId) ? await findGroup(trx, groupId) : undefined;
  if (!found) throw new GroupBuyError('GROUP_BUY_NOT_FOUND', { details: { groupId } });
  const activity = await findActivityView(trx, found.activity_id);
  if (!activity) throw new GroupBuyError('GROUP_BUY_NOT_FOUND', { details: { groupId } });
  await lockShopperInActivity(trx, { activityId: activity.id, userId });
  const group = await lockGroup(trx, groupId);
  if (!group) throw new GroupBuyError('GROUP_BUY_NOT_FOUND', { details: { groupId } });
  const seats = await liveSeatsOfGroup(trx, groupId);
  const decision = decideGroupJoin({
    group: {
      status: group.status,
      expiresAt: group.expires_at,
      size: group.size,
      leaderUserId: group.leader_user_id,
      leaderPaid: seats.some((s) => s.seat_no === 1 && s.status === 'paid' && s.user_id === group.leader_user_id),
    },
    liveSeats: seats.map((s) => ({ seatNo: s.seat_no, userId: s.user_id })),
    userId,
    now,
    newUserOnly: activity.new_user_only,
    joinerHasPaidOrders: activity.new_user_only ? await hasPaidOrders(trx, userId) : false,
    joinerActivitySeats: await liveSeatsOfShopper(trx, { activityId: activity.id, userId }),
    perUserLimit: activity.per_user_limit,
  });
  if (!decision.ok) throw joinRefusalError(decision.reason);
  const memberId = randomUUID();
  if (input.reserve) {
    await insertReservedMember(trx, {
      id: memberId,
      groupId,
      activityId: activity.id,
      userId,
      seatNo: decision.seatNo,
      now,
    });
    // Share tracking (fission ratio): a join counts for the group's leader, whose group page
    // is what friends are sent; in this transaction, so a refused order records nothing.
    await recordShareEvent(trx, {
      type: 'join',
      kind: 'group_buy_group',
      targetId: groupId,
      inviterUserId: group.leader_user_id,
      userId,
      at: now,
    });
  }
  return {
    kind: 'group_buy',
    ref: memberId,
    skuId: activity.sku_id,
    quantity: 1,
    unitPriceFen: group.unit_price_fen,
    payDeadlineAt: group.expires_at,
  };
}

/**
 * Every seat paid: forming -> succeeded. Takes the group's row lock first, so of two last
 * payments committing at once the second counts after the first has committed and sees
 * both (under READ COMMITTED each statement reads what is committed when it starts).
 */
async function succeedIfComplete(executor: Executor, { groupId, at }: { groupId: string; at: Date }): Promise<void> {
  const group = await executor
    .selectFrom('group_buy_groups')
    .select(['status', 'size'])
    .where('id', '=', groupId)
    .forUpdate()
    .executeTakeFirst();
  if (group?.status !== 'forming') return;
  const paid = await executor
    .selectFrom('group_buy_members')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('group_id', '=', groupId)
    .where('status', '=', 'paid')
    .executeTakeFirstOrThrow();
  if (!groupBuyIsComplete(group.size, paid.n)) return;
  await executor
    .updateTable('group_buy_groups')
    .set({ status: 'succeeded', succeeded_at: at })
    .where('id', '=', groupId)
    .where('status', '=', 'forming')
    .execute();
}

/**
 * A seat's side of its order; each step a conditional update on the member row in the
 * order's transaction. Cancel and refund never lock the group (they run after the order's
 * stock is given back, which holds SKU locks a join takes after the group's): a group whose
 * leader's seat is gone simply stops being open and fails at its deadline.
 */
export const groupBuyOrderHandler: CampaignOrderHandler = {
  /** Only once the group has succeeded; the group row is held (FOR SHARE) so expiry cannot fail it mid-shipment. */
  async shippable(executor, { ref }) {
    const group = await executor
      .selectFrom('group_buy_members as m')
      .innerJoin('group_buy_groups as g', 'g.id', 'm.group_id')
      .select('g.status')
      .where('m.id', '=', ref)
      .forShare('g')
      .executeTakeFirst();
    return group?.status === 'succeeded';
  },
  async attach(trx, { ref, orderId }) {
    const attached = await trx
      .updateTable('group_buy_members')
      .set({ order_id: orderId })
      .where('id', '=', ref)
      .where('status', '=', 'reserved')
      .where('order_id', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!attached) throw new GroupBuyError('GROUP_BUY_NOT_FOUND', { details: { memberId: ref } });
  },
  async paid(executor, { ref, orderId, at }) {
    const moved = await executor
      .updateTable('group_buy_members')
      .set({ status: 'paid', paid_at: at })
      .where('id', '=', ref)
      .where('order_id', '=', orderId)
      .where('status', '=', 'reserved')
      .returning('group_id')
      .executeTakeFirst();
    if (moved) await succeedIfComplete(executor, { groupId: moved.group_id, at });
  },
  async cancelled(executor, { ref, orderId, at }) {
    // The seat is free again for another shopper (the partial unique index counts live rows only).
    await executor
      .updateTable('group_buy_members')
      .set({ status: 'released', released_at: at })
      .where('id', '=', ref)
      .where('order_id', '=', orderId)
      .where('status', '=', 'reserved')
      .execute();
  },
  async refunded(executor, { ref, orderId, at }) {
    await executor
      .updateTable('group_buy_members')
      .set({ status: 'refunded', refunded_at: at })
      .where('id', '=', ref)
      .where('order_id', '=', orderId)
      .where('status', '=', 'paid')
      .execute();
  },
};
