import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { Executor } from '../../db/executor';
import type { GroupBuyActivityRow, GroupBuyGroupRow, GroupBuyMemberRow } from './group-buy.table';

const LIVE: Array<GroupBuyMemberRow['status']> = ['reserved', 'paid'];

/** An activity with what lists show of its product and SKU. */
export interface ActivityView extends GroupBuyActivityRow {
  product_title: string;
  images: string[];
  sku_price_fen: number;
}

function activityViews(db: Executor) {
  return db
    .selectFrom('group_buy_activities as a')
    .innerJoin('products as p', 'p.id', 'a.product_id')
    .innerJoin('skus as s', 's.id', 'a.sku_id')
    .selectAll('a')
    .select(['p.title as product_title', 'p.images', 's.price_fen as sku_price_fen']);
}

export function findActivityView(db: Executor, activityId: string): Promise<ActivityView | undefined> {
  return activityViews(db).where('a.id', '=', activityId).executeTakeFirst();
}

/** Enabled activities live at `now`, ending soonest first. */
export function listLiveActivityViews(db: Executor, now: Date): Promise<ActivityView[]> {
  return activityViews(db)
    .where('a.status', '=', 'active')
    .where('a.starts_at', '<=', now)
    .where('a.ends_at', '>', now)
    .orderBy('a.ends_at')
    .orderBy('a.id')
    .execute();
}

/**
 * Serialises one shopper's decisions in one activity (open or join, any group) until the
 * transaction ends, so two presses at once cannot both pass the per-user limit. Always taken
 * before a group's row lock (fixed order: shopper, then group).
 */
export async function lockShopperInActivity(
  trx: Transaction<DB>,
  { activityId, userId }: { activityId: string; userId: string },
): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`wematrix:group_buy:${activityId}:${userId}`}))`.execute(trx);
}

/** Live (reserved or paid) seats the shopper holds in the activity's groups. */
export async function liveSeatsOfShopper(
  db: Executor,
  { activityId, userId }: { activityId: string; userId: string },
): Promise<number> {
  const row = await db
    .selectFrom('group_buy_members')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('activity_id', '=', activityId)
    .where('user_id', '=', userId)
    .where('status', 'in', LIVE)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Has the shopper ever paid for an order (then they are not a new user)? */
export async function hasPaidOrders(db: Executor, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('orders')
    .select('id')
    .where('user_id', '=', userId)
    .where('paid_at', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The group's row, locked until the transaction ends: joins of one group queue here. */
export function lockGroup(trx: Transaction<DB>, groupId: string): Promise<GroupBuyGroupRow | undefined> {
  return trx.selectFrom('group_buy_groups').selectAll().where('id', '=', groupId).forUpdate().executeTakeFirst();
}

export function findGroup(db: Executor, groupId: string): Promise<GroupBuyGroupRow | undefined> {
  return db.selectFrom('group_buy_groups').selectAll().where('id', '=', groupId).executeTakeFirst();
}

export interface SeatView {
  seat_no: number;
  user_id: string;
  status: GroupBuyMemberRow['status'];
  nickname: string;
  avatar_url: string | null;
}

/** Seats held now (reserved or paid), seat order, with the holders' names. */
export function liveSeatsOfGroup(db: Executor, groupId: string): Promise<SeatView[]> {
  return db
    .selectFrom('group_buy_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.seat_no', 'm.user_id', 'm.status', 'u.nickname', 'u.avatar_url'])
    .where('m.group_id', '=', groupId)
    .where('m.status', 'in', LIVE)
    .orderBy('m.seat_no')
    .execute();
}

export async function insertGroup(
  trx: Transaction<DB>,
  group: {
    id: string;
    activityId: string;
    leaderUserId: string;
    size: number;
    unitPriceFen: number;
    expiresAt: Date;
    now: Date;
  },
): Promise<void> {
  await trx
    .insertInto('group_buy_groups')
    .values({
      id: group.id,
      activity_id: group.activityId,
      leader_user_id: group.leaderUserId,
      status: 'forming',
      size: group.size,
      unit_price_fen: group.unitPriceFen,
      expires_at: group.expiresAt,
      created_at: group.now,
      succeeded_at: null,
      failed_at: null,
      rebated_at: null,
    })
    .execute();
}

/** A reserved seat, no order yet (the order's attach sets it in the same transaction). */
export async function insertReservedMember(
  trx: Transaction<DB>,
  member: { id: string; groupId: string; activityId: string; userId: string; seatNo: number; now: Date },
): Promise<void> {
  await trx
    .insertInto('group_buy_members')
    .values({
      id: member.id,
      group_id: member.groupId,
      activity_id: member.activityId,
      user_id: member.userId,
      seat_no: member.seatNo,
      order_id: null,
      status: 'reserved',
      created_at: member.now,
      paid_at: null,
      released_at: null,
      refunded_at: null,
      refund_requested_at: null,
    })
    .execute();
}

/** Forming groups of an activity others can join at `now`: leader paid, seats left, before the deadline. */
export function openGroupsOfActivity(
  db: Executor,
  { activityId, now, limit }: { activityId: string; now: Date; limit: number },
) {
  return db
    .selectFrom('group_buy_groups as g')
    .innerJoin('users as u', 'u.id', 'g.leader_user_id')
    .select((eb) => [
      'g.id',
      'g.size',
      'g.expires_at',
      'u.nickname as leader_nickname',
      'u.avatar_url as leader_avatar_url',
      eb
        .selectFrom('group_buy_members as m')
        .whereRef('m.group_id', '=', 'g.id')
        .where('m.status', 'in', LIVE)
        .select((e) => e.fn.countAll<string>().as('n'))
        .$asScalar()
        .$notNull()
        .as('live_seats'),
    ])
    .where('g.activity_id', '=', activityId)
    .where('g.status', '=', 'forming')
    .where('g.expires_at', '>', now)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('group_buy_members as l')
          .select('l.id')
          .whereRef('l.group_id', '=', 'g.id')
          .where('l.seat_no', '=', 1)
          .where('l.status', '=', 'paid'),
      ),
    )
    .orderBy('g.expires_at')
    .orderBy('g.id')
    .limit(limit)
    .execute();
}

/** The caller's seats, newest first. */
export function seatsOfShopper(db: Executor, { userId, limit }: { userId: string; limit: number }) {
  return db
    .selectFrom('group_buy_members as m')
    .innerJoin('group_buy_groups as g', 'g.id', 'm.group_id')
    .innerJoin('group_buy_activities as a', 'a.id', 'm.activity_id')
    .select([
      'm.id',
      'm.group_id',
      'm.activity_id',
      'a.title',
      'm.seat_no',
      'm.status',
      'g.status as group_status',
      'm.order_id',
      'g.expires_at',
    ])
    .where('m.user_id', '=', userId)
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id')
    .limit(limit)
    .execute();
}
