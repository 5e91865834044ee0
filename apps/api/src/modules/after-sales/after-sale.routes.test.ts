import { afterSaleListSchema, afterSalePageSchema, afterSaleSchema } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectContract, expectError, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { pointsOf } from '../orders/order.fixtures';
import {
  deliver,
  notificationOf,
  orderRow,
  paymentOf,
  placePendingOrder,
  refundsOf,
  stockOf,
  userIdOf,
} from '../payments/payment-test-kit';
import { grantPoints } from '../promotions/points.repository';
import { uploadPhoto } from '../uploads/upload.fixtures';
import { OPS, OPS_TOKEN, opsDecide, orderIn, requestAfterSale } from './after-sale.fixtures';
import { afterSaleRefundNo } from './after-sale.service';

describe.each(testDatabases())('after-sales on $name', (database) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    // listen: the sandbox's REFUND.SUCCESS reaches the API over real HTTP, signed as WeChat signs it.
    t = await createTestApp(database, { listen: true, config: { opsApiToken: OPS_TOKEN } });
    token = await freshShopper(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const afterSaleRow = (id: string) =>
    t.db.selectFrom('after_sales').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('退货退款 of a shipped order: request with photos -> approve -> REFUND.SUCCESS -> 已退款, stock and points back once', async () => {
    const userId = await userIdOf(t, token);
    await grantPoints(t.db, {
      userId,
      points: 500,
      reason: 'grant',
      ref: `after-sale-test:${userId}`,
      now: t.time.clock(),
    });
    const pointsBefore = await pointsOf(t, userId);
    const stockBefore = await stockOf(t);
    const order = await orderIn(t, token, 'shipped', { quantity: 2, pointsToUse: 300 });
    expect(await stockOf(t)).toBe(stockBefore - 2);
    const photos = [await uploadPhoto(t, token), await uploadPhoto(t, token)];

    // Given a shopper's request
    const created = await requestAfterSale(t, token, order.id, {
      kind: 'return_refund',
      reason: 'quality_issue',
      reasonText: '  瓶盖破裂  ',
      photos: photos.map((p) => p.id),
    });
    expect(created.statusCode, created.body).toBe(201);
    const request = expectContract(afterSaleSchema, created);
    expect(request).toMatchObject({
      orderId: order.id,
      orderNo: order.orderNo,
      kind: 'return_refund',
      kindLabel: '退货退款',
      status: 'pending',
      statusLabel: '待处理',
      reasonLabel: '商品质量问题',
      reasonText: '瓶盖破裂',
      photos: photos.map((p) => p.url),
      refundFen: order.totalFen,
      orderStatusBefore: 'shipped',
      operatorComment: null,
      decidedAt: null,
    });
    expect((await orderRow(t, order.id)).status).toBe('after_sale');
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/orders/${order.id}/after-sales`,
      headers: bearer(token),
    });
    expect(expectContract(afterSaleListSchema, listed).items).toEqual([request]);
    const queue = await t.app.inject({ method: 'GET', url: '/api/ops/after-sales?status=pending', headers: OPS });
    expect(expectContract(afterSalePageSchema, queue).items.map((a) => a.id)).toContain(request.id);

    // When the operator approves
    const approved = await opsDecide(t, request.id, 'approve', { comment: '已收到退货' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(expectContract(afterSaleSchema, approved)).toMatchObject({
      status: 'approved',
      operatorComment: '已收到退货',
    });
    await t.sandbox.pay.notifier.settle();

    // Then WeChat's REFUND.SUCCESS settles order and request
    const payment = await paymentOf(t, order.id);
    const refunds = await refundsOf(t, payment.id);
    expect(refunds.map((r) => [r.out_refund_no, r.amount_fen, r.status])).toEqual([
      [afterSaleRefundNo(request.id), order.totalFen, 'succeeded'],
    ]);
    expect((await orderRow(t, order.id)).status).toBe('refunded');
    expect(await afterSaleRow(request.id)).toMatchObject({
      status: 'refunded',
      out_refund_no: afterSaleRefundNo(request.id),
    });
    expect((await afterSaleRow(request.id)).refunded_at).not.toBeNull();
    expect(await stockOf(t)).toBe(stockBefore);
    expect(await pointsOf(t, userId)).toBe(pointsBefore);

    // Approving again, or WeChat retrying its notification, changes nothing.
    expectError(await opsDecide(t, request.id, 'approve'), 409, 'AFTER_SALE_STATUS_CONFLICT');
    expect((await deliver(t, notificationOf(t, order.orderNo, 'REFUND.SUCCESS'))).statusCode).toBe(204);
    expect(await refundsOf(t, payment.id)).toHaveLength(1);
    expect(await stockOf(t)).toBe(stockBefore);
    expect(await pointsOf(t, userId)).toBe(pointsBefore);
    expect(t.sandbox.pay.store.transactions.get(order.orderNo)?.refundedFen).toBe(order.totalFen);
  });

  it('仅退款 of a shipped order keeps the stock sold; of an unshipped one puts it back', async () => {
    const stockBefore = await stockOf(t);
    const shipped = await orderIn(t, token, 'shipped');
    const unshipped = await orderIn(t, token, 'paid');
    for (const order of [shipped, unshipped]) {
      const created = await requestAfterSale(t, token, order.id, { kind: 'refund_only', reason: 'not_received' });
      expect(created.statusCode, created.body).toBe(201);
      expect((await opsDecide(t, created.json().id, 'approve')).statusCode).toBe(200);
      await t.sandbox.pay.notifier.settle();
      expect((await orderRow(t, order.id)).status).toBe('refunded');
    }
    // The shipped unit stays with the shopper; the unshipped one is back on sale.
    expect(await stockOf(t)).toBe(stockBefore - 1);
  });

  it('refusal puts a completed order back with the comment; the shopper may then ask again', async () => {
    const order = await orderIn(t, token, 'completed');
    const created = await requestAfterSale(t, token, order.id, { kind: 'refund_only', reason: 'not_as_described' });
    expect(created.statusCode, created.body).toBe(201);
    expectError(await opsDecide(t, created.json().id, 'refuse', { comment: '' }), 400, 'VALIDATION_FAILED');
    const refused = await opsDecide(t, created.json().id, 'refuse', { comment: '商品与描述一致，已附检测报告' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(expectContract(afterSaleSchema, refused)).toMatchObject({
      status: 'refused',
      statusLabel: '已拒绝',
      operatorComment: '商品与描述一致，已附检测报告',
    });
    expect((await orderRow(t, order.id)).status).toBe('completed');
    expectError(
      await opsDecide(t, created.json().id, 'refuse', { comment: '再拒一次' }),
      409,
      'AFTER_SALE_STATUS_CONFLICT',
    );
    expectError(await opsDecide(t, created.json().id, 'approve'), 409, 'AFTER_SALE_STATUS_CONFLICT');
    expect(await refundsOf(t, (await paymentOf(t, order.id)).id)).toEqual([]);

    t.time.advance(60_000);
    const again = await requestAfterSale(t, token, order.id, { kind: 'return_refund', reason: 'quality_issue' });
    expect(again.statusCode, again.body).toBe(201);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/orders/${order.id}/after-sales`,
      headers: bearer(token),
    });
    expect(list.json().items.map((a: { status: string }) => a.status)).toEqual(['pending', 'refused']);
  });

  it('refuses a foreign order, a foreign photo, an unpaid order and a second open request, writing nothing', async () => {
    const order = await orderIn(t, token, 'paid');
    const stranger = await freshShopper(t);
    expectError(
      await requestAfterSale(t, stranger, order.id, { kind: 'refund_only', reason: 'other' }),
      404,
      'ORDER_NOT_FOUND',
    );
    expectError(
      await t.app.inject({ method: 'GET', url: `/api/orders/${order.id}/after-sales`, headers: bearer(stranger) }),
      404,
      'ORDER_NOT_FOUND',
    );
    const strangersPhoto = await uploadPhoto(t, stranger);
    expectError(
      await requestAfterSale(t, token, order.id, { kind: 'refund_only', reason: 'other', photos: [strangersPhoto.id] }),
      422,
      'UPLOAD_NOT_FOUND',
    );
    expectError(
      await requestAfterSale(t, token, order.id, { kind: 'refund_only', reason: 'other', photos: ['not-a-uuid'] }),
      422,
      'UPLOAD_NOT_FOUND',
    );
    expectError(
      await requestAfterSale(t, token, order.id, { kind: 'refund_only', reason: 'made_up' }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await orderRow(t, order.id)).status).toBe('paid');
    expect(await t.db.selectFrom('after_sales').select('id').where('order_id', '=', order.id).execute()).toEqual([]);

    const pending = await placePendingOrder(t, token);
    expectError(
      await requestAfterSale(t, token, pending.id, { kind: 'refund_only', reason: 'other' }),
      409,
      'AFTER_SALE_NOT_ALLOWED',
    );

    expect((await requestAfterSale(t, token, order.id, { kind: 'refund_only', reason: 'other' })).statusCode).toBe(201);
    expectError(
      await requestAfterSale(t, token, order.id, { kind: 'refund_only', reason: 'other' }),
      409,
      'AFTER_SALE_ALREADY_OPEN',
    );
    expect(await t.db.selectFrom('after_sales').select('id').where('order_id', '=', order.id).execute()).toHaveLength(
      1,
    );
  });

  it('guards the operators routes and answers 404 for an unknown request', async () => {
    expectError(
      await t.app.inject({ method: 'GET', url: '/api/ops/after-sales', headers: bearer(token) }),
      401,
      'UNAUTHENTICATED',
    );
    expectError(await opsDecide(t, '00000000-0000-4000-8000-000000000000', 'approve'), 404, 'AFTER_SALE_NOT_FOUND');
    expectError(await opsDecide(t, 'nope', 'refuse', { comment: '无' }), 404, 'AFTER_SALE_NOT_FOUND');
    expectError(
      await t.app.inject({ method: 'GET', url: '/api/ops/after-sales?cursor=bm9wZQ', headers: OPS }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('pages the operators list newest first', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/api/ops/after-sales?pageSize=2', headers: OPS });
    const page = expectContract(afterSalePageSchema, first);
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    const next = await t.app.inject({
      method: 'GET',
      url: `/api/ops/after-sales?pageSize=2&cursor=${page.nextCursor}`,
      headers: OPS,
    });
    const second = expectContract(afterSalePageSchema, next);
    expect(second.items.map((a) => a.id)).not.toContain(page.items[0]?.id);
    expect(second.items.map((a) => a.id)).not.toContain(page.items[1]?.id);
  });

  it.skipIf(database.name === 'PGlite')(
    'requests racing each other and the shipping: at most one request, recording the state the order really left (PostgreSQL only: PGlite is one connection)',
    async () => {
      const order = await orderIn(t, token, 'paid');
      const [ship, ...requests] = await Promise.all([
        t.app.inject({
          method: 'POST',
          url: `/api/ops/orders/${order.id}/ship`,
          headers: OPS,
          payload: { company: '顺丰速运', trackingNo: 'SF20260601RACE' },
        }),
        ...Array.from({ length: 4 }, () =>
          requestAfterSale(t, token, order.id, { kind: 'refund_only', reason: 'other' }),
        ),
      ]);
      const created = requests.filter((r) => r.statusCode === 201);
      const rows = await t.db.selectFrom('after_sales').selectAll().where('order_id', '=', order.id).execute();
      const status = (await orderRow(t, order.id)).status;
      if (ship?.statusCode === 200) {
        // Shipped first: every request saw 待收货 or lost the conditional move; one may follow from 待收货.
        expect(rows.length).toBeLessThanOrEqual(1);
        expect(rows.every((r) => r.order_status_before === 'shipped')).toBe(true);
        expect(status).toBe(rows.length === 1 ? 'after_sale' : 'shipped');
      } else {
        expect(ship?.statusCode).toBe(409);
        expect(rows).toHaveLength(1);
        expect(rows[0]?.order_status_before).toBe('paid');
        expect(status).toBe('after_sale');
      }
      expect(created).toHaveLength(rows.length);
      expect(requests.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
    },
  );

  it.skipIf(database.name === 'PGlite')(
    'two approvals at once make one refund (PostgreSQL only: PGlite is one connection, a race there proves nothing)',
    async () => {
      const order = await orderIn(t, token, 'shipped');
      const created = await requestAfterSale(t, token, order.id, { kind: 'return_refund', reason: 'wrong_item' });
      expect(created.statusCode, created.body).toBe(201);
      const answers = await Promise.all(Array.from({ length: 5 }, () => opsDecide(t, created.json().id, 'approve')));
      const statuses = answers.map((a) => a.statusCode);
      expect(statuses).toContain(200);
      expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
      await t.sandbox.pay.notifier.settle();
      const payment = await paymentOf(t, order.id);
      expect(await refundsOf(t, payment.id)).toHaveLength(1);
      expect(payment.refunded_fen).toBe(order.totalFen);
      expect((await orderRow(t, order.id)).status).toBe('refunded');
    },
  );
});
