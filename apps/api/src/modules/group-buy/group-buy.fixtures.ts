import { randomUUID } from 'node:crypto';
import type { Order, OrderQuoteView } from '@wematrix/shared';
import type { LightMyRequestResponse } from 'fastify';
import type { Insertable } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../db/database';
import { bearer, type TestApp } from '../../test/test-app';
import { SHENZHEN } from '../orders/order.fixtures';
import { prepayIdOf, sandboxPays, startPay } from '../payments/payment-test-kit';
import type { GroupBuyActivitiesTable } from './group-buy.table';

const HOUR_MS = 3600_000;
let counter = 0;

/** The fixture toner's SKU (8,900 fen) and the tiers the fixtures use. */
export const GB_SKU = 'sku-toner';
export const GB_TIERS = { 2: 6900, 3: 5900 };

/** A live 2-person activity on the fixture toner (started an hour ago, ends in 48 hours). */
export async function createActivity(
  db: Database,
  now: Date,
  overrides: Partial<Insertable<GroupBuyActivitiesTable>> = {},
): Promise<string> {
  counter += 1;
  const row = await db
    .insertInto('group_buy_activities')
    .values({
      id: `gb-${process.pid}-${counter}-${Date.now()}`,
      product_id: 'p-toner',
      sku_id: GB_SKU,
      title: '2人团 · 清透爽肤水',
      group_size: 2,
      tiers: JSON.stringify(GB_TIERS),
      window_hours: 24,
      starts_at: new Date(now.getTime() - HOUR_MS),
      ends_at: new Date(now.getTime() + 48 * HOUR_MS),
      created_at: now,
      ...overrides,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function quoteRequest(t: TestApp, token: string, url: string): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url,
    headers: bearer(token),
    payload: { region: { regionCode: '440305' } },
  });
}

/** POST an open or join at the total the quote shows (or `expectedTotalFen` when given). */
export async function orderRequest(
  t: TestApp,
  token: string,
  path: { open: string } | { join: string },
  options: { expectedTotalFen?: number; key?: string } = {},
): Promise<LightMyRequestResponse> {
  const base = 'open' in path ? `/api/group-buys/${path.open}` : `/api/group-buys/groups/${path.join}`;
  let expectedTotalFen = options.expectedTotalFen;
  if (expectedTotalFen === undefined) {
    const quoted = await quoteRequest(t, token, `${base}/quote`);
    // A refused quote: send anything, the order is refused the same way.
    expectedTotalFen = quoted.statusCode === 200 ? (quoted.json() as OrderQuoteView).totalFen : 0;
  }
  return t.app.inject({
    method: 'POST',
    url: `${base}/${'open' in path ? 'open' : 'join'}`,
    headers: { ...bearer(token), 'idempotency-key': options.key ?? randomUUID() },
    payload: { address: SHENZHEN, expectedTotalFen },
  });
}

/** The group and seat an order of the group-buy belongs to. */
export async function seatOfOrder(db: Database, orderId: string) {
  return db.selectFrom('group_buy_members').selectAll().where('order_id', '=', orderId).executeTakeFirstOrThrow();
}

/** The leader opens a group (must succeed): the order and the group's id. */
export async function openGroup(
  t: TestApp,
  token: string,
  activityId: string,
): Promise<{ order: Order; groupId: string }> {
  const response = await orderRequest(t, token, { open: activityId });
  expect(response.statusCode, response.body).toBe(201);
  const order = response.json() as Order;
  return { order, groupId: (await seatOfOrder(t.db, order.id)).group_id };
}

/** Pays an order through the sandbox (pay page, then TRANSACTION.SUCCESS delivered). */
export async function payOrder(t: TestApp, token: string, orderId: string): Promise<void> {
  await sandboxPays(t, prepayIdOf(await startPay(t, token, orderId)));
}

/** A group whose leader has paid: open to others. */
export async function openPaidGroup(t: TestApp, token: string, activityId: string) {
  const opened = await openGroup(t, token, activityId);
  await payOrder(t, token, opened.order.id);
  return opened;
}

/** Everything a refusal must leave as it was: the group, its seats, and the orders. */
export async function groupState(db: Database, groupId: string) {
  const [group, members, orders] = await Promise.all([
    db.selectFrom('group_buy_groups').selectAll().where('id', '=', groupId).executeTakeFirstOrThrow(),
    db
      .selectFrom('group_buy_members')
      .select(['id', 'seat_no', 'user_id', 'status', 'order_id'])
      .where('group_id', '=', groupId)
      .orderBy('seat_no')
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { group, members, orderCount: Number(orders.n) };
}

export async function orderStatusOf(db: Database, orderId: string): Promise<string> {
  return (await db.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirstOrThrow()).status;
}

/** Refunds of an order's payment, oldest first. */
export async function refundsOfOrder(db: Database, orderId: string) {
  return db
    .selectFrom('refunds as r')
    .innerJoin('payments as p', 'p.id', 'r.payment_id')
    .select(['r.out_refund_no', 'r.amount_fen', 'r.status', 'r.purpose'])
    .where('p.order_id', '=', orderId)
    .orderBy('r.created_at')
    .execute();
}
