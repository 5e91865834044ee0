import { type Insertable, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { Executor } from '../../db/executor';
import type { BargainActivitiesTable, BargainActivityRow, BargainRow } from './bargain.table';

/** An activity with what the page shows of its product and SKU. */
export interface ActivityListRow extends BargainActivityRow {
  product_title: string;
  product_images: string[];
  sku_price_fen: number;
  sku_spec_values: string[];
  sku_image: string | null;
}

function activitiesWithProduct(db: Executor) {
  return db
    .selectFrom('bargain_activities as a')
    .innerJoin('products as p', 'p.id', 'a.product_id')
    .innerJoin('skus as s', 's.id', 'a.sku_id')
    .selectAll('a')
    .select([
      'p.title as product_title',
      'p.images as product_images',
      's.price_fen as sku_price_fen',
      's.spec_values as sku_spec_values',
      's.image as sku_image',
    ]);
}

/** Activities live at `now` (started, not ended), ending soonest first. */
export function listLiveActivities(db: Executor, now: Date): Promise<ActivityListRow[]> {
  return activitiesWithProduct(db)
    .where('a.starts_at', '<=', now)
    .where('a.ends_at', '>', now)
    .orderBy('a.ends_at')
    .orderBy('a.id')
    .execute();
}

export function findActivity(db: Executor, activityId: string): Promise<ActivityListRow | undefined> {
  return activitiesWithProduct(db).where('a.id', '=', activityId).executeTakeFirst();
}

export async function insertActivity(db: Executor, row: Insertable<BargainActivitiesTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('bargain_activities')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

const LIVE: BargainRow['status'][] = ['open', 'floor_reached', 'ordered'];

/** The owner's live (open, floor reached or ordered) bargain in an activity, if any. */
export function findLiveBargain(
  db: Executor,
  { activityId, ownerUserId }: { activityId: string; ownerUserId: string },
): Promise<BargainRow | undefined> {
  return db
    .selectFrom('bargains')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('owner_user_id', '=', ownerUserId)
    .where('status', 'in', LIVE)
    .executeTakeFirst();
}

/** How many bargains the owner has started in the activity, whatever became of them. */
export async function countOwnerBargains(
  db: Executor,
  { activityId, ownerUserId }: { activityId: string; ownerUserId: string },
): Promise<number> {
  const row = await db
    .selectFrom('bargains')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('activity_id', '=', activityId)
    .where('owner_user_id', '=', ownerUserId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Inserts an open bargain unless the owner already has a live one in the activity (the
 * partial unique index decides under concurrency): answers whether this call inserted it.
 */
export async function insertOpenBargain(
  db: Executor,
  b: {
    id: string;
    activityId: string;
    ownerUserId: string;
    startPriceFen: number;
    floorPriceFen: number;
    helpsTarget: number;
    expiresAt: Date;
    now: Date;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('bargains')
    .values({
      id: b.id,
      activity_id: b.activityId,
      owner_user_id: b.ownerUserId,
      start_price_fen: b.startPriceFen,
      floor_price_fen: b.floorPriceFen,
      current_price_fen: b.startPriceFen,
      helps_target: b.helpsTarget,
      expires_at: b.expiresAt,
      status: 'open',
      created_at: b.now,
      updated_at: b.now,
    })
    .onConflict((oc) => oc.columns(['activity_id', 'owner_user_id']).where('status', 'in', LIVE).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function findBargain(db: Executor, bargainId: string): Promise<BargainRow | undefined> {
  return db.selectFrom('bargains').selectAll().where('id', '=', bargainId).executeTakeFirst();
}

/**
 * Locks the bargain row until the transaction ends: every help, buy and order hook of one
 * bargain queues here, so each decides on the price and count the previous one committed.
 */
export function lockBargain(trx: Transaction<DB>, bargainId: string): Promise<BargainRow | undefined> {
  return trx.selectFrom('bargains').selectAll().where('id', '=', bargainId).forUpdate().executeTakeFirst();
}

export async function hasHelped(
  db: Executor,
  { bargainId, helperUserId }: { bargainId: string; helperUserId: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('bargain_helps')
    .select('bargain_id')
    .where('bargain_id', '=', bargainId)
    .where('helper_user_id', '=', helperUserId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A new user for the bigger cut: no order of theirs was ever paid. */
export async function hasPaidOrder(db: Executor, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('orders')
    .select('id')
    .where('user_id', '=', userId)
    .where('paid_at', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertHelp(
  trx: Transaction<DB>,
  help: { bargainId: string; helperUserId: string; cutFen: number; isNewUser: boolean; now: Date },
): Promise<void> {
  await trx
    .insertInto('bargain_helps')
    .values({
      bargain_id: help.bargainId,
      helper_user_id: help.helperUserId,
      cut_fen: help.cutFen,
      is_new_user: help.isNewUser,
      created_at: help.now,
    })
    .execute();
}

export async function setHelpReward(
  trx: Transaction<DB>,
  { bargainId, helperUserId, userCouponId }: { bargainId: string; helperUserId: string; userCouponId: string },
): Promise<void> {
  await trx
    .updateTable('bargain_helps')
    .set({ reward_user_coupon_id: userCouponId })
    .where('bargain_id', '=', bargainId)
    .where('helper_user_id', '=', helperUserId)
    .execute();
}

/**
 * Applies one cut: relative, and conditional on the state the cut was computed from (open,
 * `helps_done` as read under the lock, window open), so a stale computation changes nothing.
 */
export async function applyCut(
  trx: Transaction<DB>,
  cut: { bargainId: string; cutFen: number; helpsDoneBefore: number; floorReached: boolean; now: Date },
): Promise<boolean> {
  const row = await trx
    .updateTable('bargains')
    .set({
      current_price_fen: sql`current_price_fen - ${cut.cutFen}`,
      helps_done: sql`helps_done + 1`,
      status: cut.floorReached ? 'floor_reached' : 'open',
      updated_at: cut.now,
    })
    .where('id', '=', cut.bargainId)
    .where('status', '=', 'open')
    .where('helps_done', '=', cut.helpsDoneBefore)
    .where('expires_at', '>', cut.now)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export interface HelperRow {
  nickname: string;
  avatar_url: string | null;
  cut_fen: number;
  is_new_user: boolean;
  created_at: Date;
}

/** A bargain's helps, first first, with each helper's nickname and avatar. */
export function listHelpers(db: Executor, bargainId: string): Promise<HelperRow[]> {
  return db
    .selectFrom('bargain_helps as h')
    .innerJoin('users as u', 'u.id', 'h.helper_user_id')
    .select(['u.nickname', 'u.avatar_url', 'h.cut_fen', 'h.is_new_user', 'h.created_at'])
    .where('h.bargain_id', '=', bargainId)
    .orderBy('h.created_at')
    .orderBy('h.helper_user_id')
    .execute();
}

export function findUserCard(db: Executor, userId: string) {
  return db.selectFrom('users').select(['nickname', 'avatar_url']).where('id', '=', userId).executeTakeFirst();
}

/** open | floor_reached -> ordered, tied to the order; only inside the window. */
export async function markOrdered(
  trx: Transaction<DB>,
  { bargainId, orderId, now }: { bargainId: string; orderId: string; now: Date },
): Promise<boolean> {
  const row = await trx
    .updateTable('bargains')
    .set({ status: 'ordered', order_id: orderId, updated_at: now })
    .where('id', '=', bargainId)
    .where('status', 'in', ['open', 'floor_reached'])
    .where('expires_at', '>', now)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** ordered -> bought, for this order only. */
export async function markBought(
  db: Executor,
  { bargainId, orderId, at }: { bargainId: string; orderId: string; at: Date },
): Promise<boolean> {
  const row = await db
    .updateTable('bargains')
    .set({ status: 'bought', updated_at: at })
    .where('id', '=', bargainId)
    .where('status', '=', 'ordered')
    .where('order_id', '=', orderId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * ordered -> (its unpaid order was cancelled) open again, or floor_reached when the price is
 * at the floor, while the window is open; expired once it is over. The order is untied.
 */
export async function releaseOrdered(
  db: Executor,
  { bargainId, orderId, at }: { bargainId: string; orderId: string; at: Date },
): Promise<boolean> {
  const row = await db
    .updateTable('bargains')
    .set({
      status: sql`case when expires_at <= ${at} then 'expired'
        when current_price_fen = floor_price_fen then 'floor_reached' else 'open' end`,
      order_id: null,
      updated_at: at,
    })
    .where('id', '=', bargainId)
    .where('status', '=', 'ordered')
    .where('order_id', '=', orderId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** bought -> refunded (the order was refunded in full); nothing else changes. */
export async function markRefunded(
  db: Executor,
  { bargainId, orderId, at }: { bargainId: string; orderId: string; at: Date },
): Promise<boolean> {
  const row = await db
    .updateTable('bargains')
    .set({ status: 'refunded', updated_at: at })
    .where('id', '=', bargainId)
    .where('status', '=', 'bought')
    .where('order_id', '=', orderId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * open | floor_reached past expires_at -> expired, each once (the job; a start also expires
 * the owner's own due one first); answers how many moved.
 */
export async function expireDueBargains(
  db: Executor,
  { now, limit, ownerUserId, activityId }: { now: Date; limit: number; ownerUserId?: string; activityId?: string },
): Promise<number> {
  let due = db
    .selectFrom('bargains')
    .select('id')
    .where('status', 'in', ['open', 'floor_reached'])
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit);
  if (ownerUserId) due = due.where('owner_user_id', '=', ownerUserId);
  if (activityId) due = due.where('activity_id', '=', activityId);
  const rows = await db
    .updateTable('bargains')
    .set({ status: 'expired', updated_at: now })
    .where('id', 'in', due)
    .where('status', 'in', ['open', 'floor_reached'])
    .where('expires_at', '<=', now)
    .returning('id')
    .execute();
  return rows.length;
}
