import type { OrderStatus } from '@wematrix/shared';
import { memberSchema } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectContract, freshShopper, type TestApp, wechatLogin } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { orderIn } from '../after-sales/after-sale.fixtures';
import { userIdOf } from '../payments/payment-test-kit';

const DAY_MS = 24 * 3600 * 1000;

describe.each(testDatabases())('member level on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    // listen: the sandbox's payment notification reaches the API over real HTTP.
    t = await createTestApp(database, { listen: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  const member = async (token: string) =>
    expectContract(memberSchema, await t.app.inject({ method: 'GET', url: '/api/me/member', headers: bearer(token) }));

  let counter = 0;
  /** An order row in the state the order and payment flows leave it in. */
  async function orderRow(
    userId: string,
    { totalFen, paidAt, status }: { totalFen: number; paidAt: Date | null; status: OrderStatus },
  ): Promise<void> {
    counter += 1;
    const now = t.time.clock();
    await t.db
      .insertInto('orders')
      .values({
        order_no: `M${process.pid}${counter}${Date.now()}`.slice(0, 32),
        user_id: userId,
        status,
        source: 'buy_now',
        subtotal_fen: totalFen,
        shipping_fee_fen: 0,
        coupon_discount_fen: 0,
        points_used: 0,
        points_discount_fen: 0,
        total_fen: totalFen,
        user_coupon_id: null,
        address: JSON.stringify({}),
        shipping_company: null,
        tracking_no: null,
        pay_deadline_at: paidAt ?? now,
        paid_at: paidAt,
        shipped_at: status === 'shipped' ? now : null,
        auto_confirm_at: status === 'shipped' ? new Date(now.getTime() + 10 * DAY_MS) : null,
        completed_at: status === 'completed' ? now : null,
        cancelled_at: status === 'cancelled' ? now : null,
        cancel_reason: status === 'cancelled' ? 'pay_timeout' : null,
        refunded_at: status === 'refunded' ? now : null,
        created_at: paidAt ?? now,
        updated_at: now,
      })
      .execute();
  }

  it('a new shopper is 普通会员 with the whole way to 银卡 to go', async () => {
    const token = await freshShopper(t);
    expect(await member(token)).toEqual({
      level: 'regular',
      label: '普通会员',
      spendFen: 0,
      nextLevel: 'silver',
      nextLabel: '银卡会员',
      toNextFen: 50_000,
      progressPercent: 0,
      benefits: ['购物得积分', '生日当月专属券'],
    });
  });

  it('an order paid through WeChat Pay counts at what it cost', async () => {
    const token = await freshShopper(t);
    const order = await orderIn(t, token, 'paid');
    const standing = await member(token);
    expect(standing.spendFen).toBe(order.totalFen);
    expect(standing.toNextFen).toBe(50_000 - order.totalFen);
  });

  it('counts paid, shipped, completed and after-sale orders of the last 12 months; not refunded, cancelled, unpaid or older', async () => {
    const token = await freshShopper(t);
    const userId = await userIdOf(t, token);
    const now = t.time.clock();
    const windowStart = new Date(now);
    windowStart.setUTCMonth(windowStart.getUTCMonth() - 12);
    await orderRow(userId, { totalFen: 10_000, paidAt: new Date(now.getTime() - DAY_MS), status: 'paid' });
    await orderRow(userId, { totalFen: 10_000, paidAt: new Date(now.getTime() - 30 * DAY_MS), status: 'shipped' });
    await orderRow(userId, { totalFen: 19_999, paidAt: new Date(now.getTime() - 300 * DAY_MS), status: 'completed' });
    await orderRow(userId, { totalFen: 10_000, paidAt: new Date(now.getTime() - 2 * DAY_MS), status: 'after_sale' });
    // None of these count.
    await orderRow(userId, { totalFen: 900_000, paidAt: new Date(now.getTime() - DAY_MS), status: 'refunded' });
    await orderRow(userId, { totalFen: 900_000, paidAt: new Date(now.getTime() - DAY_MS), status: 'cancelled' });
    await orderRow(userId, { totalFen: 900_000, paidAt: null, status: 'pending_payment' });
    await orderRow(userId, { totalFen: 900_000, paidAt: new Date(windowStart.getTime() - 1), status: 'completed' });
    expect(await member(token)).toMatchObject({
      level: 'regular',
      spendFen: 49_999,
      toNextFen: 1,
      progressPercent: 99,
    });

    // Paid exactly when the window starts: in, and 50,000 fen is 银卡 from the first fen.
    await orderRow(userId, { totalFen: 1, paidAt: windowStart, status: 'completed' });
    expect(await member(token)).toMatchObject({
      level: 'silver',
      label: '银卡会员',
      spendFen: 50_000,
      nextLevel: 'gold',
      toNextFen: 150_000,
      progressPercent: 0,
    });
  });

  it('reaches 金卡 and 黑金 at their thresholds, and falls back as orders age out of the window', async () => {
    const shopperKey = `member-ages-${process.pid}-${Date.now()}`;
    const token = await wechatLogin(t, shopperKey);
    const userId = await userIdOf(t, token);
    const now = t.time.clock();
    await orderRow(userId, { totalFen: 200_000, paidAt: new Date(now.getTime() - 200 * DAY_MS), status: 'completed' });
    expect(await member(token)).toMatchObject({ level: 'gold', label: '金卡会员', toNextFen: 600_000 });
    await orderRow(userId, { totalFen: 600_000, paidAt: new Date(now.getTime() - 10 * DAY_MS), status: 'completed' });
    const top = await member(token);
    expect(top).toMatchObject({ level: 'black_gold', label: '黑金会员', spendFen: 800_000, nextLevel: null });
    expect(top).toMatchObject({ nextLabel: null, toNextFen: 0, progressPercent: 100 });

    // 200 days on, the 200,000 fen order is 400 days old: only 600,000 fen is left, 金卡.
    // (A new sign-in: the session from 200 days ago has expired.)
    t.time.advance(200 * DAY_MS);
    try {
      expect(await member(await wechatLogin(t, shopperKey))).toMatchObject({
        level: 'gold',
        spendFen: 600_000,
        toNextFen: 200_000,
      });
    } finally {
      t.time.set(now);
    }
  });

  it('needs a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/me/member' });
    expect(response.statusCode).toBe(401);
  });
});
