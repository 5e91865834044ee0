import { randomInt, randomUUID } from 'node:crypto';
import {
  type Bargain,
  type BargainActivity,
  type BargainErrorCode,
  type BargainHelpRefusal,
  type BargainHelpResult,
  type BargainStarted,
  bargainCountdownSeconds,
  bargainCut,
  bargainExpiresAt,
  bargainHelpCheck,
  bargainStatus,
  validateBargainActivity,
} from '@wematrix/shared';
import { sql, type Transaction } from 'kysely';
import type { Database, DB } from '../../db/database';
import type { CampaignOrderTerms } from '../../flows/campaign-orders';
import type { AssetUrl } from '../../http/asset-urls';
import { claimCoupon } from '../promotions/coupon-claim';
import { PromotionError } from '../promotions/promotions.errors';
import { recordShareEvent } from '../share/share-events';
import { BargainError } from './bargain.errors';
import {
  type ActivityListRow,
  applyCut,
  countOwnerBargains,
  expireDueBargains,
  findActivity,
  findBargain,
  findLiveBargain,
  findUserCard,
  hasHelped,
  hasPaidOrder,
  insertActivity,
  insertHelp,
  insertOpenBargain,
  listHelpers,
  lockBargain,
  setHelpReward,
} from './bargain.repository';
import type { BargainRow } from './bargain.table';

/**
 * Uniform in [0, 1) from the OS's CSPRNG: who cuts how much is not guessable. randomInt's
 * range is at most 2^48 − 1 wide, hence 47 bits.
 */
export const systemRandom = (): number => randomInt(0, 2 ** 47) / 2 ** 47;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function activityRowToActivity(row: ActivityListRow, assetUrl: AssetUrl): BargainActivity {
  const cover = row.sku_image ?? row.product_images[0] ?? null;
  return {
    id: row.id,
    campaignId: row.campaign_id,
    productId: row.product_id,
    skuId: row.sku_id,
    title: row.title,
    productTitle: row.product_title,
    specText: row.sku_spec_values.join(' / '),
    imageUrl: cover ? assetUrl(cover) : '',
    priceFen: row.sku_price_fen,
    floorPriceFen: row.floor_price_fen,
    windowHours: row.window_hours,
    helpsTarget: row.helps_target,
    perUserLimit: row.per_user_limit,
    helperRewardCouponTemplateId: row.helper_reward_coupon_template_id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
  };
}

const startedOf = (row: BargainRow): BargainStarted => ({
  bargainId: row.id,
  startPriceFen: row.start_price_fen,
  expiresAt: row.expires_at.toISOString(),
});

/**
 * Starts the owner's bargain in a live activity at the SKU's price; the owner's live one
 * (open, floor reached or ordered) is answered instead when there is one (`created: false`).
 * One live bargain per owner and activity is the partial unique index's decision, so two
 * starts at once give one bargain; the per-user limit counts every bargain started.
 */
