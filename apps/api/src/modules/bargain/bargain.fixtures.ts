import type { Database } from '../../db/database';
import { type BargainActivityInput, createBargainActivity } from './bargain.service';

const HOUR_MS = 3600_000;
let activityCounter = 0;

/** A fixture SKU with stock: 化妆水 200ml at 89.00. */
export const BARGAIN_SKU = { productId: 'p-toner', skuId: 'sku-toner', priceFen: 8900 } as const;

/** A live activity (started an hour before `now`, ends two days after) on the toner. */
export async function createActivity(
  db: Database,
  now: Date,
  overrides: Partial<BargainActivityInput> = {},
): Promise<BargainActivityInput> {
  activityCounter += 1;
  const input: BargainActivityInput = {
    id: `bargain-${process.pid}-${activityCounter}-${Date.now()}`,
    campaignId: null,
    title: '好友帮砍 · 化妆水',
    productId: BARGAIN_SKU.productId,
    skuId: BARGAIN_SKU.skuId,
    floorPriceFen: 1900,
    windowHours: 12,
    helpsTarget: 5,
    perUserLimit: 1,
    helperRewardCouponTemplateId: null,
    startsAt: new Date(now.getTime() - HOUR_MS),
    endsAt: new Date(now.getTime() + 48 * HOUR_MS),
    ...overrides,
  };
  await createBargainActivity(db, input, now);
  return input;
}

/** `n` new users straight in the table (helpers in race tests only need ids). */
export async function createHelpers(db: Database, n: number): Promise<string[]> {
  const rows = await db
    .insertInto('users')
    .values(Array.from({ length: n }, (_, i) => ({ nickname: `砍价好友${i}` })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The bargain row and its helps as stored (for "nothing changed" checks). */
export async function bargainState(db: Database, bargainId: string) {
  const [row, helps] = await Promise.all([
    db.selectFrom('bargains').selectAll().where('id', '=', bargainId).executeTakeFirstOrThrow(),
    db.selectFrom('bargain_helps').selectAll().where('bargain_id', '=', bargainId).orderBy('created_at').execute(),
  ]);
  return { row, helps, cutSum: helps.reduce((sum, h) => sum + h.cut_fen, 0) };
}
