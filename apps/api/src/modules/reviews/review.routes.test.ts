import { hiddenReviewSchema, maskNickname, orderReviewsSchema, productReviewPageSchema } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectContract, expectError, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { OPS, OPS_TOKEN, orderIn } from '../after-sales/after-sale.fixtures';
import { pointsOf } from '../orders/order.fixtures';
import { SKU, userIdOf } from '../payments/payment-test-kit';
import { uploadPhoto } from '../uploads/upload.fixtures';

/** The product page these tests read has only their reviews: a SKU no other test here reviews. */
const SNEAKER_SKU = 'sku-sneaker-w38';
const SNEAKER = 'p-sneaker';
/** Points per review in this app (the setting; never the stars). */
const REWARD = 7;

describe.each(testDatabases())('reviews on $name', (database) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp(database, { listen: true, config: { opsApiToken: OPS_TOKEN, reviewRewardPoints: REWARD } });
    token = await freshShopper(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const review = (orderId: string, lines: unknown[], who = token) =>
    t.app.inject({ method: 'POST', url: `/api/orders/${orderId}/reviews`, headers: bearer(who), payload: { lines } });
  const reviewCount = async (orderId: string) =>
    (await t.db.selectFrom('reviews').select('id').where('order_id', '=', orderId).execute()).length;

  it('is refused before the order completes, and for another shopper’s order', async () => {
    const paid = await orderIn(t, token, 'paid');
    const shipped = await orderIn(t, token, 'shipped');
    for (const order of [paid, shipped]) {
      expectError(await review(order.id, [{ skuId: SKU, stars: 5 }]), 409, 'REVIEW_NOT_ALLOWED');
    }
    const completed = await orderIn(t, token, 'completed');
    expectError(await review(completed.id, [{ skuId: SKU, stars: 5 }], await freshShopper(t)), 404, 'ORDER_NOT_FOUND');
    expectError(await review('not-a-uuid', [{ skuId: SKU, stars: 5 }]), 404, 'ORDER_NOT_FOUND');
    for (const order of [paid, shipped, completed]) expect(await reviewCount(order.id)).toBe(0);
  });

  it('takes one review per line, with the shopper’s own photos only; a repeat saves nothing', async () => {
    const order = await orderIn(t, token, 'completed');
    const mine = await uploadPhoto(t, token);
    const theirs = await uploadPhoto(t, await freshShopper(t));
    expectError(await review(order.id, [{ skuId: SKU, stars: 4, photos: [theirs.id] }]), 422, 'UPLOAD_NOT_FOUND');
    expectError(await review(order.id, [{ skuId: 'sku-serum-30', stars: 4 }]), 422, 'REVIEW_LINE_NOT_FOUND');
    expectError(await review(order.id, [{ skuId: SKU, stars: 6 }]), 400, 'VALIDATION_FAILED');
    expectError(await review(order.id, [{ skuId: SKU, stars: 4, text: '好'.repeat(501) }]), 400, 'VALIDATION_FAILED');
    expect(await reviewCount(order.id)).toBe(0);

    const created = await review(order.id, [{ skuId: SKU, stars: 4, text: ' 温和不刺激 ', photos: [mine.id] }]);
    expect(created.statusCode, created.body).toBe(201);
    const answer = expectContract(orderReviewsSchema, created);
    expect(answer.items).toMatchObject([
      { skuId: SKU, stars: 4, text: '温和不刺激', photos: [mine.url], specText: '200ml', hidden: false },
    ]);
    expect(answer.items[0]?.nickname).toMatch(/^.\*$|^匿名用户$/u);

    expectError(await review(order.id, [{ skuId: SKU, stars: 1, text: '改主意了' }]), 409, 'REVIEW_ALREADY_EXISTS');
    expect(await reviewCount(order.id)).toBe(1);
    const mineListed = await t.app.inject({
      method: 'GET',
      url: `/api/orders/${order.id}/reviews`,
      headers: bearer(token),
    });
    expect(expectContract(orderReviewsSchema, mineListed)).toEqual({ items: answer.items, pointsGranted: 0 });
  });

  it('rewards a 1-star and a 5-star review with the same points (好评返现 is illegal)', async () => {
    const userId = await userIdOf(t, token);
    const first = await orderIn(t, token, 'completed');
    const second = await orderIn(t, token, 'completed');

    const before = await pointsOf(t, userId);
    const oneStar = expectContract(
      orderReviewsSchema,
      await review(first.id, [{ skuId: SKU, stars: 1, text: '不好用' }]),
    );
    const afterOne = await pointsOf(t, userId);
    const fiveStars = expectContract(
      orderReviewsSchema,
      await review(second.id, [{ skuId: SKU, stars: 5, text: '很好' }]),
    );
    const afterFive = await pointsOf(t, userId);

    expect(oneStar.pointsGranted).toBe(REWARD);
    expect(fiveStars.pointsGranted).toBe(REWARD);
    expect(afterOne - before).toBe(REWARD);
    expect(afterFive - afterOne).toBe(REWARD);
  });

  it('shows a product’s visible reviews newest first with masked nicknames and its rating; operators hide one', async () => {
    const other = await freshShopper(t);
    const older = await orderIn(t, token, 'completed', { skuId: SNEAKER_SKU });
    const newer = await orderIn(t, other, 'completed', { skuId: SNEAKER_SKU });
    const photo = await uploadPhoto(t, other);
    expect((await review(older.id, [{ skuId: SNEAKER_SKU, stars: 3, text: '偏小' }])).statusCode).toBe(201);
    t.time.advance(60_000);
    const created = await review(newer.id, [{ skuId: SNEAKER_SKU, stars: 4, photos: [photo.id] }], other);
    expect(created.statusCode, created.body).toBe(201);

    const page1 = expectContract(
      productReviewPageSchema,
      await t.app.inject({ method: 'GET', url: `/api/products/${SNEAKER}/reviews?pageSize=1` }),
    );
    expect(page1.summary).toEqual({ count: 2, averageStars: 3.5 });
    const otherRow = await t.db
      .selectFrom('users')
      .select('nickname')
      .where('id', '=', await userIdOf(t, other))
      .executeTakeFirstOrThrow();
    expect(page1.items).toMatchObject([
      { stars: 4, photos: [photo.url], specText: '白 / 38', nickname: maskNickname(otherRow.nickname) },
    ]);
    expect(page1.items[0]?.nickname).not.toBe(otherRow.nickname);
    const page2 = expectContract(
      productReviewPageSchema,
      await t.app.inject({
        method: 'GET',
        url: `/api/products/${SNEAKER}/reviews?pageSize=1&cursor=${page1.nextCursor}`,
      }),
    );
    expect(page2.items.map((r) => r.text)).toEqual(['偏小']);
    expect(page2.nextCursor).toBeNull();

    // When an operator hides the 4-star review
    const reviewId = page1.items[0]?.id ?? '';
    const hide = (id: string, reason: string, headers: Record<string, string> = OPS) =>
      t.app.inject({ method: 'POST', url: `/api/ops/reviews/${id}/hide`, headers, payload: { reason } });
    expectError(await hide(reviewId, '广告', bearer(token)), 401, 'UNAUTHENTICATED');
    const hidden = await hide(reviewId, '含广告信息');
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(expectContract(hiddenReviewSchema, hidden)).toMatchObject({ id: reviewId, hiddenReason: '含广告信息' });
    expectError(await hide(reviewId, '再隐藏'), 409, 'REVIEW_ALREADY_HIDDEN');
    expectError(await hide('00000000-0000-4000-8000-000000000000', '无'), 404, 'REVIEW_NOT_FOUND');

    // Then it leaves the page and the rating; its author still sees it, marked hidden.
    const after = expectContract(
      productReviewPageSchema,
      await t.app.inject({ method: 'GET', url: `/api/products/${SNEAKER}/reviews` }),
    );
    expect(after.summary).toEqual({ count: 1, averageStars: 3 });
    expect(after.items.map((r) => r.id)).not.toContain(reviewId);
    const own = await t.app.inject({ method: 'GET', url: `/api/orders/${newer.id}/reviews`, headers: bearer(other) });
    expect(expectContract(orderReviewsSchema, own).items).toMatchObject([{ id: reviewId, hidden: true }]);
  });

  it('answers an unknown product with 404 and a bad cursor with 400', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/products/p-none/reviews' }), 404, 'PRODUCT_NOT_FOUND');
    expectError(
      await t.app.inject({ method: 'GET', url: `/api/products/${SNEAKER}/reviews?cursor=bm9wZQ` }),
      400,
      'CURSOR_INVALID',
    );
    const empty = expectContract(
      productReviewPageSchema,
      await t.app.inject({ method: 'GET', url: '/api/products/p-serum/reviews' }),
    );
    expect(empty).toEqual({ items: [], nextCursor: null, summary: { count: 0, averageStars: null } });
  });
});
