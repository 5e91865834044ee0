import { type Selectable, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { Executor } from '../../db/executor';
import type { LotteriesTable, LotteryDrawsTable, LotteryPrizesTable } from './lottery.table';

export type LotteryRow = Selectable<LotteriesTable>;
export type PrizeRow = Selectable<LotteryPrizesTable>;

export function findLottery(db: Executor, lotteryId: string): Promise<LotteryRow | undefined> {
  return db.selectFrom('lotteries').selectAll().where('id', '=', lotteryId).executeTakeFirst();
}

/** Lotteries not over at `now` (of one campaign when given), soonest ending first. */
export function listOpenLotteries(
  db: Executor,
  { now, campaignId }: { now: Date; campaignId: string | null },
): Promise<LotteryRow[]> {
  let query = db.selectFrom('lotteries').selectAll().where('ends_at', '>', now);
  if (campaignId !== null) query = query.where('campaign_id', '=', campaignId);
  return query.orderBy('ends_at').orderBy('id').limit(50).execute();
}

/** The pool in its shown order (cumulative probability follows it). */
export function listPrizes(db: Executor, lotteryId: string): Promise<PrizeRow[]> {
  return db.selectFrom('lottery_prizes').selectAll().where('lottery_id', '=', lotteryId).orderBy('position').execute();
}

/**
 * Locks the shopper's counter for the lottery and day (created at 0 if missing) and answers
 * the draws made. Every draw of one shopper takes this lock first, so they queue here and
 * each reads the count its predecessor committed: the daily limit is exact.
 */
export async function lockUserDay(
  trx: Transaction<DB>,
  key: { lotteryId: string; userId: string; day: string },
): Promise<number> {
  await trx
    .insertInto('lottery_user_days')
    .values({ lottery_id: key.lotteryId, user_id: key.userId, day: key.day })
    .onConflict((oc) => oc.columns(['lottery_id', 'user_id', 'day']).doNothing())
    .execute();
  const row = await trx
    .selectFrom('lottery_user_days')
    .select('drawn')
    .where('lottery_id', '=', key.lotteryId)
    .where('user_id', '=', key.userId)
    .where('day', '=', key.day)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return row.drawn;
}

/** One more draw on the (locked) counter. */
export async function countDraw(
  trx: Transaction<DB>,
  key: { lotteryId: string; userId: string; day: string },
): Promise<void> {
  await trx
    .updateTable('lottery_user_days')
    .set({ drawn: sql`drawn + 1` })
    .where('lottery_id', '=', key.lotteryId)
    .where('user_id', '=', key.userId)
    .where('day', '=', key.day)
    .execute();
}

/** Draws the shopper made on the day (0 without a counter row); no lock, for showing. */
export async function drawnOnDay(db: Executor, key: { lotteryId: string; userId: string; day: string }) {
  const row = await db
    .selectFrom('lottery_user_days')
    .select('drawn')
    .where('lottery_id', '=', key.lotteryId)
    .where('user_id', '=', key.userId)
    .where('day', '=', key.day)
    .executeTakeFirst();
  return row?.drawn ?? 0;
}

/** Extra draws the shopper earned on the day. */
export async function extraDrawsOnDay(
  db: Executor,
  key: { lotteryId: string; userId: string; day: string },
): Promise<number> {
  const row = await db
    .selectFrom('lottery_extra_draws')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('lottery_id', '=', key.lotteryId)
    .where('user_id', '=', key.userId)
    .where('day', '=', key.day)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Awards one unit of a prize: a relative update guarded by `awarded < stock`. False when
 * none is left (the draw is then a miss). Locks the prize row until the transaction ends.
 */
export async function awardPrize(trx: Transaction<DB>, prizeId: string): Promise<boolean> {
  const row = await trx
    .updateTable('lottery_prizes')
    .set({ awarded: sql`awarded + 1` })
    .where('id', '=', prizeId)
    .where(sql<boolean>`awarded < stock`)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertDraw(
  db: Executor,
  draw: {
    id: string;
    lotteryId: string;
    userId: string;
    day: string;
    prizeId: string | null;
    status: LotteryDrawsTable['status'];
    userCouponId: string | null;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('lottery_draws')
    .values({
      id: draw.id,
      lottery_id: draw.lotteryId,
      user_id: draw.userId,
      day: draw.day,
      prize_id: draw.prizeId,
      status: draw.status,
      user_coupon_id: draw.userCouponId,
      order_id: null,
      created_at: draw.now,
    })
    .execute();
}

export interface WonDrawRow {
  id: string;
  created_at: Date;
  status: LotteryDrawsTable['status'];
  order_id: string | null;
  user_coupon_id: string | null;
  prize_id: string;
  kind: PrizeRow['kind'];
  title: string;
  image: string | null;
  points: number | null;
  sku_id: string | null;
}

const wonDrawColumns = [
  'd.id',
  'd.created_at',
  'd.status',
  'd.order_id',
  'd.user_coupon_id',
  'p.id as prize_id',
  'p.kind',
  'p.title',
  'p.image',
  'p.points',
  'p.sku_id',
] as const;

/** The shopper's prizes in a lottery (misses left out), newest first. */
export function listWonDraws(
  db: Executor,
  { lotteryId, userId, limit }: { lotteryId: string; userId: string; limit: number },
): Promise<WonDrawRow[]> {
  return db
    .selectFrom('lottery_draws as d')
    .innerJoin('lottery_prizes as p', 'p.id', 'd.prize_id')
    .select(wonDrawColumns)
    .where('d.lottery_id', '=', lotteryId)
    .where('d.user_id', '=', userId)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
}

/** A won draw of the shopper's, locked for the claim (undefined when unknown, another's, or a miss). */
export function lockWonDraw(
  trx: Transaction<DB>,
  { drawId, userId }: { drawId: string; userId: string },
): Promise<WonDrawRow | undefined> {
  return trx
    .selectFrom('lottery_draws as d')
    .innerJoin('lottery_prizes as p', 'p.id', 'd.prize_id')
    .select(wonDrawColumns)
    .where('d.id', '=', drawId)
    .where('d.user_id', '=', userId)
    .forUpdate('d')
    .executeTakeFirst();
}

/** unclaimed -> claimed with the order, once. */
export async function attachDrawOrder(
  trx: Transaction<DB>,
  { drawId, orderId }: { drawId: string; orderId: string },
): Promise<boolean> {
  const row = await trx
    .updateTable('lottery_draws')
    .set({ status: 'claimed', order_id: orderId })
    .where('id', '=', drawId)
    .where('status', '=', 'unclaimed')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** claimed -> unclaimed when that order was cancelled unpaid: the prize can be claimed again. */
export async function detachDrawOrder(db: Executor, { drawId, orderId }: { drawId: string; orderId: string }) {
  await db
    .updateTable('lottery_draws')
    .set({ status: 'unclaimed', order_id: null })
    .where('id', '=', drawId)
    .where('order_id', '=', orderId)
    .where('status', '=', 'claimed')
    .execute();
}
