import {
  bindingResponseSchema,
  myCommissionsSchema,
  promoterSchema,
  type ShareLinkParams,
  shareLinkResponseSchema,
} from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectContract, expectError, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import {
  deliver,
  notificationOf,
  placePendingOrder,
  prepayIdOf,
  sandboxPays,
  startPay,
  userIdOf,
} from '../payments/payment-test-kit';

const OPS_TOKEN = 'distribution-test-ops-token-0123456789';
const OPS = { authorization: `Bearer ${OPS_TOKEN}` };
const DAY_MS = 24 * 3600 * 1000;

interface Person {
  token: string;
  id: string;
}

describe.each(testDatabases())('distribution (分销) on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    // listen: the sandbox's pay and refund notifications reach the API over real HTTP.
    t = await createTestApp(database, { listen: true, config: { opsApiToken: OPS_TOKEN } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (token: string, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: bearer(token), ...(payload === undefined ? {} : { payload }) });

  async function person(): Promise<Person> {
    const token = await freshShopper(t);
    return { token, id: await userIdOf(t, token) };
  }

  async function approvedPromoter(p: Person): Promise<void> {
    const applied = await post(p.token, '/api/promoters/apply');
    expect(applied.statusCode, applied.body).toBe(202);
    expect(expectContract(promoterSchema, applied)).toEqual({ userId: p.id, status: 'pending', approvedAt: null });
    const approved = await t.app.inject({ method: 'POST', url: `/api/ops/promoters/${p.id}/approve`, headers: OPS });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(expectContract(promoterSchema, approved)).toMatchObject({ userId: p.id, status: 'approved' });
  }

  async function linkOf(p: Person, target = 'product:p-toner'): Promise<ShareLinkParams> {
    const response = await post(p.token, '/api/share-links', { target });
    expect(response.statusCode, response.body).toBe(200);
    return expectContract(shareLinkResponseSchema, response).params;
  }

  const bind = (buyer: Person, link: object) => post(buyer.token, '/api/bindings', { link });

  async function bindingsOf(buyerId: string) {
    return t.db.selectFrom('promoter_bindings').selectAll().where('buyer_id', '=', buyerId).execute();
  }

  async function ledgerOfOrder(orderId: string) {
    return t.db
      .selectFrom('commission_ledger')
      .select(['level', 'promoter_id', 'amount_fen', 'kind'])
      .where('order_id', '=', orderId)
      .orderBy('kind')
      .orderBy('level')
      .execute();
  }

  async function paidOrderOf(buyer: Person) {
    const order = await placePendingOrder(t, buyer.token);
    await sandboxPays(t, prepayIdOf(await startPay(t, buyer.token, order.id)));
    const row = await t.db.selectFrom('orders').select('status').where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('paid');
    return order;
  }

  const commissionsOf = async (p: Person) =>
    expectContract(
      myCommissionsSchema,
      await t.app.inject({ method: 'GET', url: '/api/me/commissions', headers: bearer(p.token) }),
    );

  /** A invites B invites C invites D, each through the inviter's signed link. */
  let A: Person;
  let B: Person;
  let C: Person;
  let D: Person;
  beforeAll(async () => {
    [A, B, C, D] = [await person(), await person(), await person(), await person()];
    await approvedPromoter(A);
    const bBound = await bind(B, await linkOf(A));
    expect(bBound.statusCode, bBound.body).toBe(201);
    expect(expectContract(bindingResponseSchema, bBound)).toMatchObject({ promoterId: A.id, created: true });
    await approvedPromoter(B);
    expect((await bind(C, await linkOf(B))).statusCode).toBe(201);
    await approvedPromoter(C);
    expect((await bind(D, await linkOf(C, 'home'))).statusCode).toBe(201);
  });

  it("D's paid order pays C level 1 and B level 2, and A nothing (two levels at most); a replayed notification accrues once", async () => {
    const order = await paidOrderOf(D);
    // Default 10% of the line's 8,900 fen = 890, split 70/30: 623 + 267.
    expect(await ledgerOfOrder(order.id)).toEqual([
      { level: 1, promoter_id: C.id, amount_fen: 623, kind: 'accrue' },
      { level: 2, promoter_id: B.id, amount_fen: 267, kind: 'accrue' },
    ]);
    expect(await t.db.selectFrom('commission_ledger').select('id').where('promoter_id', '=', A.id).execute()).toEqual(
      [],
    );

    const record = notificationOf(t, order.orderNo, 'TRANSACTION.SUCCESS');
    const replay = await t.sandbox.app.inject({
      method: 'POST',
      url: `/sandbox/pay/notifications/${record.id}/replay`,
    });
    expect(replay.json()).toEqual({ status: 204 });
    expect(await ledgerOfOrder(order.id)).toHaveLength(2);

    const mine = await commissionsOf(C);
    expect(mine.totals).toEqual({ pendingFen: 623, availableFen: 0, reversedFen: 0 });
    expect(mine.entries).toEqual([
      expect.objectContaining({ orderId: order.id, level: 1, kind: 'accrue', amountFen: 623, state: 'pending' }),
    ]);
    expect((await commissionsOf(A)).totals).toEqual({ pendingFen: 0, availableFen: 0, reversedFen: 0 });
  });

  it('a refund reverses each accrued level exactly once, even when WeChat repeats REFUND.SUCCESS', async () => {
    const before = (await commissionsOf(C)).totals;
    const order = await paidOrderOf(D);
    const refunded = await post(D.token, `/api/orders/${order.id}/refund`, { reason: '不想要了' });
    expect(refunded.statusCode, refunded.body).toBe(200);
    await t.sandbox.pay.notifier.settle();
    const row = await t.db.selectFrom('orders').select('status').where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('refunded');
    const reversed = [
      { level: 1, promoter_id: C.id, amount_fen: 623, kind: 'accrue' },
      { level: 2, promoter_id: B.id, amount_fen: 267, kind: 'accrue' },
      { level: 1, promoter_id: C.id, amount_fen: 623, kind: 'reverse' },
      { level: 2, promoter_id: B.id, amount_fen: 267, kind: 'reverse' },
    ];
    expect(await ledgerOfOrder(order.id)).toEqual(reversed);

    const again = await deliver(t, notificationOf(t, order.orderNo, 'REFUND.SUCCESS'));
    expect(again.statusCode).toBe(204);
    expect(await ledgerOfOrder(order.id)).toEqual(reversed);
    expect((await commissionsOf(C)).totals).toEqual({ ...before, reversedFen: before.reversedFen + 623 });
  });

  it('commission stays pending at completion and becomes available once the 7-day after-sale window has passed', async () => {
    const before = (await commissionsOf(C)).totals;
    const order = await paidOrderOf(D);
    expect((await commissionsOf(C)).totals.pendingFen).toBe(before.pendingFen + 623);
    // The order completes (确认收货); set directly here, the confirm routes are the orders module's.
    const complete = (at: Date) =>
      t.db.updateTable('orders').set({ status: 'completed', completed_at: at }).where('id', '=', order.id).execute();
    await complete(t.time.clock());
    expect((await commissionsOf(C)).totals).toEqual({ ...before, pendingFen: before.pendingFen + 623 });
    await complete(new Date(t.time.clock().getTime() - 7 * DAY_MS));
    expect((await commissionsOf(C)).totals).toEqual({
      pendingFen: before.pendingFen,
      availableFen: before.availableFen + 623,
      reversedFen: before.reversedFen,
    });
  });

  it('refuses self-binding, a cycle, a second promoter in the window and an unapproved promoter; writes nothing', async () => {
    expectError(await bind(A, await linkOf(A)), 409, 'DISTRIBUTION_SELF_BINDING');
    expect(await bindingsOf(A.id)).toEqual([]);
    // C's upline is B, then A: A binding to C would close the loop.
    expectError(await bind(A, await linkOf(C)), 409, 'DISTRIBUTION_BINDING_CYCLE');
    expectError(await bind(B, await linkOf(C)), 409, 'DISTRIBUTION_BINDING_CYCLE');
    expect(await bindingsOf(A.id)).toEqual([]);
    // D came through C first: B's link changes nothing inside the window.
    const dBefore = await bindingsOf(D.id);
    expectError(await bind(D, await linkOf(B)), 409, 'DISTRIBUTION_ALREADY_BOUND');
    expect(await bindingsOf(D.id)).toEqual(dBefore);
    // The same promoter's link again: fine, nothing new.
    const same = await bind(D, await linkOf(C));
    expect(same.statusCode, same.body).toBe(200);
    expect(expectContract(bindingResponseSchema, same)).toMatchObject({ promoterId: C.id, created: false });
    expect(await bindingsOf(D.id)).toEqual(dBefore);

    const applicant = await person();
    expect((await post(applicant.token, '/api/promoters/apply')).statusCode).toBe(202);
    expectError(await post(applicant.token, '/api/share-links', { target: 'home' }), 403, 'DISTRIBUTION_NOT_PROMOTER');
    expectError(
      await t.app.inject({
        method: 'POST',
        url: '/api/ops/promoters/00000000-0000-4000-8000-000000000000/approve',
        headers: OPS,
      }),
      404,
      'DISTRIBUTION_PROMOTER_NOT_FOUND',
    );
    expectError(
      await t.app.inject({ method: 'POST', url: `/api/ops/promoters/${applicant.id}/approve` }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('refuses a tampered or forged link with 400 and writes nothing', async () => {
    const buyer = await person();
    const link = await linkOf(C);
    const variants: ShareLinkParams[] = [
      { ...link, t: 'product:p-cream' },
      { ...link, p: B.id },
      { ...link, e: link.e + 3600 },
      { ...link, s: `${link.s.slice(0, -1)}${link.s.endsWith('A') ? 'B' : 'A'}` },
    ];
    for (const variant of variants) expectError(await bind(buyer, variant), 400, 'SHARE_LINK_INVALID');
    expectError(await bind(buyer, { ...link, t: 'reward:share' }), 400, 'VALIDATION_FAILED');
    expect(await bindingsOf(buyer.id)).toEqual([]);
  });

  it('refuses commission rates outside 8%–15% with the reason, changing nothing; accepts one inside', async () => {
    const put = (payload: object, headers = OPS) =>
      t.app.inject({ method: 'PUT', url: '/api/ops/distribution/rates', headers, payload });
    const ratesBefore = await t.db.selectFrom('distribution_rates').selectAll().orderBy('product_id').execute();
    for (const rateBp of [799, 1501, 3000, 0, 1000.5]) {
      const body = expectError(await put({ productId: 'p-toner', rateBp }), 422, 'DISTRIBUTION_RATE_OUT_OF_RANGE');
      expect(body.message).toMatch(/8%–15%|整数/);
    }
    expectError(await put({ rateBp: 2000 }), 422, 'DISTRIBUTION_RATE_OUT_OF_RANGE');
    expectError(await put({ productId: 'p-missing', rateBp: 1000 }), 404, 'PRODUCT_NOT_FOUND');
    expect(await t.db.selectFrom('distribution_rates').selectAll().orderBy('product_id').execute()).toEqual(
      ratesBefore,
    );

    const ok = await put({ productId: 'p-toner', rateBp: 1500 });
    expect(ok.statusCode, ok.body).toBe(200);
    const order = await paidOrderOf(D);
    // 15% of 8,900 = 1,335, split 70/30 by largest remainder: 934.5 -> 935, 400.5 -> 400.
    expect((await ledgerOfOrder(order.id)).map((r) => [r.level, r.amount_fen])).toEqual([
      [1, 935],
      [2, 400],
    ]);
  });

  it('refuses an expired link with 410 and writes nothing', async () => {
    const link = await linkOf(C);
    const start = t.time.clock();
    t.time.advance(7 * DAY_MS);
    try {
      // Signed in after the jump (sessions last 7 days too).
      const buyer = await person();
      expectError(await bind(buyer, link), 410, 'SHARE_LINK_EXPIRED');
      expect(await bindingsOf(buyer.id)).toEqual([]);
    } finally {
      t.time.set(start);
    }
  });

  it.skipIf(database.name === 'PGlite')(
    'concurrent bindings of one buyer give one binding (PostgreSQL only: PGlite is one connection)',
    async () => {
      const promoters = [await person(), await person(), await person(), await person(), await person()];
      for (const p of promoters) await approvedPromoter(p);
      const links = await Promise.all(promoters.map((p) => linkOf(p)));
      const buyer = await person();
      const answers = await Promise.all([...links, ...links].map((link) => bind(buyer, link)));
      const rows = await bindingsOf(buyer.id);
      expect(rows).toHaveLength(1);
      const winner = rows[0]?.promoter_id;
      expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
      for (const answer of answers) {
        if (answer.statusCode === 409) expect(answer.json().code).toBe('DISTRIBUTION_ALREADY_BOUND');
        else expect(answer.json().promoterId).toBe(winner);
      }
    },
  );

  it.skipIf(database.name === 'PGlite')(
    'two promoters binding to each other at once: one binds, the other is a cycle (PostgreSQL only)',
    async () => {
      for (let round = 0; round < 5; round += 1) {
        const [x, y] = [await person(), await person()];
        await approvedPromoter(x);
        await approvedPromoter(y);
        const [xLink, yLink] = [await linkOf(x), await linkOf(y)];
        const answers = await Promise.all([bind(x, yLink), bind(y, xLink)]);
        expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
        expect(answers.find((a) => a.statusCode === 409)?.json().code).toBe('DISTRIBUTION_BINDING_CYCLE');
        expect([...(await bindingsOf(x.id)), ...(await bindingsOf(y.id))]).toHaveLength(1);
      }
    },
  );
});
