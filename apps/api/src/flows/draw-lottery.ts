import { randomUUID } from 'node:crypto';
import { drawPrize, drawsLeftToday, type LotteryDrawResult, shanghaiDay } from '@wematrix/shared';
import type { Transaction } from 'kysely';
import type { Database, DB } from '../db/database';
import type { AssetUrl } from '../http/asset-urls';
import { LotteryError } from '../modules/lottery/lottery.errors';
import {
  awardPrize,
  countDraw,
  extraDrawsOnDay,
  findLottery,
  insertDraw,
  listPrizes,
  lockUserDay,
  type PrizeRow,
} from '../modules/lottery/lottery.repository';
import { wonPrizeView } from '../modules/lottery/lottery.service';
import { findTemplateValidity, insertUserCoupon } from '../modules/promotions/coupon.repository';
import { grantPoints } from '../modules/promotions/points.repository';
import { claimedWindow } from '../modules/promotions/promotions.service';

/** A number in [0, 1); the API passes a crypto-backed one, tests a fixed or seeded one. */
export type RandomSource = () => number;

/**
 * One draw, in one transaction (docs/lottery.md "Drawing"):
 * 1. the lottery is live at `now` (409 LOTTERY_NOT_LIVE);
 * 2. the shopper's counter for the lottery and Beijing day is locked (SELECT … FOR UPDATE):
 *    one shopper's draws queue here, so the daily limit (base + extra earned today) is exact;
 *    none left: 409 LOTTERY_NO_DRAWS_LEFT and the transaction rolls back (nothing written);
 * 3. the roll picks a prize by cumulative probability (drawPrize); a prize with none left,
 *    or a coupon whose template's validity is over, is a miss, not a re-roll;
 * 4. a won prize is awarded by `awarded = awarded + 1 where awarded < stock`: when that finds
 *    nothing (another shopper took the last one meanwhile) the draw is a miss;
 * 5. a coupon goes to the shopper at once (the template's validity, like the points mall: the
 *    prize's stock is the limit, not the template's 领券中心 stock), points through the ledger
 *    (reason 'grant', ref `lottery:<drawId>`, once); a product waits for the shopper's address;
 * 6. the draw row is written, the counter moves by one, and the answer says what was won.
 */
export async function drawLottery(
  db: Database,
  assetUrl: AssetUrl,
  request: { lotteryId: string; userId: string; now: Date; random: RandomSource },
): Promise<LotteryDrawResult> {
  const { lotteryId, userId, now } = request;
  return db.transaction().execute(async (trx) => {
    const lottery = await findLottery(trx, lotteryId);
    if (!lottery) throw new LotteryError('LOTTERY_NOT_FOUND');
    if (now < lottery.starts_at || now >= lottery.ends_at) {
      throw new LotteryError('LOTTERY_NOT_LIVE', {
        details: { startsAt: lottery.starts_at.toISOString(), endsAt: lottery.ends_at.toISOString() },
      });
    }
    const key = { lotteryId, userId, day: shanghaiDay(now) };
    const drawnToday = await lockUserDay(trx, key);
    const extraToday = await extraDrawsOnDay(trx, key);
    const allowance = { dailyDraws: lottery.daily_draws, extraToday, maxExtraPerDay: lottery.max_extra_draws_per_day };
    if (drawsLeftToday({ ...allowance, drawnToday }) === 0) {
      throw new LotteryError('LOTTERY_NO_DRAWS_LEFT', { details: { dailyDraws: lottery.daily_draws, extraToday } });
    }
    const prizes = await listPrizes(trx, lotteryId);
    const pick = drawPrize(
      prizes.map((prize) => ({ prize, probabilityPpm: prize.probability_ppm, stockLeft: prize.stock - prize.awarded })),
      request.random,
    );
    const drawId = randomUUID();
    const won = pick.outcome === 'won' ? await award(trx, pick.prize.prize, { drawId, userId, now }) : null;
    await insertDraw(trx, {
      id: drawId,
      lotteryId,
      userId,
      day: key.day,
      prizeId: won?.prize.id ?? null,
      status: won === null ? 'miss' : won.prize.kind === 'product' ? 'unclaimed' : 'issued',
      userCouponId: won?.userCouponId ?? null,
      now,
    });
    await countDraw(trx, key);
    return {
      drawId,
      status: won === null ? 'miss' : won.prize.kind === 'product' ? 'unclaimed' : 'issued',
      prize:
        won === null
          ? null
          : wonPrizeView({ ...won.prize, prize_id: won.prize.id, user_coupon_id: won.userCouponId }, assetUrl),
      drawsLeftToday: drawsLeftToday({ ...allowance, drawnToday: drawnToday + 1 }),
    };
  });
}

/** Steps 4–5 for a picked prize; null when it turns out to be a miss. */
async function award(
  trx: Transaction<DB>,
  prize: PrizeRow,
  { drawId, userId, now }: { drawId: string; userId: string; now: Date },
): Promise<{ prize: PrizeRow; userCouponId: string | null } | null> {
  if (prize.kind === 'coupon') {
    const template = await findTemplateValidity(trx, prize.coupon_template_id as string);
    // A coupon nobody could use any more is no prize: a miss, like an empty slice.
    if (!template || (template.valid_until !== null && template.valid_until <= now)) return null;
    if (!(await awardPrize(trx, prize.id))) return null;
    const { validFrom, validUntil } = claimedWindow(template, now);
    const userCouponId = await insertUserCoupon(trx, {
      templateId: prize.coupon_template_id as string,
      userId,
      validFrom,
      validUntil,
      now,
    });
    return { prize, userCouponId };
  }
  if (!(await awardPrize(trx, prize.id))) return null;
  if (prize.kind === 'points') {
    await grantPoints(trx, { userId, points: prize.points as number, reason: 'grant', ref: `lottery:${drawId}`, now });
  }
  return { prize, userCouponId: null };
}
