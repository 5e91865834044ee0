import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../../jobs/job-runner';
import { createTestApp, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { registerOrderJobs } from './order.jobs';

let counter = 0;
const MIN = 60_000;

describe.each(testDatabases())('order deadline jobs on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    // buildApp registers the order jobs on t.jobs.
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  const stockOf = async (skuId: string) =>
    (await t.db.selectFrom('skus').select('stock').where('id', '=', skuId).executeTakeFirstOrThrow()).stock;

  /** An order as order creation leaves it: stock taken, one line, deadline 30 minutes out. */
  async function placeRaw(skuId: string, quantity: number, status: 'pending_payment' | 'shipped'): Promise<string> {
    await freshShopper(t);
    const user = await t.db.selectFrom('users').select('id').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    const now = t.time.clock();
    counter += 1;
    await t.db
      .updateTable('skus')
      .set((eb) => ({ stock: eb('stock', '-', quantity) }))
      .where('id', '=', skuId)
      .execute();
    const order = await t.db
      .insertInto('orders')
      .values({
        order_no: `J${counter}${Date.now()}`,
        user_id: user.id,
        status,
        source: 'buy_now',
        subtotal_fen: 100 * quantity,
        shipping_fee_fen: 0,
        coupon_discount_fen: 0,
        points_used: 0,
        points_discount_fen: 0,
        total_fen: 100 * quantity,
        user_coupon_id: null,
        address: JSON.stringify({}),
        shipping_company: null,
        tracking_no: null,
        pay_deadline_at: new Date(now.getTime() + 30 * MIN),
        paid_at: null,
        shipped_at: status === 'shipped' ? now : null,
        auto_confirm_at: status === 'shipped' ? new Date(now.getTime() + 7 * 24 * 60 * MIN) : null,
        completed_at: null,
        cancelled_at: null,
        cancel_reason: null,
        refunded_at: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('order_lines')
      .values({
        order_id: order.id,
        line_no: 1,
        sku_id: skuId,
        product_id: 'p',
        title: 't',
        spec_text: '',
        image: null,
        unit_price_fen: 100,
        quantity,
        subtotal_fen: 100 * quantity,
        coupon_share_fen: 0,
        points_share_fen: 0,
        pay_fen: 100 * quantity,
      })
      .execute();
    return order.id;
  }
  const statusOf = async (id: string) =>
    (await t.db.selectFrom('orders').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  it('cancels an unpaid order past 30 minutes once and restores its stock once', async () => {
    const sku = (await t.db.selectFrom('skus').select('id').where('stock', '>=', 5).executeTakeFirstOrThrow()).id;
    const before = await stockOf(sku);
    const id = await placeRaw(sku, 2, 'pending_payment');
    expect(await stockOf(sku)).toBe(before - 2);

    const start = t.time.clock().getTime();
    expect(await t.jobs.tick(new Date(start + 29 * MIN))).toMatchObject({ 'orders.cancel-unpaid': 0 });
    expect(await statusOf(id)).toBe('pending_payment');
    expect(await t.jobs.tick(new Date(start + 31 * MIN))).toMatchObject({ 'orders.cancel-unpaid': 1 });
    expect(await statusOf(id)).toBe('cancelled');
    expect(await stockOf(sku)).toBe(before);
    expect(await t.jobs.tick(new Date(start + 32 * MIN))).toMatchObject({ 'orders.cancel-unpaid': 0 });
    expect(await stockOf(sku)).toBe(before);
  });

  it('completes a shipped order 7 days after shipping', async () => {
    const sku = (await t.db.selectFrom('skus').select('id').where('stock', '>=', 1).executeTakeFirstOrThrow()).id;
    const id = await placeRaw(sku, 1, 'shipped');
    const start = t.time.clock().getTime();
    await t.jobs.tick(new Date(start + 6 * 24 * 60 * MIN));
    expect(await statusOf(id)).toBe('shipped');
    expect(await t.jobs.tick(new Date(start + 7 * 24 * 60 * MIN))).toMatchObject({ 'orders.auto-confirm': 1 });
    expect(await statusOf(id)).toBe('completed');
  });

  it.skipIf(database.name === 'PGlite')(
    'two runners ticking at once cancel each order once and restore stock once (PostgreSQL only: PGlite is one connection, a race there proves nothing)',
    async () => {
      const sku = (await t.db.selectFrom('skus').select('id').where('stock', '>=', 20).executeTakeFirstOrThrow()).id;
      const before = await stockOf(sku);
      const ids: string[] = [];
      for (let i = 0; i < 10; i += 1) ids.push(await placeRaw(sku, 1, 'pending_payment'));
      const other = createJobRunner({ clock: t.time.clock, logger: { error: () => {} } });
      registerOrderJobs(other, t.db);
      const at = new Date(t.time.clock().getTime() + 31 * MIN);
      const [a, b] = await Promise.all([t.jobs.tick(at), other.tick(at)]);
      expect((a['orders.cancel-unpaid'] ?? 0) + (b['orders.cancel-unpaid'] ?? 0)).toBe(10);
      for (const id of ids) expect(await statusOf(id)).toBe('cancelled');
      expect(await stockOf(sku)).toBe(before);
    },
  );
});