export async function startBargain(
  db: Database,
  { activityId, userId, now }: { activityId: string; userId: string; now: Date },
): Promise<{ started: BargainStarted; created: boolean }> {
  const activity = await findActivity(db, activityId);
  if (!activity) throw new BargainError('BARGAIN_ACTIVITY_NOT_FOUND', { details: { id: activityId } });
  if (now < activity.starts_at || now >= activity.ends_at)
    throw new BargainError('BARGAIN_NOT_LIVE', {
      details: { startsAt: activity.starts_at.toISOString(), endsAt: activity.ends_at.toISOString() },
    });
  // A bargain past its window that the job has not reached yet must not block a new one.
  await expireDueBargains(db, { now, limit: 1000, ownerUserId: userId, activityId });
  const live = await findLiveBargain(db, { activityId, ownerUserId: userId });
  if (live) return { started: startedOf(live), created: false };
  const started = await countOwnerBargains(db, { activityId, ownerUserId: userId });
  if (started >= activity.per_user_limit)
    throw new BargainError('BARGAIN_LIMIT', {
      message: `每人限发起 ${activity.per_user_limit} 次`,
      details: { perUserLimit: activity.per_user_limit },
    });
  // The SKU's price may have moved since the activity was saved: every help still needs a fen.
  if (activity.sku_price_fen - activity.floor_price_fen < activity.helps_target)
    throw new BargainError('BARGAIN_NOT_LIVE', { details: { reason: 'price_below_floor' } });
  const id = randomUUID();
  const expiresAt = bargainExpiresAt({
    startedAt: now,
    windowHours: activity.window_hours,
    activityEndsAt: activity.ends_at,
  });
  const inserted = await insertOpenBargain(db, {
    id,
    activityId,
    ownerUserId: userId,
    startPriceFen: activity.sku_price_fen,
    floorPriceFen: activity.floor_price_fen,
    helpsTarget: activity.helps_target,
    expiresAt,
    now,
  });
  if (inserted)
    return {
      started: { bargainId: id, startPriceFen: activity.sku_price_fen, expiresAt: expiresAt.toISOString() },
      created: true,
    };
  // Another start of the same owner won the race: answer that one.
  const winner = await findLiveBargain(db, { activityId, ownerUserId: userId });
  if (!winner) throw new BargainError('BARGAIN_LIMIT', { details: { perUserLimit: activity.per_user_limit } });
  return { started: startedOf(winner), created: false };
}

const REFUSALS: Record<Exclude<BargainHelpRefusal, 'not_signed_in'>, BargainErrorCode> = {
  own: 'BARGAIN_OWN',
  expired: 'BARGAIN_EXPIRED',
  ordered: 'BARGAIN_ALREADY_ORDERED',
  already_helped: 'BARGAIN_ALREADY_HELPED',
  floor_reached: 'BARGAIN_FLOOR_REACHED',
};

/**
 * One friend's help, in one transaction with the bargain row locked (FOR UPDATE), so helps
 * of one bargain run one after another and each cuts from the price the previous committed:
 * refusals checked (own, expired, ordered, helped before, floor reached), the cut drawn
 * (bargainCut; a shopper with no paid order is a new user), the help row inserted and the
 * price moved by a conditional relative update. The activity's reward coupon is then issued
 * to the helper for helping (a real action) through the promotions module's claimCoupon,
 * inside a savepoint: a coupon that is sold out or over its per-user limit leaves the help
 * standing without a reward.
 */
export async function helpBargain(
  db: Database,
  input: { bargainId: string; helperUserId: string; now: Date; random: () => number },
): Promise<BargainHelpResult> {
  const { bargainId, helperUserId, now } = input;
  if (!UUID.test(bargainId)) throw new BargainError('BARGAIN_NOT_FOUND', { details: { id: bargainId } });
  return db.transaction().execute(async (trx) => {
    const row = await lockBargain(trx, bargainId);
    if (!row) throw new BargainError('BARGAIN_NOT_FOUND', { details: { id: bargainId } });
    const check = bargainHelpCheck({
      status: row.status,
      expiresAt: row.expires_at,
      ownerUserId: row.owner_user_id,
      helperUserId,
      alreadyHelped: await hasHelped(trx, { bargainId, helperUserId }),
      now,
    });
    if (!check.ok)
      throw new BargainError(check.reason === 'not_signed_in' ? 'BARGAIN_NOT_FOUND' : REFUSALS[check.reason]);
    const isNewUser = !(await hasPaidOrder(trx, helperUserId));
    const cut = bargainCut({
      currentFen: row.current_price_fen,
      floorFen: row.floor_price_fen,
      helpsDone: row.helps_done,
      helpsTarget: row.helps_target,
      isNewUser,
      random: input.random,
    });
    await insertHelp(trx, { bargainId, helperUserId, cutFen: cut.cutFen, isNewUser, now });
    const applied = await applyCut(trx, {
      bargainId,
      cutFen: cut.cutFen,
      helpsDoneBefore: row.helps_done,
      floorReached: cut.floorReached,
      now,
    });
    // Decided under the lock on the row as read: a miss here is a bug, not a race.
    if (!applied) throw new Error(`bargain ${bargainId} moved under its row lock`);
    const activity = await trx
      .selectFrom('bargain_activities')
      .select('helper_reward_coupon_template_id')
      .where('id', '=', row.activity_id)
      .executeTakeFirstOrThrow();
    const templateId = activity.helper_reward_coupon_template_id;
    const rewardUserCouponId = templateId
      ? await issueHelperReward(trx, { templateId, userId: helperUserId, now })
      : null;
    if (rewardUserCouponId) await setHelpReward(trx, { bargainId, helperUserId, userCouponId: rewardUserCouponId });
    // A friend acted on the owner's bargain: a 'join' for the fission figures (docs/share.md).
    await recordShareEvent(trx, {
      type: 'join',
      kind: 'bargain',
      targetId: bargainId,
      inviterUserId: row.owner_user_id,
      userId: helperUserId,
      at: now,
    });
    return {
      cutFen: cut.cutFen,
      isNewUser,
      currentPriceFen: cut.newPriceFen,
      helpsDone: row.helps_done + 1,
      floorReached: cut.floorReached,
      rewardUserCouponId,
    };
  });
}

