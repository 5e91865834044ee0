import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { Executor } from '../../db/executor';
import type { CouponTemplatesTable } from './promotions.table';

const templateRule = [
  't.title',
  't.kind',
  't.threshold_fen',
  't.amount_fen',
  't.percent_off_bps',
  't.cap_fen',
  't.new_user_only',
  't.category_ids',
] as const;

export interface ClaimableTemplateRow {
  id: string;
  title: string;
  kind: CouponTemplatesTable['kind'];
  threshold_fen: number;
  amount_fen: number;
  percent_off_bps: number;
  cap_fen: number | null;
  new_user_only: boolean;
  category_ids: string[] | null;
  valid_until: Date | null;
  valid_days: number | null;
  per_user_limit: number;
  remaining: number;
  claimed_by_me: number;
}

/** Templates open for claiming now (window open, fixed validity not over), with the shopper's count. */
export async function listClaimableTemplates(
  db: Executor,
  { userId, now }: { userId: string | null; now: Date },
): Promise<ClaimableTemplateRow[]> {
  const rows = await db
    .selectFrom('coupon_templates as t')
    .select([
      't.id',
      ...templateRule,
      't.valid_until',
      't.valid_days',
      't.per_user_limit',
      sql<number>`t.total_stock - t.claimed_count`.as('remaining'),
      sql<number>`(select count(*) from user_coupons u where u.template_id = t.id and u.user_id = ${userId}::uuid)::int`.as(
        'claimed_by_me',
      ),
    ])
    .where('t.claim_starts_at', '<=', now)
    .where('t.claim_ends_at', '>', now)
    .where((eb) => eb.or([eb('t.valid_until', 'is', null), eb('t.valid_until', '>', now)]))
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute();
  return rows;
}

export interface TemplateForClaim {
  id: string;
  valid_from: Date | null;
  valid_until: Date | null;
  valid_days: number | null;
  per_user_limit: number;
}

/**
 * Takes one from the template's stock if it is claimable now: a relative update guarded by
 * the stock and the window. The row stays locked until the transaction ends, so claims of
 * one template queue here, and the per-user count read after it is exact (see claimCoupon).
 */
export async function takeTemplateStock(
  trx: Transaction<DB>,
  { templateId, now }: { templateId: string; now: Date },
): Promise<TemplateForClaim | undefined> {
  return trx
    .updateTable('coupon_templates')
    .set({ claimed_count: sql`claimed_count + 1` })
    .where('id', '=', templateId)
    .where('claimed_count', '<', sql<number>`total_stock`)
    .where('claim_starts_at', '<=', now)
    .where('claim_ends_at', '>', now)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', now)]))
    .returning(['id', 'valid_from', 'valid_until', 'valid_days', 'per_user_limit'])
    .executeTakeFirst();
}

/** Why a claim was refused: the template as it is, or undefined when there is none. */
export function findTemplateState(
  db: Executor,
  templateId: string,
): Promise<{ claim_starts_at: Date; claim_ends_at: Date; valid_until: Date | null } | undefined> {
  return db
    .selectFrom('coupon_templates')
    .select(['claim_starts_at', 'claim_ends_at', 'valid_until'])
    .where('id', '=', templateId)
    .executeTakeFirst();
}

