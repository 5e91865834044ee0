import { lotteryViewSchema, shareLinkCreatedSchema } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestLottery, prize } from '../modules/lottery/lottery.fixtures';
import {
  deliver,
  notificationOf,
  placePendingOrder,
  prepayIdOf,
  sandboxPays,
  startPay,
} from '../modules/payments/payment-test-kit';
import { bearer, createTestApp, expectContract, freshShopper, type TestApp } from '../test/test-app';
import { testDatabases } from '../test/test-databases';

/**
 * 抽奖 extra draws come only from a friend's real action through the sharer's lottery link: a
 * new shopper arriving, or a friend's paid order. Sharing, or an existing shopper opening, earns
 * nothing (WeChat forbids rewarding the act of sharing).
 */
describe.each(testDatabases())('lottery referrals on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, { listen: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  const drawsLeft = async (token: string, lotteryId: string) =>
    expectContract(
      lotteryViewSchema,
      await t.app.inject({ method: 'GET', url: `/api/lotteries/${lotteryId}`, headers: bearer(token) }),
    ).drawsLeftToday;
  const shareLink = async (token: string, lotteryId: string) =>
    expectContract(
      shareLinkCreatedSchema,
      await t.app.inject({
        method: 'POST',
        url: '/api/share/links',
        headers: bearer(token),
        payload: { kind: 'lottery', id: lotteryId },
      }),
    ).payload;
  const open = async (token: string, payload: unknown) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/share/open',
      headers: bearer(token),
      payload: { payload },
    });
    expect(response.statusCode, response.body).toBe(200);
  };

  it('a new shopper arriving through the link earns the sharer one draw, once; sharing and old shoppers earn nothing', async () => {
    const lottery = await createTestLottery(t.db, t.time.clock(), [prize({ kind: 'points' })], {
      maxExtraDrawsPerDay: 5,
    });
    const sharer = await freshShopper(t);
    const base = await drawsLeft(sharer, lottery.id);
    const payload = await shareLink(sharer, lottery.id);
    await shareLink(sharer, lottery.id);
    expect(await drawsLeft(sharer, lottery.id)).toBe(base);

    const newcomer = await freshShopper(t);
    await open(newcomer, payload);
    expect(await drawsLeft(sharer, lottery.id)).toBe(base + 1);
    await open(newcomer, payload);
    expect(await drawsLeft(sharer, lottery.id)).toBe(base + 1);

    // A shopper who has ordered before is not new: opening earns nothing.
    const regular = await freshShopper(t);
    await placePendingOrder(t, regular);
    await open(regular, payload);
    expect(await drawsLeft(sharer, lottery.id)).toBe(base + 1);
    // Nor does the sharer opening their own link.
    await open(sharer, payload);
    expect(await drawsLeft(sharer, lottery.id)).toBe(base + 1);
  });

  it('a friend’s paid order within the week after opening the link earns one draw per order, not per notification', async () => {
    const lottery = await createTestLottery(t.db, t.time.clock(), [prize({ kind: 'points' })], {
      maxExtraDrawsPerDay: 5,
    });
    const sharer = await freshShopper(t);
    const friend = await freshShopper(t);
    // The friend has ordered before, so opening alone earns nothing; the paid order does.
    const earlier = await placePendingOrder(t, friend);
    const payload = await shareLink(sharer, lottery.id);
    await open(friend, payload);
    const base = await drawsLeft(sharer, lottery.id);

    await sandboxPays(t, prepayIdOf(await startPay(t, friend, earlier.id)));
    expect(await drawsLeft(sharer, lottery.id)).toBe(base + 1);
    const replay = await deliver(t, notificationOf(t, earlier.orderNo, 'TRANSACTION.SUCCESS'));
    expect(replay.statusCode).toBe(204);
    expect(await drawsLeft(sharer, lottery.id)).toBe(base + 1);
  });
});
