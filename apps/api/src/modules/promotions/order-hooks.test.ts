import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { releaseCouponForOrder, useCouponForOrder } from './coupon.repository';
import { grantPoints, pointsBalance, refundPoints, spendPoints } from './points.repository';
import { claim, createTemplate, userIdOf } from './promotions.fixtures';

const DAY_MS = 24 * 3600 * 1000;

/** The repository calls the order flow makes inside its transaction; each reports whether it applied. */
describe.each(testDatabases())('coupon and points hooks for orders on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  const shopperWithCoupon = async () => {
    const token = await freshShopper(t);
    const userId = await userIdOf(t, token);
    const userCouponId = await claim(t, token, await createTemplate(t, { valid_days: 7 }));
    return { userId, userCouponId };
  };
  const couponRow = (id: string) =>
    t.db.selectFrom('user_coupons').select(['status', 'order_id']).where('id', '=', id).executeTakeFirstOrThrow();

  it('uses a coupon for one order only, and gives it back when the order is cancelled', async () => {
    const { userId, userCouponId } = await shopperWithCoupon();
    const now = t.time.clock();
    const orderA = crypto.randomUUID();
    const orderB = crypto.randomUUID();
    expect(await useCouponForOrder(t.db, { userCouponId, userId, orderId: orderA, now })).toBe(true);
    expect(await couponRow(userCouponId)).toEqual({ status: 'used', order_id: orderA });
    expect(await useCouponForOrder(t.db, { userCouponId, userId, orderId: orderB, now })).toBe(false);
    expect(await couponRow(userCouponId)).toEqual({ status: 'used', order_id: orderA });

    expect(await releaseCouponForOrder(t.db, { orderId: orderA })).toBe(true);
    expect(await couponRow(userCouponId)).toEqual({ status: 'available', order_id: null });
    expect(await releaseCouponForOrder(t.db, { orderId: orderA })).toBe(false);
    expect(await useCouponForOrder(t.db, { userCouponId, userId, orderId: orderB, now })).toBe(true);
  });

  it('refuses another shopper’s coupon, an expired one, and a second coupon on one order', async () => {
    const { userId, userCouponId } = await shopperWithCoupon();
    const other = await shopperWithCoupon();
    const now = t.time.clock();
    const orderId = crypto.randomUUID();
    expect(await useCouponForOrder(t.db, { userCouponId: other.userCouponId, userId, orderId, now })).toBe(false);
    const later = new Date(now.getTime() + 7 * DAY_MS);
    expect(await useCouponForOrder(t.db, { userCouponId, userId, orderId, now: later })).toBe(false);
    expect(await couponRow(userCouponId)).toEqual({ status: 'available', order_id: null });

    expect(await useCouponForOrder(t.db, { userCouponId, userId, orderId, now })).toBe(true);
    const second = await claim(t, await freshShopper(t), await createTemplate(t));
    const secondOwner = await t.db
      .selectFrom('user_coupons')
      .select('user_id')
      .where('id', '=', second)
      .executeTakeFirstOrThrow();
    // One coupon per order is also a unique index: the database refuses a second.
    await expect(
      useCouponForOrder(t.db, { userCouponId: second, userId: secondOwner.user_id, orderId, now }),
    ).rejects.toThrow();
  });

  it('spends points only within the balance and returns them once', async () => {
    const userId = await userIdOf(t, await freshShopper(t));
    const now = t.time.clock();
    await grantPoints(t.db, { userId, points: 300, reason: 'grant', ref: `t:${userId}`, now });
    expect(await grantPoints(t.db, { userId, points: 300, reason: 'grant', ref: `t:${userId}`, now })).toBe(false);
    const orderId = crypto.randomUUID();
    expect(await spendPoints(t.db, { userId, points: 301, orderId, now })).toBe(false);
    expect(await pointsBalance(t.db, userId)).toBe(300);
    expect(await spendPoints(t.db, { userId, points: 200, orderId, now })).toBe(true);
    expect(await pointsBalance(t.db, userId)).toBe(100);
    expect(await refundPoints(t.db, { orderId, now })).toBe(true);
    expect(await refundPoints(t.db, { orderId, now })).toBe(false);
    expect(await pointsBalance(t.db, userId)).toBe(300);
    expect(await refundPoints(t.db, { orderId: crypto.randomUUID(), now })).toBe(false);
    const ledger = await t.db
      .selectFrom('points_ledger')
      .select(['delta', 'reason'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();
    expect(ledger).toEqual([
      { delta: 300, reason: 'grant' },
      { delta: -200, reason: 'order_spend' },
      { delta: 200, reason: 'order_refund' },
    ]);
  });

  it('runs inside the caller’s transaction: a rollback undoes the coupon and the points', async () => {
    const { userId, userCouponId } = await shopperWithCoupon();
    const now = t.time.clock();
    await grantPoints(t.db, { userId, points: 100, reason: 'grant', ref: `tx:${userId}`, now });
    const orderId = crypto.randomUUID();
    await expect(
      t.db.transaction().execute(async (trx) => {
        expect(await useCouponForOrder(trx, { userCouponId, userId, orderId, now })).toBe(true);
        expect(await spendPoints(trx, { userId, points: 100, orderId, now })).toBe(true);
        throw new Error('stock ran out');
      }),
    ).rejects.toThrow('stock ran out');
    expect(await couponRow(userCouponId)).toEqual({ status: 'available', order_id: null });
    expect(await pointsBalance(t.db, userId)).toBe(100);
  });

  it.skipIf(database.name === 'PGlite')(
    'concurrent spends never take the balance below zero (PostgreSQL only: PGlite serialises everything)',
    async () => {
      const userId = await userIdOf(t, await freshShopper(t));
      const now = t.time.clock();
      await grantPoints(t.db, { userId, points: 500, reason: 'grant', ref: `race:${userId}`, now });
      const results = await Promise.all(
        Array.from({ length: 12 }, () =>
          t.db
            .transaction()
            .execute((trx) => spendPoints(trx, { userId, points: 100, orderId: crypto.randomUUID(), now })),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(5);
      expect(await pointsBalance(t.db, userId)).toBe(0);
      const spent = await t.db
        .selectFrom('points_ledger')
        .select('delta')
        .where('user_id', '=', userId)
        .where('reason', '=', 'order_spend')
        .execute();
      expect(spent).toHaveLength(5);
    },
  );
});
