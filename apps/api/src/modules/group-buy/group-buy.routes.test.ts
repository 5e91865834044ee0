import {
  groupBuyActivityDetailSchema,
  groupBuyActivityListSchema,
  groupBuyActivitySchema,
  groupBuyGroupSchema,
  myGroupBuysSchema,
  orderSchema,
} from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectContract, expectError, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import {
  createActivity,
  GB_SKU,
  groupState,
  openGroup,
  openPaidGroup,
  orderRequest,
  orderStatusOf,
  payOrder,
  quoteRequest,
  seatOfOrder,
} from './group-buy.fixtures';

const HOUR_MS = 3600_000;
const OPS_TOKEN = 'group-buy-ops-token-0123456789abcdef';

describe.each(testDatabases())('group-buy routes on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, { listen: true, config: { opsApiToken: OPS_TOKEN } });
  });
  afterAll(async () => {
    await t?.close();
  });
  const now = (): Date => t.time.clock();
  const groupPage = async (groupId: string, token?: string) =>
    expectContract(
      groupBuyGroupSchema,
      await t.app.inject({
        method: 'GET',
        url: `/api/group-buys/groups/${groupId}`,
        headers: token ? bearer(token) : {},
      }),
    );

  it('lists live activities with their tiers at the server’s time; upcoming ones are not listed', async () => {
    const live = await createActivity(t.db, now(), { tiers: JSON.stringify({ 2: 6900, 3: 5900 }), group_size: 3 });
    const upcoming = await createActivity(t.db, now(), { starts_at: new Date(now().getTime() + HOUR_MS) });
    const list = expectContract(groupBuyActivityListSchema, await t.app.inject('/api/group-buys'));
    expect(list.serverTime).toBe(now().toISOString());
    const item = list.items.find((a) => a.id === live);
    expect(item).toMatchObject({
      status: 'live',
      groupSize: 3,
      groupPriceFen: 5900,
      skuPriceFen: 8900,
      tiers: [
        { size: 2, priceFen: 6900 },
        { size: 3, priceFen: 5900 },
      ],
      imageUrl: 'http://shop.test/static/products/p-toner.jpg',
    });
    expect(list.items.some((a) => a.id === upcoming)).toBe(false);
    expectError(await t.app.inject('/api/group-buys/no-such'), 404, 'GROUP_BUY_NOT_FOUND');
    expectError(await t.app.inject('/api/group-buys/groups/no-such'), 404, 'GROUP_BUY_NOT_FOUND');
  });

  it('A opens and pays, B joins and pays: the group succeeds and both orders are 待发货 at the group price', async () => {
    const activityId = await createActivity(t.db, now());
    const [a, b] = [await freshShopper(t), await freshShopper(t)];
    const quote = await quoteRequest(t, a, `/api/group-buys/${activityId}/quote`);
    expect(quote.statusCode, quote.body).toBe(200);
    expect(quote.json()).toMatchObject({ subtotalFen: 6900, shippingFeeFen: 800, totalFen: 7700 });

    const { order, groupId } = await openGroup(t, a, activityId);
    expect(order.status).toBe('pending_payment');
    expect(order.lines).toMatchObject([{ skuId: GB_SKU, unitPriceFen: 6900, quantity: 1 }]);
    expect(order.campaignKind).toBe('group_buy');
    // Not open to others before the leader has paid, and not on the activity page.
    expectError(await orderRequest(t, b, { join: groupId }), 409, 'GROUP_NOT_OPEN');
    expect((await groupPage(groupId, b)).joinRefusal).toBe('not_open');
    const detail = () => t.app.inject(`/api/group-buys/${activityId}`);
    expect(expectContract(groupBuyActivityDetailSchema, await detail()).openGroups).toEqual([]);

    await payOrder(t, a, order.id);
    // Paid, but the group is still forming: operators cannot ship it yet (nothing changes).
    const ship = (orderId: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/ops/orders/${orderId}/ship`,
        headers: { authorization: `Bearer ${OPS_TOKEN}` },
        payload: { company: '顺丰速运', trackingNo: 'SF1234567890' },
      });
    expectError(await ship(order.id), 409, 'ORDER_NOT_SHIPPABLE');
    expect(await orderStatusOf(t.db, order.id)).toBe('paid');
    expect(expectContract(groupBuyActivityDetailSchema, await detail()).openGroups).toMatchObject([
      { id: groupId, seatsLeft: 1, size: 2, countdownSeconds: 24 * 3600 },
    ]);
    const before = await groupPage(groupId, b);
    expect(before).toMatchObject({ status: 'forming', seatsLeft: 1, canJoin: true, joinRefusal: null });
    expect(before.members).toMatchObject([{ seatNo: 1, isLeader: true, paid: true }]);
    expect((await groupPage(groupId)).joinRefusal).toBe('sign_in');
    expect((await groupPage(groupId, a)).joinRefusal).toBe('own_group');

    const joined = await orderRequest(t, b, { join: groupId });
    expect(joined.statusCode, joined.body).toBe(201);
    const joinOrder = expectContract(orderSchema, joined);
    expect(joinOrder.lines).toMatchObject([{ unitPriceFen: 6900 }]);
    expect(await seatOfOrder(t.db, joinOrder.id)).toMatchObject({ seat_no: 2, status: 'reserved' });
    // The join is recorded for share tracking, with the leader as the inviter.
    const joins = await t.db
      .selectFrom('share_events')
      .select(['type', 'kind', 'inviter_user_id', 'user_id'])
      .where('target_id', '=', groupId)
      .execute();
    const [leaderSeat, joinerSeat] = [await seatOfOrder(t.db, order.id), await seatOfOrder(t.db, joinOrder.id)];
    expect(joins).toEqual([
      { type: 'join', kind: 'group_buy_group', inviter_user_id: leaderSeat.user_id, user_id: joinerSeat.user_id },
    ]);
    expect((await groupPage(groupId)).seatsLeft).toBe(0);
    expect((await groupPage(groupId)).status).toBe('forming');

    await payOrder(t, b, joinOrder.id);
    const after = await groupPage(groupId);
    expect(after).toMatchObject({ status: 'succeeded', seatsLeft: 0 });
    expect(after.members.map((m) => m.paid)).toEqual([true, true]);
    expect(await orderStatusOf(t.db, order.id)).toBe('paid');
    expect(await orderStatusOf(t.db, joinOrder.id)).toBe('paid');
    // 拼团成功: now it ships.
    expect((await ship(order.id)).statusCode).toBe(200);
    expect(await orderStatusOf(t.db, order.id)).toBe('shipped');
    const mine = expectContract(
      myGroupBuysSchema,
      await t.app.inject({ method: 'GET', url: '/api/group-buys/mine', headers: bearer(b) }),
    );
    expect(mine.items[0]).toMatchObject({ groupId, seatNo: 2, memberStatus: 'paid', groupStatus: 'succeeded' });
  });

  it('refuses what it cannot do, with a code, and changes nothing', async () => {
    const activityId = await createActivity(t.db, now(), {
      group_size: 3,
      new_user_only: true,
      window_hours: 2,
    });
    const leader = await freshShopper(t);
    const { groupId } = await openPaidGroup(t, leader, activityId);
    const member = await freshShopper(t);
    expect((await orderRequest(t, member, { join: groupId })).statusCode).toBe(201);
    const state = await groupState(t.db, groupId);

    // An old shopper: has paid an order before (the leader of another activity's group).
    const old = await freshShopper(t);
    await openPaidGroup(t, old, await createActivity(t.db, now()));
    const oldState = await groupState(t.db, groupId);
    const expectRefused = async (token: string, status: number, code: Parameters<typeof expectError>[2]) => {
      expectError(await orderRequest(t, token, { join: groupId }, { expectedTotalFen: 0 }), status, code);
    };
    await expectRefused(leader, 409, 'GROUP_ALREADY_JOINED');
    await expectRefused(member, 409, 'GROUP_ALREADY_JOINED');
    await expectRefused(old, 409, 'GROUP_BUY_NEW_USERS_ONLY');
    expect(await groupState(t.db, groupId)).toEqual(oldState);

    // The last seat taken: full for the next one.
    expect((await orderRequest(t, await freshShopper(t), { join: groupId })).statusCode).toBe(201);
    const full = await groupState(t.db, groupId);
    await expectRefused(await freshShopper(t), 409, 'GROUP_FULL');
    expect(await groupState(t.db, groupId)).toEqual(full);
    expect(state.members).toHaveLength(2);

    // Per-user limit: the member of this group cannot open another one in the same activity.
    expectError(await orderRequest(t, member, { open: activityId }, { expectedTotalFen: 0 }), 409, 'GROUP_BUY_LIMIT');

    // Past the deadline (before any job ran): expired.
    const other = await createActivity(t.db, now(), { window_hours: 1 });
    const late = await openPaidGroup(t, await freshShopper(t), other);
    t.time.advance(HOUR_MS);
    const lateState = await groupState(t.db, late.groupId);
    expectError(
      await orderRequest(t, await freshShopper(t), { join: late.groupId }, { expectedTotalFen: 0 }),
      409,
      'GROUP_EXPIRED',
    );
    expect(await groupState(t.db, late.groupId)).toEqual(lateState);
    t.time.advance(-HOUR_MS);

    // Not live, unknown, bad input, no key, no session.
    const upcoming = await createActivity(t.db, now(), { starts_at: new Date(now().getTime() + HOUR_MS) });
    const shopper = await freshShopper(t);
    expectError(await orderRequest(t, shopper, { open: upcoming }, { expectedTotalFen: 0 }), 409, 'GROUP_BUY_NOT_LIVE');
    expectError(
      await orderRequest(t, shopper, { open: 'no-such' }, { expectedTotalFen: 0 }),
      404,
      'GROUP_BUY_NOT_FOUND',
    );
    expectError(
      await orderRequest(t, shopper, { join: '00000000-0000-4000-8000-000000000000' }, { expectedTotalFen: 0 }),
      404,
      'GROUP_BUY_NOT_FOUND',
    );
    expectError(
      await t.app.inject({ method: 'POST', url: `/api/group-buys/${activityId}/open`, payload: {} }),
      401,
      'UNAUTHENTICATED',
    );
    expectError(
      await t.app.inject({
        method: 'POST',
        url: `/api/group-buys/${activityId}/open`,
        headers: bearer(shopper),
        payload: { expectedTotalFen: 0 },
      }),
      400,
      'IDEMPOTENCY_KEY_REQUIRED',
    );
    // A wrong total: 409 PRICE_CHANGED, and no group nor seat was kept.
    const fresh = await createActivity(t.db, now());
    expectError(await orderRequest(t, shopper, { open: fresh }, { expectedTotalFen: 1 }), 409, 'PRICE_CHANGED');
    for (const id of [fresh, upcoming])
      expect(await t.db.selectFrom('group_buy_groups').select('id').where('activity_id', '=', id).execute()).toEqual(
        [],
      );
  });

  it('an unpaid joiner’s cancelled order gives the seat back for another shopper', async () => {
    const activityId = await createActivity(t.db, now());
    const { groupId } = await openPaidGroup(t, await freshShopper(t), activityId);
    const quitter = await freshShopper(t);
    const joined = await orderRequest(t, quitter, { join: groupId });
    expect(joined.statusCode, joined.body).toBe(201);
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${(joined.json() as { id: string }).id}/cancel`,
      headers: bearer(quitter),
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await groupState(t.db, groupId)).members.map((m) => m.status)).toEqual(['paid', 'released']);
    expect((await groupPage(groupId)).seatsLeft).toBe(1);
    const next = await orderRequest(t, await freshShopper(t), { join: groupId });
    expect(next.statusCode, next.body).toBe(201);
    expect(await seatOfOrder(t.db, (next.json() as { id: string }).id)).toMatchObject({ seat_no: 2 });
  });

  it('operators save an activity through the rules; a refused one answers every reason and writes nothing', async () => {
    const save = (body: Record<string, unknown>, token: string | null = OPS_TOKEN) =>
      t.app.inject({
        method: 'POST',
        url: '/api/ops/group-buys',
        headers: token ? bearer(token) : {},
        payload: body,
      });
    const startsAt = now().toISOString();
    const endsAt = new Date(now().getTime() + 72 * HOUR_MS).toISOString();
    const good = {
      id: `gb-ops-${Date.now()}`,
      skuId: GB_SKU,
      title: '3人团 · 清透爽肤水',
      groupSize: 3,
      tiers: [
        { size: 2, priceFen: 7900 },
        { size: 3, priceFen: 6900 },
      ],
      leaderFree: true,
      windowHours: 48,
      startsAt,
      endsAt,
    };
    expectError(await save(good, null), 401, 'UNAUTHENTICATED');
    const refused = expectError(
      await save({
        ...good,
        groupSize: 6,
        tiers: [
          { size: 2, priceFen: 9000 },
          { size: 3, priceFen: 5000 },
          { size: 3, priceFen: 4000 },
        ],
        windowHours: 24 * 8,
        campaignId: 'no-such-campaign',
      }),
      422,
      'GROUP_BUY_RULES_BROKEN',
    );
    expect((refused.details as { problems: string[] }).problems).toEqual([
      'group_size_out_of_range',
      'tier_not_below_sku_price',
      'window_hours_out_of_range',
      'tier_size_repeated',
      'campaign_unknown',
    ]);
    expect(
      (
        expectError(await save({ ...good, skuId: 'no-such-sku' }), 422, 'GROUP_BUY_RULES_BROKEN').details as {
          problems: string[];
        }
      ).problems,
    ).toEqual(['sku_unknown']);
    // Copy with a medical claim: refused, the term and its rule named at its position.
    const claims = expectError(await save({ ...good, title: '3人团 · 治疗痘痘精华' }), 422, 'GROUP_BUY_RULES_BROKEN');
    expect(claims.message).toBe('文案不合规：「治疗」属于医疗用语 / 功效宣称（化妆品、食品）');
    expect(claims.details).toMatchObject({
      problems: ['copy_not_compliant'],
      findings: [{ ruleId: 'medical_claims', term: '治疗', start: 6, end: 8 }],
    });
    expect(await t.db.selectFrom('group_buy_activities').select('id').where('id', '=', good.id).execute()).toEqual([]);

    const created = await save(good);
    expect(created.statusCode, created.body).toBe(201);
    expect(expectContract(groupBuyActivitySchema, created)).toMatchObject({
      id: good.id,
      productId: 'p-toner',
      groupPriceFen: 6900,
      leaderFree: true,
      status: 'live',
    });
    expect((await save(good)).json()).toMatchObject({ details: { problems: ['id_taken'] } });
    const list = expectContract(groupBuyActivityListSchema, await t.app.inject('/api/group-buys'));
    expect(list.items.some((a) => a.id === good.id)).toBe(true);
  });

  it('replays an open with the same Idempotency-Key: one group, one order', async () => {
    const activityId = await createActivity(t.db, now());
    const token = await freshShopper(t);
    const first = await orderRequest(t, token, { open: activityId }, { key: 'gb-open-replay-key-0001' });
    expect(first.statusCode, first.body).toBe(201);
    const body = first.json() as { totalFen: number; id: string };
    const again = await orderRequest(
      t,
      token,
      { open: activityId },
      { key: 'gb-open-replay-key-0001', expectedTotalFen: body.totalFen },
    );
    expect(again.statusCode).toBe(201);
    expect((again.json() as { id: string }).id).toBe(body.id);
    expect(
      await t.db.selectFrom('group_buy_groups').select('id').where('activity_id', '=', activityId).execute(),
    ).toHaveLength(1);
  });
});
