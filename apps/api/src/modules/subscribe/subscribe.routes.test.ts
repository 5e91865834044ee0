import { subscribeTemplatesSchema, subscriptionsSchema } from '@wematrix/shared';
import { DEMO_SUBSCRIBE_TEMPLATES } from '@wematrix/wechat-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createTestApp,
  expectContract,
  expectError,
  freshShopper,
  TEST_APPS,
  type TestApp,
} from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { markOrderPaid } from '../orders/order.repository';
import { orderRow, placePendingOrder, prepayIdOf, sandboxPays, startPay, userIdOf } from '../payments/payment-test-kit';

const OPS_TOKEN = 'subscribe-test-ops-token-0123456789abcdef';
const SHIPPED_ID = 'tmpl_order_shipped_test_0000000000000000001';
const REFUND_ID = 'tmpl_refund_succeeded_test_00000000000000001';
const [SHIPPED_DEMO, REFUND_DEMO] = DEMO_SUBSCRIBE_TEMPLATES;
const fieldsOf = (demo: (typeof DEMO_SUBSCRIBE_TEMPLATES)[number]) =>
  Object.fromEntries(Object.entries(demo.fields).map(([key, f]) => [key, f.source]));
const keywordsOf = (demo: (typeof DEMO_SUBSCRIBE_TEMPLATES)[number]) =>
  Object.fromEntries(Object.entries(demo.fields).map(([key, f]) => [key, f.label]));