/** claimCoupon inside a savepoint: the coupon's own refusals undo only the coupon. */
async function issueHelperReward(
  trx: Transaction<DB>,
  { templateId, userId, now }: { templateId: string; userId: string; now: Date },
): Promise<string | null> {
  await sql`savepoint bargain_reward`.execute(trx);
  try {
    const userCouponId = await claimCoupon(trx, { templateId, userId, now });
    await sql`release savepoint bargain_reward`.execute(trx);
    return userCouponId;
  } catch (error) {
    if (!(error instanceof PromotionError)) throw error;
    await sql`rollback to savepoint bargain_reward`.execute(trx);
    return null;
  }
}

/** The bargain page for anyone with the link; `viewerId` null when not signed in. */
export async function bargainView(
  db: Database,
  assetUrl: AssetUrl,
  { bargainId, viewerId, now }: { bargainId: string; viewerId: string | null; now: Date },
): Promise<Bargain> {
  const row = UUID.test(bargainId) ? await findBargain(db, bargainId) : undefined;
  if (!row) throw new BargainError('BARGAIN_NOT_FOUND', { details: { id: bargainId } });
  const [activity, owner, helpers, alreadyHelped] = await Promise.all([
    findActivity(db, row.activity_id),
    findUserCard(db, row.owner_user_id),
    listHelpers(db, row.id),
    viewerId ? hasHelped(db, { bargainId: row.id, helperUserId: viewerId }) : Promise.resolve(false),
  ]);
  if (!activity || !owner) throw new BargainError('BARGAIN_NOT_FOUND', { details: { id: bargainId } });
  const isOwner = viewerId === row.owner_user_id;
  const check = bargainHelpCheck({
    status: row.status,
    expiresAt: row.expires_at,
    ownerUserId: row.owner_user_id,
    helperUserId: viewerId,
    alreadyHelped,
    now,
  });
  const status = bargainStatus({ status: row.status, expiresAt: row.expires_at }, now);
  return {
    id: row.id,
    activity: activityRowToActivity(activity, assetUrl),
    owner: { nickname: owner.nickname, avatarUrl: owner.avatar_url ? assetUrl(owner.avatar_url) : null },
    isOwner,
    startPriceFen: row.start_price_fen,
    currentPriceFen: row.current_price_fen,
    floorPriceFen: row.floor_price_fen,
    cutFen: row.start_price_fen - row.current_price_fen,
    helpsDone: row.helps_done,
    helpsTarget: row.helps_target,
    status,
    expiresAt: row.expires_at.toISOString(),
    countdownSeconds:
      status === 'open' || status === 'floor_reached' ? bargainCountdownSeconds(row.expires_at, now) : 0,
    serverTime: now.toISOString(),
    orderId: isOwner ? row.order_id : null,
    helpers: helpers.map((h) => ({
      nickname: h.nickname,
      avatarUrl: h.avatar_url ? assetUrl(h.avatar_url) : null,
      cutFen: h.cut_fen,
      isNewUser: h.is_new_user,
      helpedAt: h.created_at.toISOString(),
    })),
    canHelp: check.ok,
    cannotHelpReason: check.ok ? null : check.reason,
  };
}

