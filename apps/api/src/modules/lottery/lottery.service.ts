import {
  campaignStatus,
  checkCompliance,
  describeFindings,
  drawsLeftToday,
  type LotteryMyPrize,
  type LotteryPoolProblem,
  type LotteryPrizeInput,
  type LotteryView,
  type LotteryWonPrize,
  lotteryOdds,
  lotterySettingsProblems,
  oddsPercent,
  shanghaiDay,
  validateLotteryPool,
} from '@wematrix/shared';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { Executor } from '../../db/executor';
import type { AssetUrl } from '../../http/asset-urls';
import { LotteryError } from './lottery.errors';
import {
  drawnOnDay,
  extraDrawsOnDay,
  findLottery,
  type LotteryRow,
  listPrizes,
  type WonDrawRow,
} from './lottery.repository';

/** The shopper's draws left on the Beijing day of `now` (no lock: for showing). */
export async function drawsLeftFor(
  db: Executor,
  lottery: LotteryRow,
  { userId, now }: { userId: string; now: Date },
): Promise<number> {
  const key = { lotteryId: lottery.id, userId, day: shanghaiDay(now) };
  const [drawnToday, extraToday] = await Promise.all([drawnOnDay(db, key), extraDrawsOnDay(db, key)]);
  return drawsLeftToday({
    dailyDraws: lottery.daily_draws,
    extraToday,
    maxExtraPerDay: lottery.max_extra_draws_per_day,
    drawnToday,
  });
}

/** The pool with its shown odds, 有 / 无 per prize and the shopper's draws left today. */
export async function lotteryView(
  db: Executor,
  assetUrl: AssetUrl,
  { lotteryId, userId, now }: { lotteryId: string; userId: string; now: Date },
): Promise<LotteryView> {
  const lottery = await findLottery(db, lotteryId);
  if (!lottery) throw new LotteryError('LOTTERY_NOT_FOUND');
  const [prizes, drawsLeft] = await Promise.all([
    listPrizes(db, lotteryId),
    drawsLeftFor(db, lottery, { userId, now }),
  ]);
  const odds = lotteryOdds(prizes.map((p) => ({ probabilityPpm: p.probability_ppm })));
  const status = campaignStatus({ startsAt: lottery.starts_at, endsAt: lottery.ends_at }, now);
  return {
    id: lottery.id,
    campaignId: lottery.campaign_id,
    title: lottery.title,
    startsAt: lottery.starts_at.toISOString(),
    endsAt: lottery.ends_at.toISOString(),
    status,
    dailyDraws: lottery.daily_draws,
    prizes: prizes.map((p) => ({
      id: p.id,
      kind: p.kind,
      title: p.title,
      image: p.image === null ? null : assetUrl(p.image),
      probabilityPpm: p.probability_ppm,
      oddsPercent: oddsPercent(p.probability_ppm),
      inStock: p.awarded < p.stock,
    })),
    missOddsPercent: odds.at(-1)?.percent ?? '100%',
    drawsLeftToday: status === 'live' ? drawsLeft : 0,
    serverTime: now.toISOString(),
  };
}

export function wonPrizeView(
  row: Pick<WonDrawRow, 'prize_id' | 'kind' | 'title' | 'image' | 'points' | 'sku_id' | 'user_coupon_id'>,
  assetUrl: AssetUrl,
): LotteryWonPrize {
  return {
    id: row.prize_id,
    kind: row.kind,
    title: row.title,
    image: row.image === null ? null : assetUrl(row.image),
    points: row.kind === 'points' ? row.points : null,
    userCouponId: row.user_coupon_id,
    skuId: row.kind === 'product' ? row.sku_id : null,
  };
}

export function myPrizeView(row: WonDrawRow, assetUrl: AssetUrl): LotteryMyPrize {
  if (row.status === 'miss') throw new Error(`draw ${row.id} is a miss, not a prize`);
  return {
    drawId: row.id,
    drawnAt: row.created_at.toISOString(),
    status: row.status,
    orderId: row.order_id,
    prize: wonPrizeView(row, assetUrl),
  };
}

/** Extra draws a shopper may earn a day unless the lottery says otherwise (the column's default). */
const DEFAULT_MAX_EXTRA_DRAWS_PER_DAY = 5;

/** What an operator saves: the lottery and its pool in shown order. */
export interface LotteryInput {
  id: string;
  campaignId: string | null;
  title: string;
  dailyDraws: number;
  maxExtraDrawsPerDay?: number;
  startsAt: Date;
  endsAt: Date;
  prizes: Array<LotteryPrizeInput & { id: string; image: string | null }>;
}