export async function countClaims(db: Executor, { templateId, userId }: { templateId: string; userId: string }) {
  const row = await db
    .selectFrom('user_coupons')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('template_id', '=', templateId)
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUserCoupon(
  db: Executor,
  coupon: { templateId: string; userId: string; validFrom: Date; validUntil: Date; now: Date },
): Promise<string> {
  const row = await db
    .insertInto('user_coupons')
    .values({
      template_id: coupon.templateId,
      user_id: coupon.userId,
      valid_from: coupon.validFrom,
      valid_until: coupon.validUntil,
      claimed_at: coupon.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface UserCouponRow {
  id: string;
  template_id: string;
  title: string;
  kind: CouponTemplatesTable['kind'];
  threshold_fen: number;
  amount_fen: number;
  percent_off_bps: number;
  cap_fen: number | null;
  new_user_only: boolean;
  category_ids: string[] | null;
  status: 'available' | 'used';
  valid_from: Date;
  valid_until: Date;
  order_id: string | null;
  used_at: Date | null;
}

function userCouponQuery(db: Executor) {
  return db
    .selectFrom('user_coupons as u')
    .innerJoin('coupon_templates as t', 't.id', 'u.template_id')
    .select([
      'u.id',
      'u.template_id',
      ...templateRule,
      'u.status',
      'u.valid_from',
      'u.valid_until',
      'u.order_id',
      'u.used_at',
    ]);
}

/**
 * The shopper's coupons by derived status: available (unused, window not over), used,
 * expired (unused, window over). Available ones soonest-to-expire first.
 */
export function listUserCoupons(
  db: Executor,
  { userId, status, now }: { userId: string; status: 'available' | 'used' | 'expired'; now: Date },
): Promise<UserCouponRow[]> {
  const base = userCouponQuery(db).where('u.user_id', '=', userId);
  if (status === 'used')
    return base.where('u.status', '=', 'used').orderBy('u.used_at', 'desc').orderBy('u.id').execute();
  if (status === 'expired') {
    return base
      .where('u.status', '=', 'available')
      .where('u.valid_until', '<=', now)
      .orderBy('u.valid_until', 'desc')
      .orderBy('u.id')
      .limit(100)
      .execute();
  }
  return base
    .where('u.status', '=', 'available')
    .where('u.valid_until', '>', now)
    .orderBy('u.valid_until')
    .orderBy('u.id')
    .execute();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One coupon, only if it belongs to `userId` (another shopper's is as unknown as a made-up id). */
export async function findUserCoupon(
  db: Executor,
  { userId, userCouponId }: { userId: string; userCouponId: string },
): Promise<UserCouponRow | undefined> {
  // Ids are uuids; anything else cannot exist (and would fail the uuid cast with a 500).
  if (!UUID.test(userCouponId)) return undefined;
  return userCouponQuery(db).where('u.id', '=', userCouponId).where('u.user_id', '=', userId).executeTakeFirst();
}

/**
 * Marks the coupon used by `orderId`, only if it is the shopper's, unused and inside its
 * window at `now`. False when any of that fails (or a concurrent order took it first): the
 * order flow then refuses the order. One coupon per order is also a unique index.
 */
export async function useCouponForOrder(
  executor: Executor,
  { userCouponId, userId, orderId, now }: { userCouponId: string; userId: string; orderId: string; now: Date },
): Promise<boolean> {
  if (!UUID.test(userCouponId)) return false;
  const rows = await executor
    .updateTable('user_coupons')
    .set({ status: 'used', order_id: orderId, used_at: now })
    .where('id', '=', userCouponId)
    .where('user_id', '=', userId)
    .where('status', '=', 'available')
    .where('valid_from', '<=', now)
    .where('valid_until', '>', now)
    .returning('id')
    .execute();
  return rows.length === 1;
}

/**
 * Gives back the coupon an order used (the order was cancelled or fully refunded). It keeps
 * its original window, so one already past it shows as expired. False when the order used none.
 */
export async function releaseCouponForOrder(executor: Executor, { orderId }: { orderId: string }): Promise<boolean> {
  const rows = await executor
    .updateTable('user_coupons')
    .set({ status: 'available', order_id: null, used_at: null })
    .where('order_id', '=', orderId)
    .where('status', '=', 'used')
    .returning('id')
    .execute();
  return rows.length > 0;
}

/** A template's validity rule, for granting a coupon of it outside 领券中心 (the points mall). */
export function findTemplateValidity(
  db: Executor,
  templateId: string,
): Promise<{ valid_from: Date | null; valid_until: Date | null; valid_days: number | null } | undefined> {
  return db
    .selectFrom('coupon_templates')
    .select(['valid_from', 'valid_until', 'valid_days'])
    .where('id', '=', templateId)
    .executeTakeFirst();
}
