import { randomUUID } from 'node:crypto';
import {
  lotteryCreatedSchema,
  lotteryDrawResultSchema,
  lotteryListSchema,
  lotteryMyPrizesSchema,
  lotteryViewSchema,
  type OrderQuoteView,
} from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectContract, expectError, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { SHENZHEN, stockOf } from '../orders/order.fixtures';
import { createTemplate, userIdOf } from '../promotions/promotions.fixtures';
import { createTestLottery, lotteryState, prize } from './lottery.fixtures';
import { grantExtraDraw } from './lottery-extra-draws';

const HOUR_MS = 3600_000;
const OPS_TOKEN = 'lottery-ops-token-0123456789abcdef';

describe.each(testDatabases())('lottery routes on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, { config: { opsApiToken: OPS_TOKEN } });
  });
  afterAll(async () => {
    await t?.close();
  });
  const now = (): Date => t.time.clock();
  const view = async (token: string, id: string) =>
    expectContract(lotteryViewSchema, await t.app.inject({ url: `/api/lotteries/${id}`, headers: bearer(token) }));
  const draw = (token: string, id: string) =>
    t.app.inject({ method: 'POST', url: `/api/lotteries/${id}/draw`, headers: bearer(token) });
  const drawOk = async (token: string, id: string) => {
    const response = await draw(token, id);
    expect(response.statusCode, response.body).toBe(201);
    return expectContract(lotteryDrawResultSchema, response);
  };
  const myPrizes = async (token: string, id: string) =>
    expectContract(
      lotteryMyPrizesSchema,
      await t.app.inject({ url: `/api/lotteries/${id}/my-prizes`, headers: bearer(token) }),
    );
  const claim = (token: string, drawId: string, expectedTotalFen: number, key = randomUUID()) =>
    t.app.inject({
      method: 'POST',
      url: `/api/lotteries/draws/${drawId}/claim`,
      headers: { ...bearer(token), 'idempotency-key': key },
      payload: { address: SHENZHEN, expectedTotalFen },
    });
  const quote = async (token: string, drawId: string, regionCode = '440305'): Promise<OrderQuoteView> => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/lotteries/draws/${drawId}/quote`,
      headers: bearer(token),
      payload: { region: { regionCode } },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as OrderQuoteView;
  };

  it('shows the pool: odds as percentages (谢谢参与 the rest), 有/无 not counts, draws left today, server time', async () => {
    const lottery = await createTestLottery(t.db, now(), [
      prize({ kind: 'points', probabilityPpm: 125_000, stock: 5 }),
      prize({ kind: 'points', probabilityPpm: 1, stock: 0 }),
    ]);
    const body = await view(await freshShopper(t), lottery.id);
    expect(body).toMatchObject({ status: 'live', dailyDraws: 3, drawsLeftToday: 3, missOddsPercent: '87.4999%' });
    expect(body.serverTime).toBe(now().toISOString());
    expect(body.prizes.map((p) => [p.oddsPercent, p.inStock])).toEqual([
      ['12.5%', true],
      ['0.0001%', false],
    ]);
    expect(JSON.stringify(body)).not.toMatch(/"stock"|"awarded"/);
  });

  it('lists the lotteries not yet over, publicly; ?campaign= finds the one a campaign card opens', async () => {
    const ofCampaign = await createTestLottery(t.db, now(), [prize({ kind: 'points', probabilityPpm: 10_000 })], {
      campaignId: 'cmp-live-group',
    });
    const over = await createTestLottery(t.db, now(), [prize({ kind: 'points', probabilityPpm: 10_000 })], {
      campaignId: 'cmp-live-group',
      startsAt: new Date(now().getTime() - 48 * 3600_000),
      endsAt: new Date(now().getTime() - 3600_000),
    });
    const list = async (url: string) => expectContract(lotteryListSchema, await t.app.inject({ url }));
    const byCampaign = await list('/api/lotteries?campaign=cmp-live-group');
    expect(byCampaign.items.map((l) => l.id)).toEqual([ofCampaign.id]);
    expect(byCampaign.items[0]).toMatchObject({ campaignId: 'cmp-live-group', status: 'live', title: '幸运大转盘' });
    expect(byCampaign.serverTime).toBe(now().toISOString());
    const all = await list('/api/lotteries');
    expect(all.items.map((l) => l.id)).toContain(ofCampaign.id);
    expect(all.items.map((l) => l.id)).not.toContain(over.id);
    expect((await list('/api/lotteries?campaign=cmp-none')).items).toEqual([]);
  });

  it('a points prize at 100%: 201 issued, the points in the ledger once; past the daily limit 409 and nothing changes', async () => {
    const lottery = await createTestLottery(t.db, now(), [prize({ kind: 'points', points: 50, stock: 100 })], {
      dailyDraws: 2,
    });
    const token = await freshShopper(t);
    const userId = await userIdOf(t, token);
    const first = await drawOk(token, lottery.id);
    expect(first).toMatchObject({ status: 'issued', drawsLeftToday: 1, prize: { kind: 'points', points: 50 } });
    expect((await drawOk(token, lottery.id)).drawsLeftToday).toBe(0);
    const ledger = await t.db
      .selectFrom('points_ledger')
      .select(['delta', 'ref'])
      .where('user_id', '=', userId)
      .where('ref', 'like', 'lottery:%')
      .execute();
    expect(ledger).toEqual([{ delta: 50, ref: `lottery:${first.drawId}` }, expect.objectContaining({ delta: 50 })]);
    const before = await lotteryState(t.db, lottery.id);
    expectError(await draw(token, lottery.id), 409, 'LOTTERY_NO_DRAWS_LEFT');
    expect(await lotteryState(t.db, lottery.id)).toEqual(before);
    expect(before).toMatchObject({ awarded: 2, issued: 2, drawn: 2 });
    expect((await view(token, lottery.id)).drawsLeftToday).toBe(0);
  });

  it('draws start again at midnight Beijing time, not UTC', async () => {
    const start = now();
    // 2026-06-01T15:30Z is 23:30 in Beijing; 16:00Z is the next Beijing day.
    t.time.set(new Date('2026-06-01T15:30:00Z'));
    const lottery = await createTestLottery(t.db, now(), [prize({ kind: 'points', probabilityPpm: 0 })], {
      dailyDraws: 1,
    });
    const token = await freshShopper(t);
    await drawOk(token, lottery.id);
    expectError(await draw(token, lottery.id), 409, 'LOTTERY_NO_DRAWS_LEFT');
    t.time.set(new Date('2026-06-01T16:00:00Z'));
    expect((await drawOk(token, lottery.id)).status).toBe('miss');
    t.time.set(start);
  });

  it('a coupon prize goes to the shopper at once with its template’s validity; the template’s 领券中心 stock is untouched', async () => {
    const templateId = await createTemplate(t, { total_stock: 1, valid_days: 7 });
    const lottery = await createTestLottery(t.db, now(), [prize({ kind: 'coupon', couponTemplateId: templateId })]);
    const token = await freshShopper(t);
    const result = await drawOk(token, lottery.id);
    expect(result).toMatchObject({ status: 'issued', prize: { kind: 'coupon' } });
    const coupon = await t.db
      .selectFrom('user_coupons')
      .select(['template_id', 'valid_until', 'user_id'])
      .where('id', '=', result.prize?.userCouponId as string)
      .executeTakeFirstOrThrow();
    expect(coupon).toMatchObject({ template_id: templateId, user_id: await userIdOf(t, token) });
    expect(coupon.valid_until).toEqual(new Date(now().getTime() + 7 * 24 * HOUR_MS));
    const template = await t.db
      .selectFrom('coupon_templates')
      .select('claimed_count')
      .where('id', '=', templateId)
      .executeTakeFirstOrThrow();
    expect(template.claimed_count).toBe(0);
    expect((await myPrizes(token, lottery.id)).items).toMatchObject([{ drawId: result.drawId, status: 'issued' }]);
  });

  it('a prize with none left is a miss (its slice is not re-rolled), and a 0% pool always misses', async () => {
    const empty = await createTestLottery(t.db, now(), [
      prize({ kind: 'points', stock: 0, probabilityPpm: 1_000_000 }),
    ]);
    const token = await freshShopper(t);
    expect(await drawOk(token, empty.id)).toMatchObject({ status: 'miss', prize: null });
    expect(await lotteryState(t.db, empty.id)).toMatchObject({ awarded: 0, miss: 1, drawn: 1 });
    const never = await createTestLottery(t.db, now(), [prize({ kind: 'points', probabilityPpm: 0 })]);
    expect((await drawOk(token, never.id)).status).toBe('miss');
    expect((await myPrizes(token, never.id)).items).toEqual([]);
  });

  it('refuses with a code and changes nothing: unknown, not started, over', async () => {
    const token = await freshShopper(t);
    expectError(await draw(token, 'no-such-lottery'), 404, 'LOTTERY_NOT_FOUND');
    expectError(await t.app.inject({ url: '/api/lotteries/nope', headers: bearer(token) }), 404, 'LOTTERY_NOT_FOUND');
    const upcoming = await createTestLottery(t.db, now(), [prize({ kind: 'points' })], {
      startsAt: new Date(now().getTime() + HOUR_MS),
      endsAt: new Date(now().getTime() + 2 * HOUR_MS),
    });
    const over = await createTestLottery(t.db, now(), [prize({ kind: 'points' })], {
      startsAt: new Date(now().getTime() - 2 * HOUR_MS),
      endsAt: now(),
    });
    for (const id of [upcoming.id, over.id]) {
      expectError(await draw(token, id), 409, 'LOTTERY_NOT_LIVE');
      expect(await lotteryState(t.db, id)).toMatchObject({ draws: 0, drawn: 0, awarded: 0 });
      expect((await view(token, id)).drawsLeftToday).toBe(0);
    }
    expect((await view(token, upcoming.id)).status).toBe('upcoming');
    expectError(await t.app.inject({ method: 'POST', url: `/api/lotteries/${over.id}/draw` }), 401, 'UNAUTHENTICATED');
  });

  it('extra draws come from a friend’s real action, once per source, capped per day', async () => {
    const lottery = await createTestLottery(t.db, now(), [prize({ kind: 'points', probabilityPpm: 0 })], {
      dailyDraws: 1,
      maxExtraDrawsPerDay: 2,
    });
    const token = await freshShopper(t);
    const inviterUserId = await userIdOf(t, token);
    const friend = await userIdOf(t, await freshShopper(t));
    const grant = (reason: 'friend_signup' | 'friend_order', sourceId: string) =>
      grantExtraDraw(t.db, { lotteryId: lottery.id, inviterUserId, reason, sourceId, now: now() });
    expect(await grant('friend_signup', friend)).toBe(true);
    expect(await grant('friend_signup', friend)).toBe(false);
    expect((await view(token, lottery.id)).drawsLeftToday).toBe(2);
    expect(await grant('friend_order', randomUUID())).toBe(true);
    expect(await grant('friend_order', randomUUID())).toBe(true);
    expect((await view(token, lottery.id)).drawsLeftToday).toBe(3);
    for (let i = 0; i < 3; i += 1) await drawOk(token, lottery.id);
    expectError(await draw(token, lottery.id), 409, 'LOTTERY_NO_DRAWS_LEFT');
    // One's own sign-up or order is no friend's action.
    expect(await grant('friend_signup', inviterUserId)).toBe(false);
    expect(
      await grantExtraDraw(t.db, {
        lotteryId: lottery.id,
        inviterUserId,
        reason: 'friend_order',
        sourceId: randomUUID(),
        friendUserId: inviterUserId,
        now: now(),
      }),
    ).toBe(false);
    // Unknown or closed lotteries grant nothing.
    expect(
      await grantExtraDraw(t.db, {
        lotteryId: 'nope',
        inviterUserId,
        reason: 'friend_signup',
        sourceId: 'x',
        now: now(),
      }),
    ).toBe(false);
  });

  it('a product prize becomes a 0-fen order at the shopper’s address, shipped free and paid at once; claimed once', async () => {
    const lottery = await createTestLottery(t.db, now(), [prize({ kind: 'product', skuId: 'sku-toner', stock: 1 })]);
    const token = await freshShopper(t);
    const won = await drawOk(token, lottery.id);
    expect(won).toMatchObject({ status: 'unclaimed', prize: { kind: 'product', skuId: 'sku-toner' } });
    expect((await myPrizes(token, lottery.id)).items).toMatchObject([{ status: 'unclaimed', orderId: null }]);

    // The brand pays the delivery, even to a remote province (新疆 乌鲁木齐 天山区).
    const figures = await quote(token, won.drawId);
    expect(figures).toMatchObject({ subtotalFen: 0, shippingFeeFen: 0, totalFen: 0 });
    expect((await quote(token, won.drawId, '650102')).totalFen).toBe(0);
    const stockBefore = await stockOf(t, 'sku-toner');
    const response = await claim(token, won.drawId, 0);
    expect(response.statusCode, response.body).toBe(201);
    const order = response.json() as {
      id: string;
      totalFen: number;
      campaignKind: string;
      status: string;
      paidAt: string;
    };
    expect(order).toMatchObject({ campaignKind: 'lottery', totalFen: 0, status: 'paid', paidAt: now().toISOString() });
    expect(await stockOf(t, 'sku-toner')).toBe(stockBefore - 1);
    expect((await myPrizes(token, lottery.id)).items).toMatchObject([{ status: 'claimed', orderId: order.id }]);

    // Twice, another shopper's, a miss or unknown: refused, nothing new.
    expectError(await claim(token, won.drawId, 0), 409, 'LOTTERY_PRIZE_ALREADY_CLAIMED');
    expectError(await claim(await freshShopper(t), won.drawId, 0), 404, 'LOTTERY_PRIZE_NOT_FOUND');
    expectError(await claim(token, randomUUID(), 0), 404, 'LOTTERY_PRIZE_NOT_FOUND');
  });

  it('coupons and points are issued at the draw: claiming them says so', async () => {
    const lottery = await createTestLottery(t.db, now(), [prize({ kind: 'points' })]);
    const token = await freshShopper(t);
    const won = await drawOk(token, lottery.id);
    expectError(await claim(token, won.drawId, 0), 409, 'LOTTERY_PRIZE_ALREADY_CLAIMED');
  });

  it('operators save a lottery through the rules: 201 with the odds shoppers will see; refused with every reason, nothing written', async () => {
    const save = (body: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/ops/lotteries', headers: bearer(OPS_TOKEN), payload: body });
    const id = `ops-lottery-${Date.now()}`;
    const base = {
      id,
      title: '双十二抽奖',
      dailyDraws: 2,
      startsAt: new Date(now().getTime() - HOUR_MS).toISOString(),
      endsAt: new Date(now().getTime() + HOUR_MS).toISOString(),
    };
    const refused = await save({
      ...base,
      prizes: [
        {
          id: `${id}-a`,
          kind: 'product',
          title: '豪车',
          probabilityPpm: 600_000,
          stock: 1,
          valueFen: 5_000_001,
          skuId: 'sku-toner',
        },
        {
          id: `${id}-b`,
          kind: 'coupon',
          title: '券',
          probabilityPpm: 400_001,
          stock: 1,
          valueFen: 100,
          couponTemplateId: 'no-such-tpl',
        },
      ],
    });
    const body = expectError(refused, 422, 'LOTTERY_POOL_INVALID');
    expect(body.message).toMatch(/五万元/);
    expect(body.message).toMatch(/100%/);
    expect(body.message).toMatch(/券模板 no-such-tpl 不存在/);
    expect(await t.db.selectFrom('lotteries').select('id').where('id', '=', id).execute()).toEqual([]);
    expectError(
      await t.app.inject({ method: 'POST', url: '/api/ops/lotteries', payload: base }),
      401,
      'UNAUTHENTICATED',
    );

    const created = await save({
      ...base,
      prizes: [
        {
          id: `${id}-a`,
          kind: 'points',
          title: '66 积分',
          probabilityPpm: 333_333,
          stock: 10,
          valueFen: 66,
          points: 66,
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(expectContract(lotteryCreatedSchema, created).odds).toEqual([
      { prizeId: `${id}-a`, title: '66 积分', oddsPercent: '33.3333%' },
      { prizeId: null, title: '谢谢参与', oddsPercent: '66.6667%' },
    ]);
    expect((await view(await freshShopper(t), id)).drawsLeftToday).toBe(2);
    expectError(await save({ ...base, prizes: [] }), 422, 'LOTTERY_POOL_INVALID');
    // Copy that rewards sharing itself is refused (诱导分享), with the phrase named.
    const induced = expectError(
      await save({
        ...base,
        id: `${id}-copy`,
        title: '分享到3个群多抽一次',
        prizes: [
          {
            id: `${id}-copy-a`,
            kind: 'points',
            title: '8 积分',
            probabilityPpm: 500_000,
            stock: 10,
            valueFen: 8,
            points: 8,
          },
        ],
      }),
      422,
      'LOTTERY_POOL_INVALID',
    );
    expect(induced.message).toContain('「分享到3个群」属于诱导分享');
  });
});
