import { createLottery, type LotteryInput } from '../../modules/lottery/lottery.service';
import type { Database } from '../database';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Coupons only the demo lottery gives: their 领券中心 window is closed (never listed there);
 * a prize is issued with the template's validity, like the points mall's coupons.
 */
export const DEMO_LOTTERY_COUPON_TEMPLATES = [
  {
    id: 'demo-lottery-99-minus-20',
    title: '抽奖专享 满99减20',
    kind: 'threshold_amount',
    threshold_fen: 9900,
    amount_fen: 2000,
  },
  {
    id: 'demo-lottery-5-off',
    title: '抽奖专享 5元无门槛',
    kind: 'no_threshold',
    threshold_fen: 0,
    amount_fen: 500,
  },
] as const;

/** The demo's 抽奖: five prizes (one the candle of the lottery campaign, with its image), 24% 谢谢参与. */
export const DEMO_LOTTERY: Omit<LotteryInput, 'startsAt' | 'endsAt'> = {
  id: 'demo-lottery-candle',
  campaignId: 'cmp-lottery-candle',
  title: '香薰好礼 · 每日抽奖',
  dailyDraws: 3,
  maxExtraDrawsPerDay: 5,
  prizes: [
    {
      id: 'demo-lottery-candle-prize',
      kind: 'product',
      title: '大豆蜡香薰蜡烛 鼠尾草海盐',
      image: 'products/p-fragrance-04.jpg',
      probabilityPpm: 10_000,
      stock: 20,
      valueFen: 15_900,
      skuId: 'sku-fragrance-04-1',
    },
    {
      id: 'demo-lottery-coupon-20',
      kind: 'coupon',
      title: '满99减20 优惠券',
      image: null,
      probabilityPpm: 100_000,
      stock: 2000,
      valueFen: 2000,
      couponTemplateId: 'demo-lottery-99-minus-20',
    },
    {
      id: 'demo-lottery-coupon-5',
      kind: 'coupon',
      title: '5元无门槛券',
      image: null,
      probabilityPpm: 150_000,
      stock: 3000,
      valueFen: 500,
      couponTemplateId: 'demo-lottery-5-off',
    },
    {
      id: 'demo-lottery-points-88',
      kind: 'points',
      title: '88 积分',
      image: null,
      probabilityPpm: 200_000,
      stock: 5000,
      valueFen: 88,
      points: 88,
    },
    {
      id: 'demo-lottery-points-18',
      kind: 'points',
      title: '18 积分',
      image: null,
      probabilityPpm: 300_000,
      stock: 20_000,
      valueFen: 18,
      points: 18,
    },
  ],
};

/**
 * The demo lottery in the window of the demo lottery campaign (seedCatalog first), saved
 * through the pool rules. Idempotent: an existing lottery is left as it is (draws and
 * awarded units are never reset). Returns how many lotteries it added (0 also when the
 * campaign is not in this catalog).
 */
export async function seedLotteries(db: Database, now: Date): Promise<number> {
  const campaign = await db
    .selectFrom('campaigns')
    .select(['starts_at', 'ends_at'])
    .where('id', '=', DEMO_LOTTERY.campaignId as string)
    .executeTakeFirst();
  if (!campaign) return 0;
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('lotteries')
      .select('id')
      .where('id', '=', DEMO_LOTTERY.id)
      .executeTakeFirst();
    if (existing) return 0;
    await trx
      .insertInto('coupon_templates')
      .values(
        DEMO_LOTTERY_COUPON_TEMPLATES.map((t) => ({
          ...t,
          percent_off_bps: 0,
          cap_fen: null,
          new_user_only: false,
          category_ids: null,
          claim_starts_at: new Date(campaign.starts_at.getTime() - 2 * DAY_MS),
          claim_ends_at: new Date(campaign.starts_at.getTime() - DAY_MS),
          valid_from: null,
          valid_until: null,
          valid_days: 14,
          per_user_limit: 1,
          total_stock: 0,
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await createLottery(trx, { ...DEMO_LOTTERY, startsAt: campaign.starts_at, endsAt: campaign.ends_at }, now);
    return 1;
  });
}
