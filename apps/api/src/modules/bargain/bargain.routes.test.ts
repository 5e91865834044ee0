import { randomUUID } from 'node:crypto';
import {
  bargainActivitiesSchema,
  bargainActivityDetailSchema,
  bargainHelpResultSchema,
  bargainSchema,
  bargainStartedSchema,
} from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectContract, expectError, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { paymentOf, placePendingOrder, prepayIdOf, sandboxPays, startPay } from '../payments/payment-test-kit';
import { createTemplate } from '../promotions/promotions.fixtures';
import { BARGAIN_SKU, bargainState, createActivity } from './bargain.fixtures';

const HOUR_MS = 3600_000;

describe.each(testDatabases())('bargain routes on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, { listen: true });
  });
  afterAll(async () => {
    await t?.close();
  });
  const now = (): Date => t.time.clock();
  const start = (token: string | null, activityId: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/bargain-activities/${activityId}/start`,
      headers: token ? bearer(token) : {},
    });
  const started = async (token: string, activityId: string) => {
    const response = await start(token, activityId);
    expect(response.statusCode, response.body).toBe(201);
    return expectContract(bargainStartedSchema, response);
  };
  const help = (token: string | null, bargainId: string) =>
    t.app.inject({ method: 'POST', url: `/api/bargains/${bargainId}/help`, headers: token ? bearer(token) : {} });
  const helped = async (token: string, bargainId: string) => {
    const response = await help(token, bargainId);
    expect(response.statusCode, response.body).toBe(201);
    return expectContract(bargainHelpResultSchema, response);
  };
  const view = async (token: string | null, bargainId: string) => {
    const response = await t.app.inject({ url: `/api/bargains/${bargainId}`, headers: token ? bearer(token) : {} });
    expect(response.statusCode, response.body).toBe(200);
    return expectContract(bargainSchema, response);
  };

  it('lists live activities on the server’s clock, with the SKU’s price and image; one activity with the caller’s live bargain', async () => {
    const live = await createActivity(t.db, now());
    const upcoming = await createActivity(t.db, now(), {
      startsAt: new Date(now().getTime() + HOUR_MS),
      endsAt: new Date(now().getTime() + 30 * HOUR_MS),
    });
    const list = expectContract(bargainActivitiesSchema, await t.app.inject('/api/bargains/activities'));
    expect(list.serverTime).toBe(now().toISOString());
    const shown = list.activities.find((a) => a.id === live.id);
    expect(shown).toMatchObject({
      priceFen: BARGAIN_SKU.priceFen,
      floorPriceFen: 1900,
      helpsTarget: 5,
      windowHours: 12,
      productTitle: expect.any(String),
    });
    expect(shown?.imageUrl).toMatch(/^http:\/\/shop\.test\/static\//);
    expect(list.activities.some((a) => a.id === upcoming.id)).toBe(false);

    const token = await freshShopper(t);
    const detail = async (tok: string | null) =>
      expectContract(
        bargainActivityDetailSchema,
        await t.app.inject({ url: `/api/bargain-activities/${live.id}`, headers: tok ? bearer(tok) : {} }),
      );
    expect((await detail(token)).myBargainId).toBeNull();
    const { bargainId } = await started(token, live.id);
    expect((await detail(token)).myBargainId).toBe(bargainId);
    expect((await detail(null)).myBargainId).toBeNull();
    expectError(await t.app.inject('/api/bargain-activities/nope'), 404, 'BARGAIN_ACTIVITY_NOT_FOUND');
  });

  it('starts a bargain at the SKU’s price for the window; starting again answers the live one; the limit counts every start', async () => {
    const activity = await createActivity(t.db, now(), { windowHours: 10 });
    const token = await freshShopper(t);
    const first = await started(token, activity.id);
    expect(first).toMatchObject({
      startPriceFen: BARGAIN_SKU.priceFen,
      expiresAt: new Date(now().getTime() + 10 * HOUR_MS).toISOString(),
    });
    const again = await start(token, activity.id);
    expect(again.statusCode).toBe(200);
    expect(expectContract(bargainStartedSchema, again).bargainId).toBe(first.bargainId);

    // Once the window is over (before the job runs) the limit of 1 is used up.
    t.time.advance(10 * HOUR_MS);
    expectError(await start(token, activity.id), 409, 'BARGAIN_LIMIT');
    expect((await bargainState(t.db, first.bargainId)).row.status).toBe('expired');
    t.time.advance(-10 * HOUR_MS);

    const twice = await createActivity(t.db, now(), {
      perUserLimit: 2,
      endsAt: new Date(now().getTime() + 3 * HOUR_MS),
    });
    const short = await started(token, twice.id);
    // Never past the activity's end.
    expect(short.expiresAt).toBe(new Date(now().getTime() + 3 * HOUR_MS).toISOString());
  });

  it('refuses to start what it cannot, with a code, and creates nothing', async () => {
    const token = await freshShopper(t);
    const upcoming = await createActivity(t.db, now(), {
      startsAt: new Date(now().getTime() + HOUR_MS),
      endsAt: new Date(now().getTime() + 30 * HOUR_MS),
    });
    expectError(await start(null, upcoming.id), 401, 'UNAUTHENTICATED');
    expectError(await start(token, upcoming.id), 409, 'BARGAIN_NOT_LIVE');
    expectError(await start(token, 'no-such-activity'), 404, 'BARGAIN_ACTIVITY_NOT_FOUND');
    const rows = await t.db.selectFrom('bargains').select('id').where('activity_id', '=', upcoming.id).execute();
    expect(rows).toEqual([]);
  });

  it('friends cut once each; the page shows the helpers, the countdown on server time and who may help', async () => {
    const activity = await createActivity(t.db, now(), { helpsTarget: 3 });
    const owner = await freshShopper(t);
    const { bargainId } = await started(owner, activity.id);
    const friend = await freshShopper(t);
    const other = await freshShopper(t);

    const before = await view(friend, bargainId);
    expect(before).toMatchObject({
      status: 'open',
      currentPriceFen: 8900,
      startPriceFen: 8900,
      floorPriceFen: 1900,
      helpsDone: 0,
      helpsTarget: 3,
      countdownSeconds: 12 * 3600,
      serverTime: now().toISOString(),
      isOwner: false,
      canHelp: true,
      cannotHelpReason: null,
      helpers: [],
    });

    const cut = await helped(friend, bargainId);
    expect(cut.cutFen).toBeGreaterThanOrEqual(1);
    expect(cut).toMatchObject({
      helpsDone: 1,
      currentPriceFen: 8900 - cut.cutFen,
      floorReached: false,
      isNewUser: true,
    });
    expect(cut.rewardUserCouponId).toBeNull();
    // The help counts as a friend joining through the owner's share (fission figures).
    const joins = await t.db
      .selectFrom('share_events')
      .select(['type', 'kind', 'inviter_user_id', 'user_id'])
      .where('target_id', '=', bargainId)
      .execute();
    const ownerId = (
      await t.db.selectFrom('bargains').select('owner_user_id').where('id', '=', bargainId).executeTakeFirstOrThrow()
    ).owner_user_id;
    expect(joins).toEqual([{ type: 'join', kind: 'bargain', inviter_user_id: ownerId, user_id: expect.any(String) }]);

    t.time.advance(1000);
    const after = await view(other, bargainId);
    expect(after).toMatchObject({
      currentPriceFen: 8900 - cut.cutFen,
      cutFen: cut.cutFen,
      helpsDone: 1,
      canHelp: true,
    });
    expect(after.countdownSeconds).toBe(12 * 3600 - 1);
    expect(after.helpers).toEqual([
      expect.objectContaining({ cutFen: cut.cutFen, isNewUser: true, nickname: expect.any(String) }),
    ]);
    expect((await view(friend, bargainId)).cannotHelpReason).toBe('already_helped');
    expect(await view(owner, bargainId)).toMatchObject({ isOwner: true, canHelp: false, cannotHelpReason: 'own' });
    expect((await view(null, bargainId)).cannotHelpReason).toBe('not_signed_in');
    t.time.advance(-1000);
  });

  it('reaches the floor exactly on the last needed help, never before; then refuses more helps', async () => {
    const activity = await createActivity(t.db, now(), { helpsTarget: 4, floorPriceFen: 0 });
    const { bargainId } = await started(await freshShopper(t), activity.id);
    const prices: number[] = [];
    for (let i = 0; i < 4; i += 1) prices.push((await helped(await freshShopper(t), bargainId)).currentPriceFen);
    expect(prices.slice(0, 3).every((p) => p > 0)).toBe(true);
    expect(prices[3]).toBe(0);
    const state = await bargainState(t.db, bargainId);
    expect(state.row).toMatchObject({ status: 'floor_reached', current_price_fen: 0, helps_done: 4 });
    expect(state.cutSum).toBe(8900);
    expectError(await help(await freshShopper(t), bargainId), 409, 'BARGAIN_FLOOR_REACHED');
    expect(await bargainState(t.db, bargainId)).toEqual(state);
    expect((await view(await freshShopper(t), bargainId)).cannotHelpReason).toBe('floor_reached');
  });

  it('refuses own, repeated, expired and unknown helps with a code; each refusal changes nothing', async () => {
    const activity = await createActivity(t.db, now());
    const owner = await freshShopper(t);
    const friend = await freshShopper(t);
    const { bargainId } = await started(owner, activity.id);
    await helped(friend, bargainId);
    const state = await bargainState(t.db, bargainId);

    expectError(await help(null, bargainId), 401, 'UNAUTHENTICATED');
    expectError(await help(owner, bargainId), 409, 'BARGAIN_OWN');
    expectError(await help(friend, bargainId), 409, 'BARGAIN_ALREADY_HELPED');
    expectError(await help(friend, randomUUID()), 404, 'BARGAIN_NOT_FOUND');
    expectError(await help(friend, 'not-a-uuid'), 404, 'BARGAIN_NOT_FOUND');
    expectError(await t.app.inject('/api/bargains/not-a-uuid'), 404, 'BARGAIN_NOT_FOUND');
    expect(await bargainState(t.db, bargainId)).toEqual(state);

    t.time.advance(12 * HOUR_MS);
    expectError(await help(await freshShopper(t), bargainId), 409, 'BARGAIN_EXPIRED');
    expect((await view(null, bargainId)).status).toBe('expired');
    t.time.advance(-12 * HOUR_MS);
    expect(await bargainState(t.db, bargainId)).toEqual(state);
  });

  it('a shopper with a paid order is not a new user; a new user’s cut doubles the same draw', async () => {
    const activity = await createActivity(t.db, now(), { helpsTarget: 50, floorPriceFen: 0 });
    const { bargainId } = await started(await freshShopper(t), activity.id);
    const buyer = await freshShopper(t);
    const paidOrder = await placePendingOrder(t, buyer);
    await sandboxPays(t, prepayIdOf(await startPay(t, buyer, paidOrder.id)));
    expect((await paymentOf(t, paidOrder.id))?.status).toBe('paid');
    expect((await helped(buyer, bargainId)).isNewUser).toBe(false);
    expect((await helped(await freshShopper(t), bargainId)).isNewUser).toBe(true);
    const helps = (await bargainState(t.db, bargainId)).helps;
    expect(helps.map((h) => h.is_new_user)).toEqual([false, true]);
  });

  it('gives the helper the activity’s coupon for helping; a sold-out coupon leaves the help standing without one', async () => {
    const templateId = await createTemplate(t, {
      title: '帮砍奖励 满99减10',
      total_stock: 1,
      threshold_fen: 9900,
      amount_fen: 1000,
    });
    const activity = await createActivity(t.db, now(), { helperRewardCouponTemplateId: templateId });
    const { bargainId } = await started(await freshShopper(t), activity.id);
    const first = await helped(await freshShopper(t), bargainId);
    expect(first.rewardUserCouponId).toEqual(expect.any(String));
    const coupon = await t.db
      .selectFrom('user_coupons')
      .selectAll()
      .where('id', '=', first.rewardUserCouponId as string)
      .executeTakeFirstOrThrow();
    expect(coupon).toMatchObject({ template_id: templateId, status: 'available' });

    const second = await helped(await freshShopper(t), bargainId);
    expect(second.rewardUserCouponId).toBeNull();
    const state = await bargainState(t.db, bargainId);
    expect(state.row.helps_done).toBe(2);
    expect(state.helps.map((h) => h.reward_user_coupon_id)).toEqual([first.rewardUserCouponId, null]);
    const template = await t.db
      .selectFrom('coupon_templates')
      .select('claimed_count')
      .where('id', '=', templateId)
      .executeTakeFirstOrThrow();
    expect(template.claimed_count).toBe(1);
  });

  it('the expiry job expires open bargains past their window, once', async () => {
    const activity = await createActivity(t.db, now());
    const { bargainId } = await started(await freshShopper(t), activity.id);
    const due = new Date(now().getTime() + 12 * HOUR_MS);
    await t.jobs.tick(new Date(due.getTime() - 1));
    expect((await bargainState(t.db, bargainId)).row.status).toBe('open');
    expect((await t.jobs.tick(due))['bargain.expire']).toBeGreaterThanOrEqual(1);
    expect((await t.jobs.tick(due))['bargain.expire']).toBe(0);
    expect((await bargainState(t.db, bargainId)).row.status).toBe('expired');
  });
});
