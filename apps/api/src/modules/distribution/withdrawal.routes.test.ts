import {
  myCommissionsSchema,
  myWithdrawalsSchema,
  promoterCentreSchema,
  type ShareLinkParams,
  shareLinkResponseSchema,
  withdrawalSchema,
} from '@wematrix/shared';
import type { NotificationRecord } from '@wematrix/wechat-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWechatPayClient, WechatPayApiError } from '../../integrations/wechatpay';
import { bearer, createTestApp, expectContract, expectError, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { placePendingOrder, prepayIdOf, sandboxPays, startPay, userIdOf } from '../payments/payment-test-kit';

const OPS_TOKEN = 'withdrawal-test-ops-token-0123456789';
const OPS = { authorization: `Bearer ${OPS_TOKEN}` };
const DAY_MS = 24 * 3600 * 1000;
/** Level 1 of one 8,900-fen order at the default 10%, 70/30 split, no level 2: 623 fen. */
const PER_ORDER = 623;

interface Person {
  token: string;
  id: string;
}

describe.each(testDatabases())('分销 withdrawals (提现) on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    // listen: the sandbox's pay and transfer notifications reach the API over real HTTP.
    t = await createTestApp(database, { listen: true, config: { opsApiToken: OPS_TOKEN } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (token: string, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: bearer(token), ...(payload === undefined ? {} : { payload }) });
  const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });
  const ops = (url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: OPS, ...(payload === undefined ? {} : { payload }) });

  async function person(): Promise<Person> {
    const token = await freshShopper(t);
    return { token, id: await userIdOf(t, token) };
  }

  async function promoter(): Promise<Person> {
    const p = await person();
    expect((await post(p.token, '/api/promoters/apply')).statusCode).toBe(202);
    expect((await ops(`/api/ops/promoters/${p.id}/approve`)).statusCode).toBe(200);
    return p;
  }

  async function buyerOf(p: Person): Promise<Person> {
    const link = expectContract(shareLinkResponseSchema, await post(p.token, '/api/share-links', { target: 'home' }))
      .params as ShareLinkParams;
    const buyer = await person();
    expect((await post(buyer.token, '/api/bindings', { link })).statusCode).toBe(201);
    return buyer;
  }

  /** A paid order of `buyer`, completed at `completedAt` (the orders module's confirm, set directly). */
  async function completedOrder(buyer: Person, completedAt: Date | null) {
    const order = await placePendingOrder(t, buyer.token);
    await sandboxPays(t, prepayIdOf(await startPay(t, buyer.token, order.id)));
    if (completedAt) {
      await t.db
        .updateTable('orders')
        .set({ status: 'completed', completed_at: completedAt })
        .where('id', '=', order.id)
        .execute();
    }
    return order;
  }

  /** A promoter with `orders` settled orders (completed 8 days ago): PER_ORDER × orders available. */
  async function promoterWithBalance(orders = 1): Promise<Person> {
    const p = await promoter();
    const buyer = await buyerOf(p);
    for (let i = 0; i < orders; i += 1) await completedOrder(buyer, new Date(t.time.clock().getTime() - 8 * DAY_MS));
    return p;
  }

  const withdraw = (p: Person, amountFen: number, app = 'mall') =>
    post(p.token, '/api/me/withdrawals', { amountFen, app });
  const mine = async (p: Person) => expectContract(myWithdrawalsSchema, await get(p.token, '/api/me/withdrawals'));
  const centre = async (p: Person) =>
    expectContract(promoterCentreSchema, await get(p.token, '/api/me/promoter-centre'));
  const rowsOf = (p: Person) =>
    t.db
      .selectFrom('commission_withdrawals')
      .selectAll()
      .where('promoter_id', '=', p.id)
      .orderBy('requested_at')
      .execute();

  function transferNotification(outBillNo: string): NotificationRecord {
    const found = [...t.sandbox.pay.notifier.records.values()].filter(
      (r) => r.eventType === 'MCHTRANSFER.BILL.FINISHED' && r.resource.out_bill_no === outBillNo,
    );
    const record = found.at(-1);
    if (!record) throw new Error(`no transfer notification for ${outBillNo}`);
    return record;
  }

  async function requested(p: Person, amountFen: number) {
    const response = await withdraw(p, amountFen);
    expect(response.statusCode, response.body).toBe(201);
    return expectContract(withdrawalSchema, response);
  }

  async function approve(id: string) {
    const response = await ops(`/api/ops/withdrawals/${id}/approve`);
    expect(response.statusCode, response.body).toBe(200);
    await t.sandbox.pay.notifier.settle();
    return expectContract(withdrawalSchema, response);
  }

  it('settlement: frozen until completed AND 7 days after; available at exactly 7 days', async () => {
    const p = await promoter();
    const buyer = await buyerOf(p);
    const now = t.time.clock().getTime();
    const totals = async () => expectContract(myCommissionsSchema, await get(p.token, '/api/me/commissions')).totals;
    await completedOrder(buyer, null); // paid, not completed
    await completedOrder(buyer, new Date(now - 7 * DAY_MS + 1)); // one millisecond short of the window
    await completedOrder(buyer, new Date(now - 7 * DAY_MS)); // exactly the window
    await completedOrder(buyer, new Date(now - 30 * DAY_MS));
    expect(await totals()).toEqual({ pendingFen: 2 * PER_ORDER, availableFen: 2 * PER_ORDER, reversedFen: 0 });
    const c = await centre(p);
    expect(c.earnings).toEqual({
      pendingFen: 2 * PER_ORDER,
      availableFen: 2 * PER_ORDER,
      withdrawingFen: 0,
      withdrawnFen: 0,
      reversedFen: 0,
    });
    expect(c.orders.map((o) => o.state)).toEqual(['available', 'available', 'pending', 'pending']);
    // The one short of the window says when it settles; the uncompleted one cannot know yet.
    expect(c.orders[2]?.settlesAt).toBe(new Date(now + 1).toISOString());
    expect(c.orders[3]?.settlesAt).toBeNull();
    expect(c.team).toMatchObject({ level1Count: 1, level2Count: 0 });
    expect(c.team.recent).toHaveLength(1);
    expect(c.team.recent[0]?.nickname).toMatch(/^.\*$|^匿名用户$/u);
    expect(c.orders[0]?.buyer).toMatch(/^.\*$|^匿名用户$/u);
  });

  it('promoter centre: level-1 and level-2 team (through my promoters) and level-2 orders, masked', async () => {
    const p = await promoter();
    const q = await buyerOf(p); // q is bound to p, then becomes a promoter
    expect((await post(q.token, '/api/promoters/apply')).statusCode).toBe(202);
    expect((await ops(`/api/ops/promoters/${q.id}/approve`)).statusCode).toBe(200);
    const [b1, b2] = [await buyerOf(q), await buyerOf(q)];
    await completedOrder(b1, null);
    const c = await centre(p);
    expect(c.team).toMatchObject({ level1Count: 1, level2Count: 2 });
    expect(c.team.recent.map((m) => m.level).sort()).toEqual([1, 2, 2]);
    // 10% of 8,900 = 890, split 70/30: q gets 623 (level 1), p gets 267 (level 2).
    expect(c.orders).toEqual([
      expect.objectContaining({ level: 2, commissionFen: 267, state: 'pending', settlesAt: null }),
    ]);
    expect(c.earnings).toMatchObject({ pendingFen: 267, availableFen: 0 });
    const qc = await centre(q);
    expect(qc.team).toMatchObject({ level1Count: 2, level2Count: 0 });
    expect(qc.orders).toEqual([expect.objectContaining({ level: 1, commissionFen: 623 })]);
    for (const name of [...c.team.recent.map((m) => m.nickname), ...c.orders.map((o) => o.buyer)]) {
      expect(name).toMatch(/^.\*$|^匿名用户$/u);
    }
    expect(b2.id).not.toBe(b1.id);
  });

  it('refuses below ¥1, fractional fen, ≥ ¥2,000, over the balance, a non-promoter and no openid: nothing written', async () => {
    const p = await promoterWithBalance(1);
    for (const amountFen of [0, 99, 100.5, -100])
      expectError(await withdraw(p, amountFen), 422, 'WITHDRAWAL_BELOW_MINIMUM');
    expectError(await withdraw(p, 200_000), 422, 'WITHDRAWAL_ABOVE_LIMIT');
    const over = expectError(await withdraw(p, PER_ORDER + 1), 422, 'WITHDRAWAL_OVER_BALANCE');
    expect(over.details).toEqual({ availableFen: PER_ORDER });
    expectError(await withdraw(p, 100, 'campaign'), 409, 'WITHDRAWAL_OPENID_MISSING');
    const stranger = await person();
    expectError(await withdraw(stranger, 100), 403, 'DISTRIBUTION_NOT_PROMOTER');
    expectError(await get(stranger.token, '/api/me/promoter-centre'), 403, 'DISTRIBUTION_NOT_PROMOTER');
    expect(await rowsOf(p)).toEqual([]);
    expect((await mine(p)).availableFen).toBe(PER_ORDER);
  });

  it('approve → sandbox transfer → signed notification → succeeded; a replay changes nothing', async () => {
    const p = await promoterWithBalance(2);
    const w = await requested(p, 1000);
    expect(w).toMatchObject({ status: 'requested', amountFen: 1000, decidedAt: null, confirm: null });
    expect(w.outBillNo).toMatch(/^[0-9A-Za-z]{1,32}$/);
    expect((await mine(p)).availableFen).toBe(2 * PER_ORDER - 1000);
    // One in flight at a time.
    expectError(await withdraw(p, 100), 409, 'WITHDRAWAL_IN_FLIGHT');

    const answer = await approve(w.id);
    expect(['transferring', 'succeeded']).toContain(answer.status);
    const bill = t.sandbox.pay.store.transfers.get(w.outBillNo);
    expect(bill).toMatchObject({ amountFen: 1000, state: 'SUCCESS', transferSceneId: '1005' });
    const [row] = await rowsOf(p);
    expect(row).toMatchObject({
      status: 'succeeded',
      transfer_state: 'SUCCESS',
      transfer_bill_no: bill?.transferBillNo,
    });
    expect(row?.finished_at).not.toBeNull();

    const replay = await t.sandbox.app.inject({
      method: 'POST',
      url: `/sandbox/pay/notifications/${transferNotification(w.outBillNo).id}/replay`,
    });
    expect(replay.json()).toEqual({ status: 204 });
    expect(await rowsOf(p)).toEqual([row]);

    const c = await centre(p);
    expect(c.earnings).toMatchObject({ availableFen: 2 * PER_ORDER - 1000, withdrawingFen: 0, withdrawnFen: 1000 });
    expect((await mine(p)).withdrawals.map((x) => x.status)).toEqual(['succeeded']);
    expectError(await ops(`/api/ops/withdrawals/${w.id}/approve`), 409, 'WITHDRAWAL_NOT_PENDING');
  });

  it('a failed transfer (sandbox control) fails the withdrawal and gives the amount back', async () => {
    const p = await promoterWithBalance(1);
    const w = await requested(p, PER_ORDER);
    expect((await mine(p)).availableFen).toBe(0);
    const queued = await t.sandbox.app.inject({
      method: 'POST',
      url: '/sandbox/pay/transfers/fail-next',
      payload: { fail_reason: 'ACCOUNT_FROZEN' },
    });
    expect(queued.statusCode).toBe(200);
    await approve(w.id);
    const [row] = await rowsOf(p);
    expect(row).toMatchObject({ status: 'failed', transfer_state: 'FAIL', reason: 'ACCOUNT_FROZEN' });
    expect((await mine(p)).availableFen).toBe(PER_ORDER);
    // A replay of the FAIL changes nothing either.
    await t.sandbox.app.inject({
      method: 'POST',
      url: `/sandbox/pay/notifications/${transferNotification(w.outBillNo).id}/replay`,
    });
    expect(await rowsOf(p)).toEqual([row]);
    // And the promoter can ask again.
    expect((await withdraw(p, PER_ORDER)).statusCode).toBe(201);
  });

  it('reject (with the reason) gives the amount back; a second decision is refused', async () => {
    const p = await promoterWithBalance(1);
    const w = await requested(p, 300);
    expectError(await ops(`/api/ops/withdrawals/${w.id}/reject`, { reason: '' }), 400, 'VALIDATION_FAILED');
    const rejected = await ops(`/api/ops/withdrawals/${w.id}/reject`, { reason: '推广信息不实' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(expectContract(withdrawalSchema, rejected)).toMatchObject({ status: 'rejected', reason: '推广信息不实' });
    expect((await mine(p)).availableFen).toBe(PER_ORDER);
    expectError(await ops(`/api/ops/withdrawals/${w.id}/reject`, { reason: 'again' }), 409, 'WITHDRAWAL_NOT_PENDING');
    expectError(await ops(`/api/ops/withdrawals/${w.id}/approve`), 409, 'WITHDRAWAL_NOT_PENDING');
    expectError(
      await ops('/api/ops/withdrawals/00000000-0000-4000-8000-000000000000/approve'),
      404,
      'WITHDRAWAL_NOT_FOUND',
    );
    expectError(
      await t.app.inject({ method: 'POST', url: `/api/ops/withdrawals/${w.id}/approve` }),
      401,
      'UNAUTHENTICATED',
    );
    expect(t.sandbox.pay.store.transfers.has(w.outBillNo)).toBe(false);
  });

  it('a forged or tampered transfer notification is refused with 401 and changes nothing', async () => {
    const p = await promoterWithBalance(1);
    await t.sandbox.app.inject({
      method: 'POST',
      url: '/sandbox/pay/transfers/confirmation',
      payload: { mode: 'required' },
    });
    try {
      const w = await requested(p, 500);
      const answer = await approve(w.id);
      // WeChat waits for the promoter: the app gets what wx.requestMerchantTransfer needs.
      expect(answer.status).toBe('transferring');
      expect(answer.confirm).toEqual({
        mchId: t.sandbox.pay.merchant.mchid,
        appId: t.config.wechat.apps.mall.appid,
        package: t.sandbox.pay.store.transfers.get(w.outBillNo)?.packageInfo,
      });
      const before = await rowsOf(p);
      // A forger's notification saying SUCCESS: signed with the wrong key / body changed.
      const record: NotificationRecord = {
        id: 'forged-1',
        eventType: 'MCHTRANSFER.BILL.FINISHED',
        url: '',
        originalType: 'mch_payment',
        summary: '商家转账单据终态通知',
        resource: { out_bill_no: w.outBillNo, transfer_bill_no: 'x', state: 'SUCCESS', transfer_amount: 500 },
        deliveries: [],
      };
      const signed = t.sandbox.pay.notifier.sign(record);
      const send = (headers: Record<string, string>, body: string) =>
        t.app.inject({ method: 'POST', url: '/api/pay/notify/transfer', headers, payload: body });
      const badSignature = await send(
        { ...signed.headers, 'wechatpay-signature': Buffer.alloc(256, 7).toString('base64') },
        signed.body,
      );
      expect(badSignature.statusCode).toBe(401);
      expect(badSignature.json()).toEqual({ code: 'FAIL', message: 'notification rejected: bad_signature' });
      const tampered = await send(signed.headers, signed.body.replace('forged-1', 'forged-2'));
      expect(tampered.statusCode).toBe(401);
      expect(await rowsOf(p)).toEqual(before);

      // The promoter confirms in WeChat: the real notification settles it.
      const confirmed = await t.sandbox.app.inject({
        method: 'POST',
        url: `/sandbox/pay/transfers/${w.outBillNo}/confirm`,
      });
      expect(confirmed.json()).toEqual({ out_bill_no: w.outBillNo, state: 'SUCCESS' });
      await t.sandbox.pay.notifier.settle();
      expect((await rowsOf(p))[0]).toMatchObject({ status: 'succeeded', package_info: null });
    } finally {
      await t.sandbox.app.inject({
        method: 'POST',
        url: '/sandbox/pay/transfers/confirmation',
        payload: { mode: 'skip' },
      });
    }
  });

  it('the sandbox refuses a transfer of ¥2,000 or more without the payee name, as WeChat does', async () => {
    const payConfig = t.config.wechatPay;
    if (!payConfig) throw new Error('no WeChat Pay');
    const client = createWechatPayClient({ settings: payConfig, clock: t.time.clock });
    const input = {
      appid: t.config.wechat.apps.mall.appid,
      outBillNo: 'RealNameRule0001',
      transferSceneId: '1005',
      openid: 'o-test-openid',
      amountFen: 200_000,
      remark: '推广佣金提现',
      notifyUrl: 'http://127.0.0.1:9/none',
      userRecvPerception: '劳务报酬',
      sceneReportInfos: [{ infoType: '岗位类型', infoContent: '推广员' }],
    };
    const refused = await client.transferToUser(input).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WechatPayApiError);
    expect(refused).toMatchObject({ status: 400, code: 'PARAM_ERROR' });
    expect(t.sandbox.pay.store.transfers.has(input.outBillNo)).toBe(false);
    // Below the line the same client gets a signed, verified answer and can query the bill.
    const ok = await client.transferToUser({ ...input, amountFen: 199_999 });
    expect(ok).toMatchObject({ out_bill_no: input.outBillNo, state: 'ACCEPTED' });
    await t.sandbox.pay.notifier.settle();
    // The same out_bill_no is the same bill; with another amount it is refused.
    const again = await client.transferToUser({ ...input, amountFen: 199_999 });
    expect(again.transfer_bill_no).toBe(ok.transfer_bill_no);
    const changed = await client.transferToUser({ ...input, amountFen: 100 }).catch((error: unknown) => error);
    expect(changed).toMatchObject({ status: 400, code: 'INVALID_REQUEST' });
    expect(await client.queryTransferBill(input.outBillNo)).toMatchObject({
      state: 'SUCCESS',
      transfer_amount: 199_999,
    });
  });

  it('an approved transfer that got no answer is sent again by the job with the same out_bill_no', async () => {
    const p = await promoterWithBalance(1);
    const w = await requested(p, 200);
    // The transfer was approved but the call never reached WeChat (crash, timeout).
    await t.db
      .updateTable('commission_withdrawals')
      .set({ status: 'approved', decided_at: t.time.clock() })
      .where('id', '=', w.id)
      .execute();
    expect((await t.jobs.tick(t.time.clock()))['distribution.transfers']).toBe(1);
    await t.sandbox.pay.notifier.settle();
    expect((await rowsOf(p))[0]).toMatchObject({ status: 'succeeded' });
    expect(t.sandbox.pay.store.transfers.get(w.outBillNo)?.amountFen).toBe(200);
  });

  it('a transfer whose notification is lost is settled by the job querying the bill after 5 minutes', async () => {
    const p = await promoterWithBalance(1);
    await t.sandbox.app.inject({
      method: 'POST',
      url: '/sandbox/pay/transfers/confirmation',
      payload: { mode: 'required' },
    });
    const start = t.time.clock();
    try {
      const w = await requested(p, 400);
      expect((await approve(w.id)).status).toBe('transferring');
      const bill = t.sandbox.pay.store.transfers.get(w.outBillNo);
      if (!bill) throw new Error('no bill');
      bill.notifyUrl = 'http://127.0.0.1:9/lost';
      await t.sandbox.app.inject({ method: 'POST', url: `/sandbox/pay/transfers/${w.outBillNo}/confirm` });
      await t.sandbox.pay.notifier.settle();
      expect((await rowsOf(p))[0]?.status).toBe('transferring');
      expect((await t.jobs.tick(t.time.clock()))['distribution.transfers']).toBe(0);
      t.time.advance(5 * 60_000);
      expect((await t.jobs.tick(t.time.clock()))['distribution.transfers']).toBe(1);
      expect((await rowsOf(p))[0]).toMatchObject({ status: 'succeeded', transfer_state: 'SUCCESS' });
    } finally {
      t.time.set(start);
      await t.sandbox.app.inject({
        method: 'POST',
        url: '/sandbox/pay/transfers/confirmation',
        payload: { mode: 'skip' },
      });
    }
  });

  it.skipIf(database.name === 'PGlite')(
    'two concurrent withdrawals of the whole balance give one (PostgreSQL only: PGlite is one connection)',
    async () => {
      for (let round = 0; round < 3; round += 1) {
        const p = await promoterWithBalance(1);
        const answers = await Promise.all([withdraw(p, PER_ORDER), withdraw(p, PER_ORDER), withdraw(p, PER_ORDER)]);
        expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
        for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json().code).toBe('WITHDRAWAL_IN_FLIGHT');
        expect(await rowsOf(p)).toHaveLength(1);
        expect((await mine(p)).availableFen).toBe(0);
      }
    },
  );
});
