import { LOTTERY_MAX_PRIZE_VALUE_FEN } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawLottery } from '../../flows/draw-lottery';
import { createTestApp, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { createUsers } from '../flash-sale/flash-sale.fixtures';
import { LotteryError } from './lottery.errors';
import { createTestLottery, lotteryState, prize } from './lottery.fixtures';

const assetUrl = (stored: string) => `http://shop.test/static/${stored}`;

describe.each(testDatabases())('lottery draws with an injected random source on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });
  const now = (): Date => t.time.clock();

  it('the roll picks the prize whose slice holds it, in the pool’s order; past the slices is 谢谢参与', async () => {
    const lottery = await createTestLottery(
      t.db,
      now(),
      [
        prize({ kind: 'points', points: 10, probabilityPpm: 100_000 }),
        prize({ kind: 'points', points: 20, probabilityPpm: 200_000 }),
      ],
      { dailyDraws: 20 },
    );
    const [userId] = (await createUsers(t.db, 1)) as [string];
    const drawWith = (r: number) =>
      drawLottery(t.db, assetUrl, { lotteryId: lottery.id, userId, now: now(), random: () => r });
    expect((await drawWith(0)).prize?.points).toBe(10);
    expect((await drawWith(0.099_999)).prize?.points).toBe(10);
    expect((await drawWith(0.1)).prize?.points).toBe(20);
    expect((await drawWith(0.299_999)).prize?.points).toBe(20);
    expect(await drawWith(0.3)).toMatchObject({ status: 'miss', prize: null });
    expect(await lotteryState(t.db, lottery.id)).toMatchObject({ awarded: 4, issued: 4, miss: 1, drawn: 5 });
  });

  it('the last unit goes once; the next roll on that slice is a miss, not the next prize', async () => {
    const lottery = await createTestLottery(
      t.db,
      now(),
      [
        prize({ kind: 'points', points: 10, probabilityPpm: 500_000, stock: 1 }),
        prize({ kind: 'points', points: 20, probabilityPpm: 500_000, stock: 10 }),
      ],
      { dailyDraws: 5 },
    );
    const [userId] = (await createUsers(t.db, 1)) as [string];
    const drawWith = (r: number) =>
      drawLottery(t.db, assetUrl, { lotteryId: lottery.id, userId, now: now(), random: () => r });
    expect((await drawWith(0.2)).prize?.points).toBe(10);
    expect(await drawWith(0.2)).toMatchObject({ status: 'miss', prize: null });
    expect((await drawWith(0.7)).prize?.points).toBe(20);
  });

  it('a coupon whose template’s fixed validity is over is a miss, and its stock stays', async () => {
    const templateId = 'tpl-lottery-expired';
    await t.db
      .insertInto('coupon_templates')
      .values({
        id: templateId,
        title: '过期券',
        kind: 'no_threshold',
        threshold_fen: 0,
        amount_fen: 500,
        percent_off_bps: 0,
        cap_fen: null,
        new_user_only: false,
        category_ids: null,
        claim_starts_at: new Date(now().getTime() - 86_400_000),
        claim_ends_at: now(),
        valid_from: null,
        valid_until: now(),
        valid_days: null,
        per_user_limit: 1,
        total_stock: 10,
        created_at: now(),
      })
      .execute();
    const lottery = await createTestLottery(t.db, now(), [prize({ kind: 'coupon', couponTemplateId: templateId })]);
    const [userId] = (await createUsers(t.db, 1)) as [string];
    const result = await drawLottery(t.db, assetUrl, { lotteryId: lottery.id, userId, now: now(), random: () => 0 });
    expect(result.status).toBe('miss');
    expect(await lotteryState(t.db, lottery.id)).toMatchObject({ awarded: 0, miss: 1 });
  });

  it('a pool is checked on save: a prize over ¥50,000, odds over 100% or no target are refused with the reasons, nothing written', async () => {
    const save = (prizes: Parameters<typeof createTestLottery>[2]) => createTestLottery(t.db, now(), prizes);
    const before = await t.db.selectFrom('lotteries').select('id').execute();
    for (const prizes of [
      [prize({ kind: 'product', valueFen: LOTTERY_MAX_PRIZE_VALUE_FEN + 1 })],
      [prize({ kind: 'points', probabilityPpm: 600_000 }), prize({ kind: 'points', probabilityPpm: 400_001 })],
      [prize({ kind: 'coupon' })],
    ]) {
      const error = await save(prizes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LotteryError);
      expect(error).toMatchObject({ code: 'LOTTERY_POOL_INVALID', status: 422 });
      expect((error as LotteryError).message).toMatch(/五万元|100%|券模板/);
    }
    expect(await t.db.selectFrom('lotteries').select('id').execute()).toEqual(before);
    // ¥50,000 exactly is allowed.
    await save([prize({ kind: 'product', valueFen: LOTTERY_MAX_PRIZE_VALUE_FEN })]);
  });
});
