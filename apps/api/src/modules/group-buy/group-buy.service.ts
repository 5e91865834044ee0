import {
  decideGroupJoin,
  type GroupBuyActivity,
  type GroupBuyActivityDetail,
  type GroupBuyActivityList,
  type GroupBuyGroup,
  groupBuyActivityStatus,
  groupBuyCountdownSeconds,
  groupBuyGroupStatus,
  groupBuySeatsLeft,
  groupBuyUnitPriceFen,
  type MyGroupBuys,
  tierEntries,
} from '@wematrix/shared';
import type { Database } from '../../db/database';
import { isUuid } from '../../db/uuid';
import type { AssetUrl } from '../../http/asset-urls';
import { GroupBuyError } from './group-buy.errors';
import {
  type ActivityView,
  findActivityView,
  findGroup,
  hasPaidOrders,
  listLiveActivityViews,
  liveSeatsOfGroup,
  liveSeatsOfShopper,
  openGroupsOfActivity,
  seatsOfShopper,
} from './group-buy.repository';

/** Open groups shown on an activity page (the soonest to close first). */
const OPEN_GROUPS_SHOWN = 10;
const MY_SEATS_SHOWN = 50;

export function activityToView(row: ActivityView, assetUrl: AssetUrl, now: Date): GroupBuyActivity {
  const image = row.images[0];
  return {
    id: row.id,
    campaignId: row.campaign_id,
    productId: row.product_id,
    skuId: row.sku_id,
    title: row.title,
    productTitle: row.product_title,
    imageUrl: image ? assetUrl(image) : null,
    skuPriceFen: row.sku_price_fen,
    groupSize: row.group_size,
    groupPriceFen: groupBuyUnitPriceFen(row.tiers, row.group_size) ?? row.sku_price_fen,
    tiers: tierEntries(row.tiers).map(([size, priceFen]) => ({ size, priceFen })),
    leaderFree: row.leader_free,
    windowHours: row.window_hours,
    perUserLimit: row.per_user_limit,
    newUserOnly: row.new_user_only,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    status: groupBuyActivityStatus(
      { enabled: row.status === 'active', startsAt: row.starts_at, endsAt: row.ends_at },
      now,
    ),
  };
}

export async function listGroupBuys(db: Database, assetUrl: AssetUrl, now: Date): Promise<GroupBuyActivityList> {
  const rows = await listLiveActivityViews(db, now);
  return { serverTime: now.toISOString(), items: rows.map((row) => activityToView(row, assetUrl, now)) };
}

export async function groupBuyDetail(
  db: Database,
  assetUrl: AssetUrl,
  input: { activityId: string; now: Date },
): Promise<GroupBuyActivityDetail> {
  const { now } = input;
  const row = await findActivityView(db, input.activityId);
  if (!row) throw new GroupBuyError('GROUP_BUY_NOT_FOUND', { details: { activityId: input.activityId } });
  const groups = await openGroupsOfActivity(db, { activityId: row.id, now, limit: OPEN_GROUPS_SHOWN * 2 });
  const openGroups = groups
    .map((g) => ({
      id: g.id,
      leaderNickname: g.leader_nickname,
      leaderAvatarUrl: g.leader_avatar_url ? assetUrl(g.leader_avatar_url) : null,
      size: g.size,
      seatsLeft: groupBuySeatsLeft(g.size, Number(g.live_seats)),
      expiresAt: g.expires_at.toISOString(),
      countdownSeconds: groupBuyCountdownSeconds(g.expires_at, now),
    }))
    .filter((g) => g.seatsLeft > 0)
    .slice(0, OPEN_GROUPS_SHOWN);
  return { serverTime: now.toISOString(), activity: activityToView(row, assetUrl, now), openGroups };
}

/**
 * The group page: members, seats, countdown and status at the server's time, and whether the
 * caller may join (the same decideGroupJoin the join runs under its locks; here unlocked, so
 * it is advice: the join itself decides).
 */
export async function groupPage(
  db: Database,
  assetUrl: AssetUrl,
  input: { groupId: string; userId: string | null; now: Date },
): Promise<GroupBuyGroup> {
  const { groupId, userId, now } = input;
  const group = isUuid(groupId) ? await findGroup(db, groupId) : undefined;
  const activity = group ? await findActivityView(db, group.activity_id) : undefined;
  if (!group || !activity) throw new GroupBuyError('GROUP_BUY_NOT_FOUND', { details: { groupId } });
  const seats = await liveSeatsOfGroup(db, groupId);
  let refusal: GroupBuyGroup['joinRefusal'] = 'sign_in';
  if (userId !== null) {
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
      joinerHasPaidOrders: activity.new_user_only ? await hasPaidOrders(db, userId) : false,
      joinerActivitySeats: await liveSeatsOfShopper(db, { activityId: activity.id, userId }),
      perUserLimit: activity.per_user_limit,
    });
    refusal = decision.ok ? null : decision.reason;
  }
  return {
    serverTime: now.toISOString(),
    id: group.id,
    activity: activityToView(activity, assetUrl, now),
    status: groupBuyGroupStatus({ status: group.status, expiresAt: group.expires_at }, now),
    size: group.size,
    unitPriceFen: group.unit_price_fen,
    seatsLeft: groupBuySeatsLeft(group.size, seats.length),
    expiresAt: group.expires_at.toISOString(),
    countdownSeconds: groupBuyCountdownSeconds(group.expires_at, now),
    members: seats.map((s) => ({
      seatNo: s.seat_no,
      nickname: s.nickname,
      avatarUrl: s.avatar_url ? assetUrl(s.avatar_url) : null,
      isLeader: s.seat_no === 1,
      paid: s.status === 'paid',
    })),
    canJoin: refusal === null,
    joinRefusal: refusal,
  };
}

export async function myGroupBuys(db: Database, input: { userId: string; now: Date }): Promise<MyGroupBuys> {
  const rows = await seatsOfShopper(db, { userId: input.userId, limit: MY_SEATS_SHOWN });
  return {
    serverTime: input.now.toISOString(),
    items: rows.map((r) => ({
      memberId: r.id,
      groupId: r.group_id,
      activityId: r.activity_id,
      title: r.title,
      seatNo: r.seat_no,
      memberStatus: r.status,
      groupStatus: groupBuyGroupStatus({ status: r.group_status, expiresAt: r.expires_at }, input.now),
      orderId: r.order_id,
      expiresAt: r.expires_at.toISOString(),
    })),
  };
}
