import { claimableCouponsSchema, pointsSchema, userCouponSchema, userCouponsSchema } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectContract, expectError, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { grantPoints, spendPoints } from './points.repository';
import { claim, claimedCount, createTemplate, userIdOf } from './promotions.fixtures';

const DAY_MS = 24 * 3600 * 1000;

describe.each(testDatabases())('coupons and points API on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (token: string, url: string) => t.app.inject({ method: 'POST', url, headers: bearer(token) });
  const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });

  it('lists open offers with what is left and what the shopper already has', async () => {
    const token = await freshShopper(t);
    const open = await createTemplate(t, {
      title: '9折券',
      kind: 'percent',
      threshold_fen: 0,
      amount_fen: 0,
      percent_off_bps: 1000,
      cap_fen: 5000,
      total_stock: 3,
    });
    const notYet = await createTemplate(t, { claim_starts_at: new Date(t.time.clock().getTime() + DAY_MS) });
    await claim(t, token, open);
    const response = await get(token, '/api/coupons/claimable');
    const { items } = expectContract(claimableCouponsSchema, response);
    expect(items.find((i) => i.templateId === open)).toEqual({
      templateId: open,
      title: '9折券',
      kind: 'percent',
      thresholdFen: 0,
      amountFen: 0,
      percentOffBps: 1000,
      capFen: 5000,
      newUserOnly: false,
      categoryIds: null,
      validUntil: null,
      validDays: 7,
      remaining: 2,
      perUserLimit: 1,
      claimedByMe: 1,
    });
    expect(items.some((i) => i.templateId === notYet)).toBe(false);
  });

  it('claims a coupon valid for the template days from now, up to the per-user limit', async () => {
    const token = await freshShopper(t);
    const templateId = await createTemplate(t, { per_user_limit: 2 });
    const first = await post(token, `/api/coupons/${templateId}/claim`);
    expect(first.statusCode, first.body).toBe(201);
    const coupon = expectContract(userCouponSchema, first);
    const now = t.time.clock();
    expect(coupon).toMatchObject({
      templateId,
      status: 'available',
      kind: 'threshold_amount',
      thresholdFen: 19_900,
      amountFen: 3000,
      validFrom: now.toISOString(),
      validUntil: new Date(now.getTime() + 7 * DAY_MS).toISOString(),
      orderId: null,
    });
    expect((await post(token, `/api/coupons/${templateId}/claim`)).statusCode).toBe(201);
    const third = await post(token, `/api/coupons/${templateId}/claim`);
    expect(expectError(third, 409, 'COUPON_CLAIM_LIMIT').details).toEqual({ templateId, perUserLimit: 2 });
    expect(await claimedCount(t.db, templateId)).toBe(2);
  });

  it('a fixed validity window is copied onto the claimed coupon', async () => {
    const token = await freshShopper(t);
    const until = new Date(t.time.clock().getTime() + 3 * DAY_MS);
    const templateId = await createTemplate(t, { valid_days: null, valid_until: until });
    const coupon = expectContract(userCouponSchema, await post(token, `/api/coupons/${templateId}/claim`));
    expect(coupon.validUntil).toBe(until.toISOString());
  });

  it.each([['an unknown offer', () => 'tpl-none', 404, 'COUPON_TEMPLATE_NOT_FOUND']] as const)(
    'refuses %s',
    async (_name, id, status, code) => {
      const token = await freshShopper(t);
      expectError(await post(token, `/api/coupons/${id()}/claim`), status, code);
    },
  );

  it('refuses offers not open yet, closed, or past their fixed window, and changes nothing', async () => {
    const token = await freshShopper(t);
    const now = t.time.clock().getTime();
    const templates = [
      await createTemplate(t, { claim_starts_at: new Date(now + DAY_MS), claim_ends_at: new Date(now + 2 * DAY_MS) }),
      await createTemplate(t, { claim_starts_at: new Date(now - 2 * DAY_MS), claim_ends_at: new Date(now) }),
      await createTemplate(t, { valid_days: null, valid_until: new Date(now) }),
    ];
    for (const templateId of templates) {
      expectError(await post(token, `/api/coupons/${templateId}/claim`), 409, 'COUPON_NOT_CLAIMABLE');
      expect(await claimedCount(t.db, templateId)).toBe(0);
    }
    expectError(await post(token, '/api/coupons/%00/claim'), 400, 'VALIDATION_FAILED');
  });

  it('refuses a sold-out offer', async () => {
    const templateId = await createTemplate(t, { total_stock: 1 });
    await claim(t, await freshShopper(t), templateId);
    expectError(await post(await freshShopper(t), `/api/coupons/${templateId}/claim`), 409, 'COUPON_SOLD_OUT');
    expect(await claimedCount(t.db, templateId)).toBe(1);
  });

  it('needs a session', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/coupons/claimable' }), 401, 'UNAUTHENTICATED');
    expectError(await t.app.inject({ method: 'GET', url: '/api/me/points' }), 401, 'UNAUTHENTICATED');
  });

  it('lists the shopper’s coupons as available, used or expired', async () => {
    const token = await freshShopper(t);
    const userId = await userIdOf(t, token);
    const shortLived = await claim(t, token, await createTemplate(t, { valid_days: 1 }));
    const longLived = await claim(t, token, await createTemplate(t, { valid_days: 10 }));
    const used = await claim(t, token, await createTemplate(t, { valid_days: 10 }));
    await t.db
      .updateTable('user_coupons')
      .set({ status: 'used', order_id: crypto.randomUUID(), used_at: t.time.clock() })
      .where('id', '=', used)
      .where('user_id', '=', userId)
      .execute();
    const ids = async (status: string) =>
      expectContract(userCouponsSchema, await get(token, `/api/me/coupons?status=${status}`)).items.map((c) => c.id);
    expect(await ids('available')).toEqual([shortLived, longLived]);
    expect(await ids('used')).toEqual([used]);
    expect(await ids('expired')).toEqual([]);
    const start = t.time.clock();
    t.time.advance(2 * DAY_MS);
    try {
      expect(await ids('available')).toEqual([longLived]);
      const expired = expectContract(userCouponsSchema, await get(token, '/api/me/coupons?status=expired')).items;
      expect(expired.map((c) => [c.id, c.status])).toEqual([[shortLived, 'expired']]);
    } finally {
      t.time.set(start);
    }
    expectError(await get(token, '/api/me/coupons?status=lost'), 400, 'VALIDATION_FAILED');
  });

  it('shows the points balance and history newest first, a page at a time', async () => {
    const token = await freshShopper(t);
    const userId = await userIdOf(t, token);
    const now = t.time.clock();
    expect(expectContract(pointsSchema, await get(token, '/api/me/points'))).toEqual({
      balance: 0,
      fenPerPoint: 1,
      history: [],
      nextCursor: null,
    });
    await grantPoints(t.db, { userId, points: 500, reason: 'grant', ref: `welcome:${userId}`, now });
    await grantPoints(t.db, { userId, points: 300, reason: 'grant', ref: `review:${userId}`, now });
    const orderId = crypto.randomUUID();
    await spendPoints(t.db, { userId, points: 200, orderId, now });
    const first = expectContract(pointsSchema, await get(token, '/api/me/points?pageSize=2'));
    expect(first.balance).toBe(600);
    expect(first.history.map((e) => [e.delta, e.reason, e.ref])).toEqual([
      [-200, 'order_spend', orderId],
      [300, 'grant', `review:${userId}`],
    ]);
    const second = expectContract(
      pointsSchema,
      await get(token, `/api/me/points?pageSize=2&cursor=${first.nextCursor}`),
    );
    expect(second.history.map((e) => e.delta)).toEqual([500]);
    expect(second.nextCursor).toBeNull();
    expectError(await get(token, '/api/me/points?cursor=abc'), 400, 'VALIDATION_FAILED');
  });

  it.skipIf(database.name === 'PGlite')(
    'concurrent claims never oversell the last coupons nor pass the per-user limit (PostgreSQL only: PGlite serialises everything)',
    async () => {
      const lastFive = await createTemplate(t, { total_stock: 5 });
      const shoppers = await Promise.all(Array.from({ length: 20 }, () => freshShopper(t)));
      const results = await Promise.all(shoppers.map((token) => post(token, `/api/coupons/${lastFive}/claim`)));
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(5);
      for (const r of results.filter((r) => r.statusCode !== 201)) expectError(r, 409, 'COUPON_SOLD_OUT');
      expect(await claimedCount(t.db, lastFive)).toBe(5);

      const limitTwo = await createTemplate(t, { per_user_limit: 2, total_stock: 100 });
      const greedy = await freshShopper(t);
      const mine = await Promise.all(Array.from({ length: 10 }, () => post(greedy, `/api/coupons/${limitTwo}/claim`)));
      expect(mine.filter((r) => r.statusCode === 201)).toHaveLength(2);
      for (const r of mine.filter((r) => r.statusCode !== 201)) expectError(r, 409, 'COUPON_CLAIM_LIMIT');
      expect(await claimedCount(t.db, limitTwo)).toBe(2);
      const rows = await t.db.selectFrom('user_coupons').select('id').where('template_id', '=', limitTwo).execute();
      expect(rows).toHaveLength(2);
    },
  );
});