/** Every reason a lottery is refused on save: the pool's rules, the daily draws and the window. */
export function lotteryProblems(input: LotteryInput): LotteryPoolProblem[] {
  const check = validateLotteryPool(input.prizes);
  return [
    ...(check.ok ? [] : check.problems),
    ...lotterySettingsProblems({
      dailyDraws: input.dailyDraws,
      maxExtraDrawsPerDay: input.maxExtraDrawsPerDay ?? DEFAULT_MAX_EXTRA_DRAWS_PER_DAY,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
    }),
  ];
}

/**
 * Saves a lottery and its pool after the rules and the references (422 LOTTERY_POOL_INVALID
 * with every reason, nothing written). The caller opens the transaction so the pool lands whole or not at all.
 */
export async function createLottery(trx: Transaction<DB>, input: LotteryInput, now: Date): Promise<void> {
  const copy = [input.title, ...input.prizes.map((p) => p.title)].flatMap((text) => checkCompliance(text));
  const problems = [
    ...lotteryProblems(input),
    ...(await lotteryReferenceProblems(trx, input)),
    ...(copy.length > 0 ? [{ code: 'COPY_NOT_COMPLIANT' as const, message: describeFindings(copy) }] : []),
  ];
  if (problems.length > 0) {
    throw new LotteryError('LOTTERY_POOL_INVALID', {
      message: problems.map((p) => p.message).join('；'),
      details: { problems },
    });
  }
  await trx
    .insertInto('lotteries')
    .values({
      id: input.id,
      campaign_id: input.campaignId,
      title: input.title,
      daily_draws: input.dailyDraws,
      max_extra_draws_per_day: input.maxExtraDrawsPerDay ?? DEFAULT_MAX_EXTRA_DRAWS_PER_DAY,
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      created_at: now,
    })
    .execute();
  await trx
    .insertInto('lottery_prizes')
    .values(
      input.prizes.map((p, position) => ({
        id: p.id,
        lottery_id: input.id,
        position,
        kind: p.kind,
        title: p.title,
        image: p.image,
        probability_ppm: p.probabilityPpm,
        stock: p.stock,
        value_fen: p.valueFen,
        coupon_template_id: p.kind === 'coupon' ? (p.couponTemplateId ?? null) : null,
        points: p.kind === 'points' ? (p.points ?? null) : null,
        sku_id: p.kind === 'product' ? (p.skuId ?? null) : null,
        created_at: now,
      })),
    )
    .execute();
}

/**
 * What the pool names that does not exist (campaign, coupon templates, SKUs) or already does
 * (the lottery or a prize id): refused with the reason instead of a foreign-key failure.
 */
export async function lotteryReferenceProblems(db: Executor, input: LotteryInput): Promise<LotteryPoolProblem[]> {
  const problems: LotteryPoolProblem[] = [];
  const missing = async (table: 'campaigns' | 'coupon_templates' | 'skus', ids: string[]): Promise<string[]> => {
    if (ids.length === 0) return [];
    const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
    const found = new Set(rows.map((r) => r.id));
    return ids.filter((id) => !found.has(id));
  };
  if (input.campaignId) {
    for (const id of await missing('campaigns', [input.campaignId]))
      problems.push({ code: 'REFERENCE_UNKNOWN', message: `活动 ${id} 不存在` });
  }
  const templates = input.prizes.flatMap((p) =>
    p.kind === 'coupon' && p.couponTemplateId ? [p.couponTemplateId] : [],
  );
  for (const id of await missing('coupon_templates', templates))
    problems.push({ code: 'REFERENCE_UNKNOWN', message: `券模板 ${id} 不存在` });
  const skus = input.prizes.flatMap((p) => (p.kind === 'product' && p.skuId ? [p.skuId] : []));
  for (const id of await missing('skus', skus))
    problems.push({ code: 'REFERENCE_UNKNOWN', message: `商品规格 ${id} 不存在` });
  if (await findLottery(db, input.id)) problems.push({ code: 'ID_TAKEN', message: `抽奖活动编号 ${input.id} 已存在` });
  const prizeIds = input.prizes.map((p) => p.id);
  if (new Set(prizeIds).size !== prizeIds.length) problems.push({ code: 'ID_TAKEN', message: '奖品编号重复' });
  if (prizeIds.length > 0) {
    const taken = await db.selectFrom('lottery_prizes').select('id').where('id', 'in', prizeIds).execute();
    for (const row of taken) problems.push({ code: 'ID_TAKEN', message: `奖品编号 ${row.id} 已存在` });
  }
  return problems;
}
