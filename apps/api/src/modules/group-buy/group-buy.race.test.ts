import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { prepayIdOf, startPay } from '../payments/payment-test-kit';
import {
  createActivity,
  groupState,
  openPaidGroup,
  orderRequest,
  payOrder,
  quoteRequest,
  refundsOfOrder,
} from './group-buy.fixtures';
import { failedGroupRefundNo } from './group-buy.jobs';

const HOUR_MS = 3600_000;

/**
 * PGlite is one connection: every request runs after the other, so these races only prove
 * something on PostgreSQL (DATABASE_URL). Each joiner's quote is taken first, so the joins
 * themselves start together and meet at the group's row lock.
 */
describe.each(testDatabases())('group-buy races on $name', (database) => {
  const skip = database.name === 'PGlite' ? 'PGlite serialises everything' : null;
  const label = (name: string) => `${name}${skip ? ` (skipped: ${skip})` : ''}`;
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, { listen: true });
  });
  afterAll(async () => {
    await t?.close();
  });
  const now = (): Date => t.time.clock();

  async function joinAtOnce(groupId: string, shoppers: number) {
    const tokens = await Promise.all(Array.from({ length: shoppers }, () => freshShopper(t)));
    const totals = await Promise.all(
      tokens.map(async (token) => (await quoteRequest(t, token, `/api/group-buys/groups/${groupId}/quote`)).json()),
    );
    return Promise.all(
      tokens.map((token, i) =>
        orderRequest(t, token, { join: groupId }, { expectedTotalFen: (totals[i] as { totalFen: number }).totalFen }),
      ),
    );
  }

  it.skipIf(skip !== null)(label('2 joiners racing for the last seat: one order, the other GROUP_FULL'), async () => {
    for (let round = 0; round < 5; round += 1) {
      const activityId = await createActivity(t.db, now());
      const { groupId } = await openPaidGroup(t, await freshShopper(t), activityId);
      const answers = await joinAtOnce(groupId, 2);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
      expect(answers.find((a) => a.statusCode === 409)?.json()).toMatchObject({ code: 'GROUP_FULL' });
      const state = await groupState(t.db, groupId);
      expect(state.members.map((m) => [m.seat_no, m.status])).toEqual([
        [1, 'paid'],
        [2, 'reserved'],
      ]);
    }
  });

  it.skipIf(skip !== null)(label('20 joiners racing for 2 seats: exactly 2 orders, 18 GROUP_FULL'), async () => {
    const activityId = await createActivity(t.db, now(), { group_size: 3 });
    const { groupId } = await openPaidGroup(t, await freshShopper(t), activityId);
    const answers = await joinAtOnce(groupId, 20);
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(2);
    const refused = answers.filter((a) => a.statusCode !== 201);
    expect(refused.map((a) => (a.json() as { code: string }).code)).toEqual(Array(18).fill('GROUP_FULL'));
    const state = await groupState(t.db, groupId);
    expect(state.members.map((m) => m.seat_no)).toEqual([1, 2, 3]);
  });

  it.skipIf(skip !== null)(
    label('one shopper pressing join 10 times at once (different keys) holds one seat'),
    async () => {
      const activityId = await createActivity(t.db, now(), { group_size: 5, per_user_limit: 3 });
      const { groupId } = await openPaidGroup(t, await freshShopper(t), activityId);
      const token = await freshShopper(t);
      const quoted = (await quoteRequest(t, token, `/api/group-buys/groups/${groupId}/quote`)).json() as {
        totalFen: number;
      };
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          orderRequest(t, token, { join: groupId }, { expectedTotalFen: quoted.totalFen }),
        ),
      );
      expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
      expect(new Set(answers.filter((a) => a.statusCode !== 201).map((a) => a.json().code))).toEqual(
        new Set(['GROUP_ALREADY_JOINED']),
      );
    },
  );

  it.skipIf(skip !== null)(
    label('the last two seats paid at the same moment: the group succeeds (5 rounds)'),
    async () => {
      for (let round = 0; round < 5; round += 1) {
        const activityId = await createActivity(t.db, now(), { group_size: 3 });
        const { groupId } = await openPaidGroup(t, await freshShopper(t), activityId);
        const joiners = await Promise.all([freshShopper(t), freshShopper(t)]);
        const orders: Array<{ id: string }> = [];
        for (const token of joiners)
          orders.push((await orderRequest(t, token, { join: groupId })).json() as { id: string });
        const prepays = await Promise.all(
          joiners.map(async (token, i) => prepayIdOf(await startPay(t, token, orders[i]?.id as string))),
        );
        await Promise.all(
          prepays.map((prepayId) => t.sandbox.app.inject({ method: 'POST', url: `/sandbox/pay/${prepayId}/pay` })),
        );
        await t.sandbox.pay.notifier.settle();
        const state = await groupState(t.db, groupId);
        expect(state.members.map((m) => m.status)).toEqual(['paid', 'paid', 'paid']);
        expect(state.group.status).toBe('succeeded');
      }
    },
  );

  it.skipIf(skip !== null)(
    label('the expiry jobs run twice at once: each paid member refunded exactly once'),
    async () => {
      const activityId = await createActivity(t.db, now(), { group_size: 3, window_hours: 1 });
      const leader = await freshShopper(t);
      const { order: leaderOrder, groupId } = await openPaidGroup(t, leader, activityId);
      const friend = await freshShopper(t);
      const joined = (await orderRequest(t, friend, { join: groupId })).json() as { id: string; totalFen: number };
      await payOrder(t, friend, joined.id);

      const due = new Date(now().getTime() + HOUR_MS);
      await Promise.all([t.jobs.tick(due), t.jobs.tick(due), t.jobs.tick(due)]);
      await t.jobs.tick(due);
      await t.sandbox.pay.notifier.settle();

      const state = await groupState(t.db, groupId);
      expect(state.group.status).toBe('failed');
      for (const [order, seat] of [
        [leaderOrder, 0],
        [joined, 1],
      ] as const) {
        const refunds = await refundsOfOrder(t.db, order.id);
        expect(refunds).toEqual([
          {
            out_refund_no: failedGroupRefundNo(state.members[seat]?.id as string),
            amount_fen: order.totalFen,
            status: 'succeeded',
            purpose: 'refund',
          },
        ]);
      }
      expect(state.members.map((m) => m.status)).toEqual(['refunded', 'refunded']);
    },
  );
});
