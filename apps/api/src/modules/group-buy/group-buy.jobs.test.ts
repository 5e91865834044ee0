import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { stockOf } from '../orders/order.fixtures';
import {
  createActivity,
  GB_SKU,
  groupState,
  openPaidGroup,
  orderRequest,
  orderStatusOf,
  payOrder,
  refundsOfOrder,
} from './group-buy.fixtures';
import { failedGroupRefundNo, leaderRebateNo } from './group-buy.jobs';

const HOUR_MS = 3600_000;

describe.each(testDatabases())('group-buy jobs on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    // Listening, so the sandbox's REFUND.SUCCESS notifications reach the API.
    t = await createTestApp(database, { listen: true });
  });
  afterAll(async () => {
    await t?.close();
  });
  const now = (): Date => t.time.clock();
  const tick = async (at: Date) => {
    const changed = await t.jobs.tick(at);
    await t.sandbox.pay.notifier.settle();
    return changed;
  };

  it('a group that does not fill fails at its deadline: paid members refunded in full once, however often the job runs; the unpaid seat’s order cancelled', async () => {
    // Given a 3-person group with the leader and one friend paid and a second friend unpaid
    const activityId = await createActivity(t.db, now(), { group_size: 3, window_hours: 1 });
    const stockBefore = await stockOf(t, GB_SKU);
    const leader = await freshShopper(t);
    const { order: leaderOrder, groupId } = await openPaidGroup(t, leader, activityId);
    const friend = await freshShopper(t);
    const friendOrder = (await orderRequest(t, friend, { join: groupId })).json() as { id: string; totalFen: number };
    await payOrder(t, friend, friendOrder.id);
    const late = await freshShopper(t);
    const lateOrder = (await orderRequest(t, late, { join: groupId })).json() as { id: string };
    // Its order's own deadline is later than the group's, so only the group-buy job cancels it.
    await t.db
      .updateTable('orders')
      .set({ pay_deadline_at: new Date(now().getTime() + 3 * HOUR_MS) })
      .where('id', '=', lateOrder.id)
      .execute();
    expect(await stockOf(t, GB_SKU)).toBe(stockBefore - 3);

    // A minute before the deadline nothing happens.
    await tick(new Date(now().getTime() + HOUR_MS - 60_000));
    expect((await groupState(t.db, groupId)).group.status).toBe('forming');

    // When the deadline passes and the jobs run twice
    const due = new Date(now().getTime() + HOUR_MS);
    const first = await tick(due);
    expect(first['group-buy.expire']).toBeGreaterThanOrEqual(1);
    expect(first['group-buy.release-unpaid']).toBeGreaterThanOrEqual(1);
    expect(first['group-buy.refund-failed']).toBeGreaterThanOrEqual(2);
    const second = await tick(due);
    expect(second).toMatchObject({
      'group-buy.expire': 0,
      'group-buy.release-unpaid': 0,
      'group-buy.refund-failed': 0,
    });
    await tick(new Date(due.getTime() + HOUR_MS));

    // Then the group failed, each paid member got one full refund, and the unpaid order was cancelled
    const state = await groupState(t.db, groupId);
    expect(state.group.status).toBe('failed');
    expect(state.members.map((m) => [m.seat_no, m.status])).toEqual([
      [1, 'refunded'],
      [2, 'refunded'],
      [3, 'released'],
    ]);
    for (const [order, seat] of [
      [leaderOrder, 0],
      [friendOrder, 1],
    ] as const) {
      const memberId = state.members[seat]?.id as string;
      expect(await refundsOfOrder(t.db, order.id)).toEqual([
        {
          out_refund_no: failedGroupRefundNo(memberId),
          amount_fen: order.totalFen,
          status: 'succeeded',
          purpose: 'refund',
        },
      ]);
      expect(await orderStatusOf(t.db, order.id)).toBe('refunded');
    }
    expect(await orderStatusOf(t.db, lateOrder.id)).toBe('cancelled');
    expect(await stockOf(t, GB_SKU)).toBe(stockBefore);
    const payment = await t.db
      .selectFrom('payments')
      .select('out_trade_no')
      .where('order_id', '=', friendOrder.id)
      .executeTakeFirstOrThrow();
    expect(t.sandbox.pay.store.transactions.get(payment.out_trade_no)?.refundedFen).toBe(friendOrder.totalFen);
  });

  it('团长免单: the leader of a leader-free group that succeeds gets a rebate once; the order stays 待发货 with its stock', async () => {
    const activityId = await createActivity(t.db, now(), { leader_free: true });
    const leader = await freshShopper(t);
    const { order: leaderOrder, groupId } = await openPaidGroup(t, leader, activityId);
    const friend = await freshShopper(t);
    const friendOrder = (await orderRequest(t, friend, { join: groupId })).json() as { id: string };
    // No rebate while the group is forming.
    expect((await tick(now()))['group-buy.leader-rebate']).toBe(0);
    await payOrder(t, friend, friendOrder.id);
    expect((await groupState(t.db, groupId)).group.status).toBe('succeeded');
    const stockBefore = await stockOf(t, GB_SKU);

    expect((await tick(now()))['group-buy.leader-rebate']).toBe(1);
    expect((await tick(now()))['group-buy.leader-rebate']).toBe(0);

    const state = await groupState(t.db, groupId);
    expect(await refundsOfOrder(t.db, leaderOrder.id)).toEqual([
      {
        out_refund_no: leaderRebateNo(state.members[0]?.id as string),
        amount_fen: leaderOrder.totalFen,
        status: 'succeeded',
        purpose: 'rebate',
      },
    ]);
    // Every fen is back, and still the order ships: 待发货, stock kept, the seat still paid.
    expect(await orderStatusOf(t.db, leaderOrder.id)).toBe('paid');
    expect(await stockOf(t, GB_SKU)).toBe(stockBefore);
    expect(state.members.map((m) => m.status)).toEqual(['paid', 'paid']);
    expect(state.group.rebated_at).not.toBeNull();
    expect(await refundsOfOrder(t.db, friendOrder.id)).toEqual([]);
    expect(await orderStatusOf(t.db, friendOrder.id)).toBe('paid');
  });

  it('without 团长免单 a succeeded group gives nothing back', async () => {
    const activityId = await createActivity(t.db, now());
    const leader = await freshShopper(t);
    const { order, groupId } = await openPaidGroup(t, leader, activityId);
    const friend = await freshShopper(t);
    const joined = (await orderRequest(t, friend, { join: groupId })).json() as { id: string };
    await payOrder(t, friend, joined.id);
    await tick(now());
    expect((await groupState(t.db, groupId)).group).toMatchObject({ status: 'succeeded', rebated_at: null });
    expect(await refundsOfOrder(t.db, order.id)).toEqual([]);
  });
});

describe.each(testDatabases())('group-buy jobs without WeChat Pay on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, { config: { wechatPay: null } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('runs the expiry and release jobs only (nothing can have been paid)', async () => {
    const changed = await t.jobs.tick(t.time.clock());
    expect(changed).toMatchObject({ 'group-buy.expire': 0, 'group-buy.release-unpaid': 0 });
    expect(Object.keys(changed)).not.toContain('group-buy.refund-failed');
    expect(Object.keys(changed)).not.toContain('group-buy.leader-rebate');
  });
});
