import { pointsMallExchangeSchema, pointsMallItemsSchema, pointsSchema, userCouponsSchema } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectContract, expectError, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { grantPoints } from '../promotions/points.repository';
import { createTemplate, userIdOf } from '../promotions/promotions.fixtures';
import { createItem, exchange, mallState } from './points-mall.fixtures';

const DAY_MS = 24 * 3600 * 1000;

describe.each(testDatabases())('points mall on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });
  let grantCounter = 0;
  /** A new shopper holding `points`. */
  async function shopperWith(points: number): Promise<{ token: string; userId: string }> {
    const token = await freshShopper(t);
    const userId = await userIdOf(t, token);
    grantCounter += 1;
    if (points > 0) {
      await grantPoints(t.db, {
        userId,
        points,
        reason: 'grant',
        ref: `mall-test:${userId}:${grantCounter}`,
        now: t.time.clock(),
      });
    }
    return { token, userId };
  }

  it('lists items on offer with their price, what is left, the shopper’s count and balance', async () => {
    const { token } = await shopperWith(700);
    const templateId = await createTemplate(t);
    const onOffer = await createItem(t, templateId, {
      points_cost: 500,
      total_stock: 3,
      per_user_limit: 2,
      subtitle: '30 天有效',
    });
    const off = await createItem(t, templateId, { active: false });
    const expiredTemplate = await createTemplate(t, {
      valid_days: null,
      valid_until: new Date(t.time.clock().getTime() - DAY_MS),
      claim_ends_at: new Date(t.time.clock().getTime() - 2 * DAY_MS),
      claim_starts_at: new Date(t.time.clock().getTime() - 3 * DAY_MS),
    });
    const stale = await createItem(t, expiredTemplate);
    const { items, balance } = expectContract(pointsMallItemsSchema, await get(token, '/api/points-mall/items'));
    expect(balance).toBe(700);
    expect(items.find((i) => i.id === onOffer)).toEqual({
      id: onOffer,
      title: '满199减30 优惠券',
      subtitle: '30 天有效',
      pointsCost: 500,
      couponTemplateId: templateId,
      remaining: 3,
      perUserLimit: 2,
      exchangedByMe: 0,
    });
    expect(items.some((i) => i.id === off || i.id === stale)).toBe(false);
  });

  it('exchanges points for a coupon: points down through the ledger, the coupon under 可使用, one unit less', async () => {
    const { token, userId } = await shopperWith(1000);
    const templateId = await createTemplate(t, { valid_days: 30 });
    const itemId = await createItem(t, templateId, { points_cost: 300, total_stock: 10 });
    const response = await exchange(t, token, itemId);
    expect(response.statusCode, response.body).toBe(201);
    const result = expectContract(pointsMallExchangeSchema, response);
    expect(result).toMatchObject({ itemId, pointsSpent: 300, balance: 700 });

    const coupons = expectContract(userCouponsSchema, await get(token, '/api/me/coupons?status=available'));
    const now = t.time.clock();
    expect(coupons.items).toEqual([
      expect.objectContaining({
        id: result.userCouponId,
        templateId,
        status: 'available',
        validFrom: now.toISOString(),
        validUntil: new Date(now.getTime() + 30 * DAY_MS).toISOString(),
      }),
    ]);
    const points = expectContract(pointsSchema, await get(token, '/api/me/points'));
    expect(points.balance).toBe(700);
    expect(points.history[0]).toMatchObject({ delta: -300, reason: 'mall_exchange', ref: result.exchangeId });
    expect(await mallState(t.db, { itemId, userId })).toEqual({
      exchangedCount: 1,
      exchanges: 1,
      ledgerEntries: 1,
      balance: 700,
      coupons: 1,
    });
    const { items } = expectContract(pointsMallItemsSchema, await get(token, '/api/points-mall/items'));
    expect(items.find((i) => i.id === itemId)).toMatchObject({ remaining: 9, exchangedByMe: 1 });
  });

  it('not enough points: 409 and nothing changes; the same key works once the points are there', async () => {
    const { token, userId } = await shopperWith(299);
    const itemId = await createItem(t, await createTemplate(t), { points_cost: 300 });
    const key = `short-${process.pid}-${Date.now()}`;
    const refused = await exchange(t, token, itemId, key);
    expect(expectError(refused, 409, 'POINTS_INSUFFICIENT').details).toEqual({ itemId, pointsCost: 300, balance: 299 });
    const unchanged = { exchangedCount: 0, exchanges: 0, ledgerEntries: 0, balance: 299, coupons: 0 };
    expect(await mallState(t.db, { itemId, userId })).toEqual(unchanged);

    await grantPoints(t.db, {
      userId,
      points: 1,
      reason: 'grant',
      ref: `mall-test-top-up:${userId}`,
      now: t.time.clock(),
    });
    expect((await exchange(t, token, itemId, key)).statusCode).toBe(201);
    expect(await mallState(t.db, { itemId, userId })).toMatchObject({ exchangedCount: 1, exchanges: 1, balance: 0 });
  });

  it('out of stock: 409 POINTS_MALL_SOLD_OUT and the shopper keeps the points', async () => {
    const itemId = await createItem(t, await createTemplate(t), { points_cost: 100, total_stock: 1 });
    const first = await shopperWith(100);
    expect((await exchange(t, first.token, itemId)).statusCode).toBe(201);
    const second = await shopperWith(100);
    expectError(await exchange(t, second.token, itemId), 409, 'POINTS_MALL_SOLD_OUT');
    expect(await mallState(t.db, { itemId, userId: second.userId })).toEqual({
      exchangedCount: 1,
      exchanges: 0,
      ledgerEntries: 0,
      balance: 100,
      coupons: 0,
    });
  });

  it('per-user limit: the exchange past it is 409 and spends nothing', async () => {
    const { token, userId } = await shopperWith(1000);
    const itemId = await createItem(t, await createTemplate(t), { points_cost: 100, per_user_limit: 2 });
    expect((await exchange(t, token, itemId)).statusCode).toBe(201);
    expect((await exchange(t, token, itemId)).statusCode).toBe(201);
    const third = await exchange(t, token, itemId);
    expect(expectError(third, 409, 'POINTS_MALL_LIMIT_REACHED').details).toEqual({ itemId, perUserLimit: 2 });
    expect(await mallState(t.db, { itemId, userId })).toEqual({
      exchangedCount: 2,
      exchanges: 2,
      ledgerEntries: 2,
      balance: 800,
      coupons: 2,
    });
  });

  it('a retried request with the same Idempotency-Key is one exchange with the same answer', async () => {
    const { token, userId } = await shopperWith(1000);
    const itemId = await createItem(t, await createTemplate(t), { points_cost: 200, per_user_limit: 5 });
    const key = `retry-${process.pid}-${Date.now()}`;
    const first = await exchange(t, token, itemId, key);
    const again = await exchange(t, token, itemId, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await mallState(t.db, { itemId, userId })).toEqual({
      exchangedCount: 1,
      exchanges: 1,
      ledgerEntries: 1,
      balance: 800,
      coupons: 1,
    });
    const otherItem = await createItem(t, await createTemplate(t), { points_cost: 200 });
    expectError(await exchange(t, token, otherItem, key), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect((await mallState(t.db, { itemId: otherItem, userId })).exchanges).toBe(0);
  });

  it('refuses without a key, unknown items, switched-off items and items whose coupon has expired', async () => {
    const { token, userId } = await shopperWith(1000);
    const itemId = await createItem(t, await createTemplate(t));
    expectError(await exchange(t, token, itemId, null), 400, 'IDEMPOTENCY_KEY_REQUIRED');
    expectError(await exchange(t, token, itemId, 'short'), 400, 'IDEMPOTENCY_KEY_REQUIRED');
    expectError(await exchange(t, token, 'no-such-item'), 404, 'POINTS_MALL_ITEM_NOT_FOUND');
    const off = await createItem(t, await createTemplate(t), { active: false });
    expectError(await exchange(t, token, off), 409, 'POINTS_MALL_ITEM_UNAVAILABLE');
    const now = t.time.clock();
    const expired = await createItem(
      t,
      await createTemplate(t, {
        valid_days: null,
        valid_until: new Date(now.getTime() - DAY_MS),
        claim_starts_at: new Date(now.getTime() - 3 * DAY_MS),
        claim_ends_at: new Date(now.getTime() - 2 * DAY_MS),
      }),
    );
    expectError(await exchange(t, token, expired), 409, 'POINTS_MALL_ITEM_UNAVAILABLE');
    const unanswered = await t.app.inject({ method: 'POST', url: `/api/points-mall/items/${itemId}/exchange` });
    expect(unanswered.statusCode).toBe(401);
    expect(await mallState(t.db, { itemId: expired, userId })).toMatchObject({ exchangedCount: 0, balance: 1000 });
  });

  it.skipIf(database.name === 'PGlite')(
    'concurrent exchanges never oversell, pass the per-user limit or overspend (PostgreSQL only: PGlite serialises everything)',
    async () => {
      const lastFive = await createItem(t, await createTemplate(t), { points_cost: 100, total_stock: 5 });
      const shoppers = await Promise.all(Array.from({ length: 20 }, () => shopperWith(100)));
      const results = await Promise.all(shoppers.map((s) => exchange(t, s.token, lastFive)));
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(5);
      for (const r of results.filter((r) => r.statusCode !== 201)) expectError(r, 409, 'POINTS_MALL_SOLD_OUT');
      const states = await Promise.all(shoppers.map((s) => mallState(t.db, { itemId: lastFive, userId: s.userId })));
      expect(states.filter((s) => s.balance === 0 && s.exchanges === 1 && s.coupons === 1)).toHaveLength(5);
      expect(states.filter((s) => s.balance === 100 && s.exchanges === 0 && s.coupons === 0)).toHaveLength(15);
      expect(states[0]?.exchangedCount).toBe(5);

      // One shopper, ten at once: the per-user limit (2) holds.
      const limitTwo = await createItem(t, await createTemplate(t), { points_cost: 10, per_user_limit: 2 });
      const greedy = await shopperWith(1000);
      const mine = await Promise.all(Array.from({ length: 10 }, () => exchange(t, greedy.token, limitTwo)));
      expect(mine.filter((r) => r.statusCode === 201)).toHaveLength(2);
      for (const r of mine.filter((r) => r.statusCode !== 201)) expectError(r, 409, 'POINTS_MALL_LIMIT_REACHED');
      expect(await mallState(t.db, { itemId: limitTwo, userId: greedy.userId })).toMatchObject({
        exchangedCount: 2,
        exchanges: 2,
        balance: 980,
      });

      // Points for three, ten at once across two items: exactly three go through, balance 0.
      const a = await createItem(t, await createTemplate(t), { points_cost: 100, per_user_limit: 10 });
      const b = await createItem(t, await createTemplate(t), { points_cost: 100, per_user_limit: 10 });
      const thrifty = await shopperWith(300);
      const spent = await Promise.all(Array.from({ length: 10 }, (_, i) => exchange(t, thrifty.token, i % 2 ? a : b)));
      expect(spent.filter((r) => r.statusCode === 201)).toHaveLength(3);
      for (const r of spent.filter((r) => r.statusCode !== 201)) expectError(r, 409, 'POINTS_INSUFFICIENT');
      const after = await mallState(t.db, { itemId: a, userId: thrifty.userId });
      expect(after.balance).toBe(0);
      expect(after.coupons).toBe(3);
    },
  );
});