describe.each(testDatabases())('subscribe messages on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    // listen: the sandbox's refund notifications reach the API over HTTP.
    t = await createTestApp(database, {
      listen: true,
      config: {
        opsApiToken: OPS_TOKEN,
        subscribe: {
          miniprogramState: 'developer',
          templates: [
            { app: 'mall', kind: 'order_shipped', templateId: SHIPPED_ID, fields: fieldsOf(SHIPPED_DEMO) },
            { app: 'mall', kind: 'refund_succeeded', templateId: REFUND_ID, fields: fieldsOf(REFUND_DEMO) },
          ],
        },
      },
    });
    // The same templates at the sandbox's WeChat, under the ids the API was configured with.
    const appid = TEST_APPS.mall.appid;
    t.sandbox.subscribe.addTemplate(appid, {
      templateId: SHIPPED_ID,
      title: SHIPPED_DEMO.title,
      keywords: keywordsOf(SHIPPED_DEMO),
    });
    t.sandbox.subscribe.addTemplate(appid, {
      templateId: REFUND_ID,
      title: REFUND_DEMO.title,
      keywords: keywordsOf(REFUND_DEMO),
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const consent = (token: string, results: Record<string, string>, app = 'mall') =>
    t.app.inject({ method: 'POST', url: '/api/me/subscriptions', headers: bearer(token), payload: { app, results } });
  const ship = (orderId: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/ops/orders/${orderId}/ship`,
      headers: { authorization: `Bearer ${OPS_TOKEN}` },
      payload: { company: '顺丰速运', trackingNo: 'SF1234567890' },
    });
  async function paidOrder(token: string) {
    const order = await placePendingOrder(t, token);
    expect(await markOrderPaid(t.db, { orderId: order.id, paidAt: t.time.clock() })).toBe('paid');
    return order;
  }
  async function openidOf(token: string): Promise<string> {
    const userId = await userIdOf(t, token);
    const row = await t.db
      .selectFrom('user_identities')
      .select('openid')
      .where('user_id', '=', userId)
      .where('app', '=', 'mall')
      .executeTakeFirstOrThrow();
    return row.openid;
  }
  const outboxOf = (orderId: string) =>
    t.db.selectFrom('subscribe_outbox').selectAll().where('ref_id', '=', orderId).execute();
  const quotaOf = async (token: string, templateId: string) => {
    const row = await t.db
      .selectFrom('subscribe_quotas')
      .select('remaining')
      .where('user_id', '=', await userIdOf(t, token))
      .where('template_id', '=', templateId)
      .executeTakeFirst();
    return row?.remaining ?? 0;
  };
  const tick = () => t.jobs.tick(t.time.clock());

  it('lists the templates an app may ask for; none for an app without any', async () => {
    const mall = await t.app.inject({ method: 'GET', url: '/api/subscribe/templates?app=mall' });
    expect(expectContract(subscribeTemplatesSchema, mall)).toEqual({
      app: 'mall',
      templates: [
        { kind: 'order_shipped', templateId: SHIPPED_ID },
        { kind: 'refund_succeeded', templateId: REFUND_ID },
      ],
    });
    const tools = await t.app.inject({ method: 'GET', url: '/api/subscribe/templates?app=tools' });
    expect(expectContract(subscribeTemplatesSchema, tools)).toEqual({ app: 'tools', templates: [] });
    expectError(
      await t.app.inject({ method: 'GET', url: '/api/subscribe/templates?app=shop' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await t.app.inject({ method: 'GET', url: '/api/subscribe/templates' }), 400, 'VALIDATION_FAILED');
  });

  it('records one allowed notice per accept, none for reject / ban / filter, and refuses unknown templates', async () => {
    const token = await freshShopper(t);
    const first = expectContract(
      subscriptionsSchema,
      await consent(token, { [SHIPPED_ID]: 'accept', [REFUND_ID]: 'reject' }),
    );
    expect(first).toEqual({ app: 'mall', quotas: [{ templateId: SHIPPED_ID, remaining: 1 }] });
    const second = expectContract(
      subscriptionsSchema,
      await consent(token, { [SHIPPED_ID]: 'accept', [REFUND_ID]: 'ban' }),
    );
    expect(second.quotas).toEqual([{ templateId: SHIPPED_ID, remaining: 2 }]);

    const unknown = expectError(
      await consent(token, { [SHIPPED_ID]: 'accept', nope: 'accept' }),
      422,
      'SUBSCRIBE_TEMPLATE_UNKNOWN',
    );
    expect(unknown.details).toEqual({ templateIds: ['nope'] });
    // A mall template reported from the campaign app is not one of the campaign's.
    expectError(await consent(token, { [SHIPPED_ID]: 'accept' }, 'campaign'), 422, 'SUBSCRIBE_TEMPLATE_UNKNOWN');
    expectError(await consent(token, { [SHIPPED_ID]: 'maybe' }), 400, 'VALIDATION_FAILED');
    expectError(await consent(token, { [`${SHIPPED_ID}\u0000`]: 'accept' }), 400, 'VALIDATION_FAILED');
    expectError(await consent(token, { a: 'reject', b: 'reject', c: 'reject', d: 'reject' }), 400, 'VALIDATION_FAILED');
    expectError(
      await t.app.inject({ method: 'POST', url: '/api/me/subscriptions', payload: { app: 'mall', results: {} } }),
      401,
      'UNAUTHENTICATED',
    );
    expect(await quotaOf(token, SHIPPED_ID)).toBe(2);
    expect(await quotaOf(token, REFUND_ID)).toBe(0);
  });

  it('ships an order of a shopper who allowed it: one message with the order’s fields reaches WeChat', async () => {
    const token = await freshShopper(t);
    await consent(token, { [SHIPPED_ID]: 'accept' });
    const order = await paidOrder(token);
    expect((await ship(order.id)).statusCode).toBe(200);
    // Queued with the ship, the allowed notice spent; nothing sent before the job runs.
    expect(await quotaOf(token, SHIPPED_ID)).toBe(0);
    expect((await outboxOf(order.id)).map((m) => m.status)).toEqual(['pending']);
    const openid = await openidOf(token);
    expect(t.sandbox.subscribe.messages({ touser: openid })).toEqual([]);

    expect((await tick())['subscribe.send']).toBe(1);
    await tick();
    const messages = t.sandbox.subscribe.messages({ touser: openid });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      templateId: SHIPPED_ID,
      page: `pkg-order/detail/index?id=${order.id}`,
      miniprogramState: 'developer',
      data: {
        character_string1: { value: order.orderNo },
        thing3: { value: '顺丰速运' },
        character_string4: { value: 'SF1234567890' },
        time5: { value: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/) },
      },
    });
    expect(Array.from(messages[0]?.data.thing2?.value ?? '').length).toBeLessThanOrEqual(20);
    const [row] = await outboxOf(order.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, msgid: String(messages[0]?.msgid) });
  });

  it('sends nothing for a shopper who did not allow it, and spends one allowed notice once', async () => {
    const silent = await freshShopper(t);
    const quiet = await paidOrder(silent);
    expect((await ship(quiet.id)).statusCode).toBe(200);
    expect(await outboxOf(quiet.id)).toEqual([]);

    const once = await freshShopper(t);
    await consent(once, { [SHIPPED_ID]: 'accept' });
    const first = await paidOrder(once);
    const second = await paidOrder(once);
    expect((await ship(first.id)).statusCode).toBe(200);
    expect((await ship(second.id)).statusCode).toBe(200);
    await tick();
    expect(t.sandbox.subscribe.messages({ touser: await openidOf(silent) })).toEqual([]);
    const messages = t.sandbox.subscribe.messages({ touser: await openidOf(once) });
    expect(messages.map((m) => m.data.character_string1?.value)).toEqual([first.orderNo]);
    expect(await outboxOf(second.id)).toEqual([]);
    expect(await quotaOf(once, SHIPPED_ID)).toBe(0);
  });

  it('records WeChat’s 43101 as failed, tries no more, and leaves the order shipped', async () => {
    const token = await freshShopper(t);
    await consent(token, { [SHIPPED_ID]: 'accept' });
    const openid = await openidOf(token);
    t.sandbox.subscribe.refuse(openid, SHIPPED_ID);
    const order = await paidOrder(token);
    expect((await ship(order.id)).statusCode).toBe(200);
    await tick();
    t.time.advance(3 * 3600 * 1000);
    await tick();
    const [row] = await outboxOf(order.id);
    expect(row).toMatchObject({ status: 'failed', errcode: 43101, attempts: 1 });
    expect(t.sandbox.subscribe.messages({ touser: openid })).toEqual([]);
    expect((await orderRow(t, order.id)).status).toBe('shipped');
  });

  it('tries again later while WeChat is busy, and gives up after the last attempt', async () => {
    const token = await freshShopper(t);
    const openid = await openidOf(token);
    await consent(token, { [SHIPPED_ID]: 'accept' });
    await consent(token, { [SHIPPED_ID]: 'accept' });
    const first = await paidOrder(token);
    expect((await ship(first.id)).statusCode).toBe(200);
    t.sandbox.subscribe.failNext(1);
    await tick();
    expect((await outboxOf(first.id))[0]).toMatchObject({ status: 'pending', attempts: 1, errcode: -1 });
    // Not due again before its delay (a minute after the first attempt).
    await tick();
    expect((await outboxOf(first.id))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    t.time.advance(60_000);
    await tick();
    expect((await outboxOf(first.id))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(t.sandbox.subscribe.messages({ touser: openid })).toHaveLength(1);

    const second = await paidOrder(token);
    expect((await ship(second.id)).statusCode).toBe(200);
    t.sandbox.subscribe.failNext(100);
    for (let i = 0; i < 8; i += 1) {
      await tick();
      t.time.advance(3 * 3600 * 1000);
    }
    t.sandbox.subscribe.failNext(0);
    expect((await outboxOf(second.id))[0]).toMatchObject({ status: 'failed', attempts: 5, errcode: -1 });
    expect(t.sandbox.subscribe.messages({ touser: openid })).toHaveLength(1);
    expect((await orderRow(t, second.id)).status).toBe('shipped');
  });

  it('sends 退款成功 with the refunded amount when WeChat Pay’s refund makes the order 已退款', async () => {
    const token = await freshShopper(t);
    await consent(token, { [REFUND_ID]: 'accept', [SHIPPED_ID]: 'reject' });
    const order = await placePendingOrder(t, token);
    await sandboxPays(t, prepayIdOf(await startPay(t, token, order.id)));
    const refunded = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/refund`,
      headers: bearer(token),
      payload: { reason: '不想要了' },
    });
    expect(refunded.statusCode, refunded.body).toBe(200);
    await t.sandbox.pay.notifier.settle();
    expect((await orderRow(t, order.id)).status).toBe('refunded');
    await tick();
    const messages = t.sandbox.subscribe.messages({ touser: await openidOf(token) });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      templateId: REFUND_ID,
      data: {
        character_string1: { value: order.orderNo },
        amount3: { value: `¥${Math.floor(order.totalFen / 100)}.${String(order.totalFen % 100).padStart(2, '0')}` },
      },
    });
  });

  it.skipIf(database.name === 'PGlite')(
    'sends a message once when two instances tick at once, and spends the last allowed notice once (PostgreSQL only: PGlite is one connection)',
    async () => {
      const token = await freshShopper(t);
      await consent(token, { [SHIPPED_ID]: 'accept' });
      const orders = await Promise.all([paidOrder(token), paidOrder(token), paidOrder(token)]);
      const shipped = await Promise.all(orders.map((o) => ship(o.id)));
      expect(shipped.map((r) => r.statusCode)).toEqual([200, 200, 200]);
      const queued = await t.db
        .selectFrom('subscribe_outbox')
        .select('ref_id')
        .where(
          'ref_id',
          'in',
          orders.map((o) => o.id),
        )
        .execute();
      expect(queued).toHaveLength(1);
      await Promise.all([tick(), tick(), tick()]);
      await tick();
      expect(t.sandbox.subscribe.messages({ touser: await openidOf(token) })).toHaveLength(1);
      expect(await quotaOf(token, SHIPPED_ID)).toBe(0);
    },
  );
});