/**
 * The terms of the owner's order at the bargain's current price, inside the order's
 * transaction: the row locked, the owner's, inside its window and not ordered yet. One unit
 * of the activity's SKU; the order's usual pay deadline applies.
 */
export async function bargainOrderTerms(
  trx: Transaction<DB>,
  { bargainId, userId, now }: { bargainId: string; userId: string; now: Date },
): Promise<CampaignOrderTerms> {
  const row = UUID.test(bargainId) ? await lockBargain(trx, bargainId) : undefined;
  if (!row || row.owner_user_id !== userId) throw new BargainError('BARGAIN_NOT_FOUND', { details: { id: bargainId } });
  const status = bargainStatus({ status: row.status, expiresAt: row.expires_at }, now);
  if (status === 'expired') throw new BargainError('BARGAIN_EXPIRED', { details: { id: bargainId } });
  if (status !== 'open' && status !== 'floor_reached')
    throw new BargainError('BARGAIN_ALREADY_ORDERED', { details: { id: bargainId, orderId: row.order_id } });
  const activity = await trx
    .selectFrom('bargain_activities')
    .select('sku_id')
    .where('id', '=', row.activity_id)
    .executeTakeFirstOrThrow();
  return { kind: 'bargain', ref: row.id, skuId: activity.sku_id, quantity: 1, unitPriceFen: row.current_price_fen };
}

/** The caller's live bargain in an activity (for the activity page), if any. */
export async function myLiveBargainId(
  db: Database,
  { activityId, userId, now }: { activityId: string; userId: string | null; now: Date },
): Promise<string | null> {
  if (!userId) return null;
  const live = await findLiveBargain(db, { activityId, ownerUserId: userId });
  if (!live) return null;
  return bargainStatus({ status: live.status, expiresAt: live.expires_at }, now) === 'expired' ? null : live.id;
}

export interface BargainActivityInput {
  id: string;
  campaignId: string | null;
  title: string;
  productId: string;
  skuId: string;
  floorPriceFen: number;
  windowHours: number;
  helpsTarget: number;
  perUserLimit: number;
  helperRewardCouponTemplateId: string | null;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Saves an activity after validateBargainActivity against the SKU's price (there is no
 * operators' console yet: the seed and tests call this). Throws with every problem; answers
 * false when the id exists already (nothing changed).
 */
export async function createBargainActivity(db: Database, input: BargainActivityInput, now: Date): Promise<boolean> {
  const sku = await db
    .selectFrom('skus')
    .select(['price_fen', 'product_id'])
    .where('id', '=', input.skuId)
    .executeTakeFirst();
  if (!sku || sku.product_id !== input.productId) throw new Error(`bargain activity ${input.id}: unknown SKU`);
  const check = validateBargainActivity({ ...input, skuPriceFen: sku.price_fen });
  if (!check.ok) throw new Error(`bargain activity ${input.id} refused: ${check.problems.join(', ')}`);
  return insertActivity(db, {
    id: input.id,
    campaign_id: input.campaignId,
    title: input.title,
    product_id: input.productId,
    sku_id: input.skuId,
    floor_price_fen: input.floorPriceFen,
    window_hours: input.windowHours,
    helps_target: input.helpsTarget,
    per_user_limit: input.perUserLimit,
    helper_reward_coupon_template_id: input.helperRewardCouponTemplateId,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    created_at: now,
  });
}
