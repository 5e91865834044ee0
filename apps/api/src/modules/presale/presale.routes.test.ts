import { randomUUID } from 'node:crypto';
import { orderQuoteSchema, orderSchema, presaleDetailSchema, presaleListSchema } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectContract, expectError, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { SHENZHEN } from '../orders/order.fixtures';

const HOUR = 3_600_000;
const OPS_TOKEN = 'presale-test-ops-token-0123456789';
const OPS = { authorization: `Bearer ${OPS_TOKEN}` };
/** sku-toner lists at 89 元 with 500 in stock (apps/api/src/test/fixture-catalog.ts). */
const SKU = 'sku-toner';

let presaleCounter = 0;

describe.each(testDatabases())('presale routes on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, { config: { opsApiToken: OPS_TOKEN } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const definition = (overrides: Record<string, unknown> = {}) => {
    presaleCounter += 1;
    const now = t.time.clock();
    return {
      id: `presale-${process.pid}-${presaleCounter}`,
      skuId: SKU,
      title: '新品预售 · 爽肤水',
      startsAt: new Date(now.getTime() - HOUR).toISOString(),
      endsAt: new Date(now.getTime() + 47 * HOUR).toISOString(),
      shipsAt: new Date(now.getTime() + 24 * 7 * HOUR).toISOString(),
      stock: 5,
      perUserLimit: 2,
      ladder: {
        basis: 'units',
        steps: [
          { from: 0, priceFen: 5900, label: '限量预售' },
          { from: 2, priceFen: 6900, label: '限时抢购' },
          { from: 4, priceFen: 7900, label: '阶梯涨价' },
        ],
      },
      ...overrides,
    };
  };
  const save = (body: object) =>
    t.app.inject({ method: 'POST', url: '/api/ops/presales', headers: OPS, payload: body });
  const create = async (overrides: Record<string, unknown> = {}) => {
    const body = definition(overrides);
    const response = await save(body);
    expect(response.statusCode, response.body).toBe(201);
    return body.id;
  };
  const detail = async (id: string) =>
    expectContract(presaleDetailSchema, await t.app.inject(`/api/presales/${id}`)).presale;
  const quote = (token: string, id: string, quantity: number) =>
    t.app.inject({
      method: 'POST',
      url: `/api/presales/${id}/quote`,
      headers: bearer(token),
      payload: { quantity, region: { province: '广东省' } },
    });
  const order = (token: string, id: string, quantity: number, expectedTotalFen: number, key = randomUUID()) =>
    t.app.inject({
      method: 'POST',
      url: `/api/presales/${id}/order`,
      headers: { ...bearer(token), 'idempotency-key': key },
      payload: { quantity, address: SHENZHEN, expectedTotalFen },
    });
  const buy = async (token: string, id: string, quantity: number) => {
    const { totalFen } = expectContract(orderQuoteSchema, await quote(token, id, quantity));
    const response = await order(token, id, quantity, totalFen);
    expect(response.statusCode, response.body).toBe(201);
    return expectContract(orderSchema, response);
  };
  const soldOf = async (id: string) =>
    (await t.db.selectFrom('presales').select('sold').where('id', '=', id).executeTakeFirstOrThrow()).sold;
  const orderCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('orders')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses on save a window over 3 days, a ladder that steps down or above the list price, each with its reason; nothing saved', async () => {
    const now = t.time.clock();
    const tooLong = definition({ endsAt: new Date(now.getTime() + 72 * HOUR).toISOString() });
    const body = expectError(await save(tooLong), 422, 'PRESALE_RULES_BROKEN');
    expect(body.details).toEqual({
      problems: [{ code: 'window_too_long', message: '预售周期不得超过 3 天（当前 73 小时）' }],
    });
    const down = definition({
      ladder: {
        basis: 'time',
        steps: [
          { from: 0, priceFen: 6900, label: '首日' },
          { from: 24, priceFen: 5900, label: '次日' },
          { from: 30, priceFen: 99900, label: '贵' },
        ],
      },
    });
    const problems = (
      expectError(await save(down), 422, 'PRESALE_RULES_BROKEN').details as { problems: Array<{ code: string }> }
    ).problems;
    expect(problems.map((p) => p.code)).toEqual(['ladder_price_down', 'ladder_price_invalid']);
    const claims = definition({ title: '预售 · 最好的祛痘治疗水' });
    const claimProblems = (
      expectError(await save(claims), 422, 'PRESALE_RULES_BROKEN').details as {
        problems: Array<{ code: string; message: string }>;
      }
    ).problems;
    expect(claimProblems).toEqual([
      expect.objectContaining({
        code: 'copy_not_compliant',
        message: '文案不合规：「最好」属于绝对化用语；「治疗」属于医疗用语 / 功效宣称（化妆品、食品）',
      }),
    ]);
    for (const refused of [tooLong, down, claims]) {
      expectError(await t.app.inject(`/api/presales/${refused.id}`), 404, 'PRESALE_NOT_FOUND');
    }
    // Without the operators' token: 401, nothing saved.
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/ops/presales', payload: definition() });
    expect(anonymous.statusCode).toBe(401);
  });

  it('shows the ladder, the rung in force and what comes next at the server’s time', async () => {
    const id = await create();
    const shown = await detail(id);
    expect(shown).toMatchObject({
      status: 'live',
      sold: 0,
      stock: 5,
      listPriceFen: 8900,
      current: {
        step: 0,
        priceFen: 5900,
        label: '限量预售',
        next: { priceFen: 6900, label: '限时抢购', unitsLeft: 2 },
      },
    });
    const listed = expectContract(presaleListSchema, await t.app.inject('/api/presales'));
    expect(listed.presales.map((p) => p.id)).toContain(id);
    expect(listed.serverTime).toBe(t.time.clock().toISOString());
  });

  it('locks each order at the rung of its last unit; the price steps up as units sell and old orders keep theirs', async () => {
    const id = await create();
    const first = await buy(await freshShopper(t), id, 1);
    expect(first).toMatchObject({ campaignKind: 'presale', status: 'pending_payment' });
    expect(first.lines[0]?.unitPriceFen).toBe(5900);
    // Units 2 and 3 (counted from 1): the last is on the second rung, so both at 69 元.
    const second = await buy(await freshShopper(t), id, 2);
    expect(second.lines[0]?.unitPriceFen).toBe(6900);
    expect((await detail(id)).current).toMatchObject({ step: 1, priceFen: 6900, next: { unitsLeft: 1 } });
    const third = await buy(await freshShopper(t), id, 1);
    expect(third.lines[0]?.unitPriceFen).toBe(6900);
    expect((await detail(id)).current).toMatchObject({ step: 2, priceFen: 7900, next: null });
    const firstAgain = await t.db
      .selectFrom('order_lines')
      .select('unit_price_fen')
      .where('order_id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(firstAgain.unit_price_fen).toBe(5900);
    expect(await soldOf(id)).toBe(4);
  });

  it('refuses past the per-shopper limit, past the stock, and outside the window; nothing is created', async () => {
    const id = await create({ perUserLimit: 2, stock: 5 });
    const token = await freshShopper(t);
    await buy(token, id, 2);
    const before = await orderCount();
    expectError(await order(token, id, 1, 6900), 409, 'PRESALE_LIMIT_REACHED');
    expectError(await quote(token, id, 1), 409, 'PRESALE_LIMIT_REACHED');
    expectError(await order(await freshShopper(t), id, 4, 31600), 409, 'PRESALE_SOLD_OUT');
    expect(await orderCount()).toBe(before);
    expect(await soldOf(id)).toBe(2);

    const now = t.time.clock();
    const upcoming = await create({
      startsAt: new Date(now.getTime() + HOUR).toISOString(),
      endsAt: new Date(now.getTime() + 2 * HOUR).toISOString(),
    });
    expect((await detail(upcoming)).status).toBe('upcoming');
    expectError(await order(token, upcoming, 1, 5900), 409, 'PRESALE_NOT_LIVE');
    expectError(await order(token, 'no-such-presale', 1, 5900), 404, 'PRESALE_NOT_FOUND');
    expect(await orderCount()).toBe(before);
  });

  it('a cancelled order gives its units back once, and the shopper may buy again', async () => {
    const id = await create({ perUserLimit: 1 });
    const token = await freshShopper(t);
    const placed = await buy(token, id, 1);
    expect(await soldOf(id)).toBe(1);
    const cancel = () =>
      t.app.inject({ method: 'POST', url: `/api/orders/${placed.id}/cancel`, headers: bearer(token) });
    expect((await cancel()).statusCode).toBe(200);
    expect((await cancel()).statusCode).toBe(409);
    expect(await soldOf(id)).toBe(0);
    const again = await buy(token, id, 1);
    expect(again.lines[0]?.unitPriceFen).toBe(5900);
  });

  it.skipIf(database.name === 'PGlite')(
    '20 shoppers at once for 5 units: exactly 5 orders, never oversold (PostgreSQL only: PGlite is one connection, a race there proves nothing)',
    async () => {
      const id = await create({ stock: 5, perUserLimit: 1 });
      const tokens = await Promise.all(Array.from({ length: 20 }, () => freshShopper(t)));
      // Every shopper names the price they were quoted before the rush; some see it rise.
      const quoted = await Promise.all(
        tokens.map(async (token) => expectContract(orderQuoteSchema, await quote(token, id, 1)).totalFen),
      );
      const answers = await Promise.all(tokens.map((token, i) => order(token, id, 1, quoted[i] ?? 0)));
      const created = answers.filter((a) => a.statusCode === 201).length;
      expect(created).toBeLessThanOrEqual(5);
      expect(await soldOf(id)).toBe(created);
      for (const refused of answers.filter((a) => a.statusCode !== 201)) {
        expect(['PRESALE_SOLD_OUT', 'PRICE_CHANGED']).toContain((refused.json() as { code: string }).code);
      }
      // The rest buy at the price they now see, until none is left.
      for (const token of tokens.filter((_, i) => answers[i]?.statusCode !== 201)) {
        const q = await quote(token, id, 1);
        if (q.statusCode !== 200) continue;
        const response = await order(token, id, 1, (q.json() as { totalFen: number }).totalFen);
        if (response.statusCode !== 201) expect((response.json() as { code: string }).code).toBe('PRESALE_SOLD_OUT');
      }
      expect(await soldOf(id)).toBe(5);
      const bookings = await t.db
        .selectFrom('presale_bookings')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('presale_id', '=', id)
        .where('status', '=', 'held')
        .executeTakeFirstOrThrow();
      expect(Number(bookings.n)).toBe(5);
    },
  );
});
