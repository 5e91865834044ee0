import type { LotteryPrizeInput } from '@wematrix/shared';
import type { Database } from '../../db/database';
import { createLottery, type LotteryInput } from './lottery.service';

const HOUR_MS = 3600_000;
let lotteryCounter = 0;

export type PrizeSpec = Partial<LotteryPrizeInput> & { kind: LotteryPrizeInput['kind'] };

/** A prize of the kind with sensible defaults: 100% odds, 10 in stock; a product is the fixture toner. */
export function prize(spec: PrizeSpec): LotteryInput['prizes'][number] {
  lotteryCounter += 1;
  const base = {
    id: `prize-${process.pid}-${lotteryCounter}-${Date.now()}`,
    title: spec.kind === 'coupon' ? '满99减20券' : spec.kind === 'points' ? '50 积分' : '爽肤水正装',
    image: spec.kind === 'product' ? 'p-toner.jpg' : null,
    probabilityPpm: 1_000_000,
    stock: 10,
    valueFen: spec.kind === 'product' ? 8900 : 2000,
  };
  if (spec.kind === 'points') return { ...base, points: 50, ...spec };
  if (spec.kind === 'product') return { ...base, skuId: 'sku-toner', ...spec };
  return { ...base, ...spec };
}

/** A live lottery (started an hour before `now`, ends in a day) with the given pool, saved through the rules. */
export async function createTestLottery(
  db: Database,
  now: Date,
  prizes: LotteryInput['prizes'],
  overrides: Partial<Omit<LotteryInput, 'prizes'>> = {},
): Promise<{ id: string; prizeIds: string[] }> {
  lotteryCounter += 1;
  const input: LotteryInput = {
    id: `lottery-${process.pid}-${lotteryCounter}-${Date.now()}`,
    campaignId: null,
    title: '幸运大转盘',
    dailyDraws: 3,
    startsAt: new Date(now.getTime() - HOUR_MS),
    endsAt: new Date(now.getTime() + 24 * HOUR_MS),
    prizes,
    ...overrides,
  };
  await db.transaction().execute((trx) => createLottery(trx, input, now));
  return { id: input.id, prizeIds: prizes.map((p) => p.id) };
}

/** How the database sees a lottery: units awarded per prize, draws by status, counters. */
export async function lotteryState(db: Database, lotteryId: string) {
  const [prizes, draws, days] = await Promise.all([
    db.selectFrom('lottery_prizes').select(['id', 'stock', 'awarded']).where('lottery_id', '=', lotteryId).execute(),
    db.selectFrom('lottery_draws').select(['status', 'prize_id']).where('lottery_id', '=', lotteryId).execute(),
    db.selectFrom('lottery_user_days').select('drawn').where('lottery_id', '=', lotteryId).execute(),
  ]);
  const count = (status: string) => draws.filter((d) => d.status === status).length;
  return {
    awarded: prizes.reduce((sum, p) => sum + p.awarded, 0),
    draws: draws.length,
    miss: count('miss'),
    issued: count('issued'),
    unclaimed: count('unclaimed'),
    claimed: count('claimed'),
    drawn: days.reduce((sum, d) => sum + d.drawn, 0),
  };
}
