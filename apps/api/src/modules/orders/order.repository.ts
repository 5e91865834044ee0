import { autoConfirmAt, ORDER_STATUSES, ORDER_TRANSITIONS, type OrderStatus } from '@wematrix/shared';
import { type Insertable, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/database';
import type { Executor } from '../../db/executor';
import type { OrderLineRow, OrderLinesTable, OrderRow, OrdersTable } from './order.table';

/** One order by id, or undefined. No owner check: callers that serve a shopper add one. */
export function findOrderById(executor: Executor, orderId: string): Promise<OrderRow | undefined> {
  return executor.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
}

/** One order by its number (WeChat Pay's out_trade_no), or undefined. */
export function findOrderByNo(executor: Executor, orderNo: string): Promise<OrderRow | undefined> {
  return executor.selectFrom('orders').selectAll().where('order_no', '=', orderNo).executeTakeFirst();
}

/**
 * 待付款 → 待发货, once: a conditional update, so a replayed notification, a second
 * instance or a payment racing the deadline job changes nothing. 'not_pending' when the order
 * is in any other state (already paid, cancelled ...): nothing was written, and the payment
 * flow decides what to do with the money (refund it).
 */
export async function markOrderPaid(
  executor: Executor,
  input: { orderId: string; paidAt: Date },
): Promise<'paid' | 'not_pending'> {
  return (await moveOrderToPaid(executor, input)) ? 'paid' : 'not_pending';
}

/**
 * markOrderPaid answering the campaign the order was placed in (campaign_kind/ref), for the
 * paid hook of campaign orders; undefined when the order was not pending (nothing written).
 */
export async function moveOrderToPaid(
  executor: Executor,
  { orderId, paidAt }: { orderId: string; paidAt: Date },
): Promise<Pick<OrderRow, 'id' | 'user_id' | 'campaign_kind' | 'campaign_ref'> | undefined> {
  return executor
    .updateTable('orders')
    .set({ status: 'paid', paid_at: paidAt, updated_at: paidAt })
    .where('id', '=', orderId)
    .where('status', '=', 'pending_payment')
    .returning(['id', 'user_id', 'campaign_kind', 'campaign_ref'])
    .executeTakeFirst();
}

/**
 * → 已退款 from 售后中, 待发货 (refunded in full before shipping) or 已取消 (a payment that
 * arrived after the cancel, refunded). Status only: stock, coupon and points are the refund
 * flow's decision (a 仅退款 keeps the goods with the shopper). 'not_refundable' otherwise.
 */
export async function markOrderRefunded(
  executor: Executor,
  { orderId, at }: { orderId: string; at: Date },
): Promise<'refunded' | 'not_refundable'> {
  const rows = await executor
    .updateTable('orders')
    .set({ status: 'refunded', refunded_at: at, updated_at: at })
    .where('id', '=', orderId)
    .where('status', 'in', ['after_sale', 'paid', 'cancelled'])
    .returning('id')
    .execute();
  return rows.length === 1 ? 'refunded' : 'not_refundable';
}

/**
 * 待发货 → 售后中 when the shopper asks for their money back before shipping: a conditional
 * update, so it happens once and never to an order the operator shipped meanwhile.
 * 'not_paid' when the order is in any other state: nothing was written.
 */
export async function markOrderAfterSale(
  executor: Executor,
  { orderId, at }: { orderId: string; at: Date },
): Promise<'after_sale' | 'not_paid'> {
  const rows = await executor
    .updateTable('orders')
    .set({ status: 'after_sale', updated_at: at })
    .where('id', '=', orderId)
    .where('status', '=', 'paid')
    .returning('id')
    .execute();
  return rows.length === 1 ? 'after_sale' : 'not_paid';
}

/**
 * 待发货 / 待收货 / 已完成 → 售后中 when the shopper requests an after-sale: conditional on the
 * exact state the caller read (`from`), so the state stored as "before" is the one left, and
 * an order shipped, confirmed or already in after-sale meanwhile is refused with nothing written.
 */
export async function moveOrderToAfterSale(
  executor: Executor,
  move: { orderId: string; userId: string; from: OrderStatus; at: Date },
): Promise<boolean> {
  if (!ORDER_TRANSITIONS.request_after_sale.from.includes(move.from)) return false;
  const rows = await executor
    .updateTable('orders')
    .set({ status: 'after_sale', updated_at: move.at })
    .where('id', '=', move.orderId)
    .where('user_id', '=', move.userId)
    .where('status', '=', move.from)
    .returning('id')
    .execute();
  return rows.length === 1;
}

/**
 * 售后中 → the state before it (an operator refused the after-sale): conditional on 售后中.
 * A 待收货 order whose auto-confirm deadline passed meanwhile is completed by the next tick
 * of the auto-confirm job, as if the request had never paused it.
 */
export async function returnOrderFromAfterSale(
  executor: Executor,
  back: { orderId: string; to: 'paid' | 'shipped' | 'completed'; at: Date },
): Promise<boolean> {
  const rows = await executor
    .updateTable('orders')
    .set({ status: back.to, updated_at: back.at })
    .where('id', '=', back.orderId)
    .where('status', '=', 'after_sale')
    .returning('id')
    .execute();
  return rows.length === 1;
}

/** The first line's title and how many lines the order has (what a payment sheet names). */
export async function orderHeadline(
  executor: Executor,
  orderId: string,
): Promise<{ firstTitle: string | null; lineCount: number }> {
  const lines = await executor
    .selectFrom('order_lines')
    .select('title')
    .where('order_id', '=', orderId)
    .orderBy('line_no')
    .execute();
  return { firstTitle: lines[0]?.title ?? null, lineCount: lines.length };
}

export type NewOrder = Omit<Insertable<OrdersTable>, 'id' | 'order_no'>;

/**
 * Inserts an order under a fresh number from `orderNo()` and answers the stored row (ids and
 * defaults filled in), so the caller need not read it back. The insert is
 * `on conflict (order_no) do nothing`, so the rare duplicate number does not abort the
 * transaction: the next number is tried (at most 5; the fifth duplicate throws).
 */
export async function insertOrder(trx: Transaction<DB>, order: NewOrder, orderNo: () => string): Promise<OrderRow> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const row = await trx
      .insertInto('orders')
      .values({ ...order, order_no: orderNo() })
      .onConflict((oc) => oc.column('order_no').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (row) return row;
  }
  throw new Error('five order numbers in a row were taken');
}

/** Inserts an order's lines and answers them as stored, in line order (as listOrderLines). */
export async function insertOrderLines(
  trx: Transaction<DB>,
  lines: Insertable<OrderLinesTable>[],
): Promise<OrderLineRow[]> {
  const rows = await trx.insertInto('order_lines').values(lines).returningAll().execute();
  return rows.sort((a, b) => a.line_no - b.line_no);
}

/** The lines of these orders, each order's in line order. */
export function listOrderLines(executor: Executor, orderIds: readonly string[]): Promise<OrderLineRow[]> {
  if (orderIds.length === 0) return Promise.resolve([]);
  return executor
    .selectFrom('order_lines')
    .selectAll()
    .where('order_id', 'in', [...orderIds])
    .orderBy('order_id')
    .orderBy('line_no')
    .execute();
}

/** One of the shopper's orders; another shopper's is as unknown as a made-up id. */
export function findShopperOrder(
  executor: Executor,
  { userId, orderId }: { userId: string; orderId: string },
): Promise<OrderRow | undefined> {
  return executor
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', orderId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/**
 * One of the shopper's orders with a FOR SHARE lock: its state cannot change (no conditional
 * update can take the row) until the caller's transaction ends, while other readers go on.
 */
export function lockShopperOrderForShare(
  trx: Transaction<DB>,
  { userId, orderId }: { userId: string; orderId: string },
): Promise<OrderRow | undefined> {
  return trx
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', orderId)
    .where('user_id', '=', userId)
    .forShare()
    .executeTakeFirst();
}

/**
 * A page of the shopper's orders, newest first (created_at, then id, both descending), after
 * `before` when given: keyset on (user_id[, status], created_at desc, id desc), served by the
 * two orders_user_* indexes, so a deep page costs what the first does.
 */
export function listShopperOrders(
  executor: Executor,
  query: { userId: string; status?: OrderStatus; before?: { createdAt: Date; id: string }; limit: number },
): Promise<OrderRow[]> {
  let select = executor.selectFrom('orders').selectAll().where('user_id', '=', query.userId);
  if (query.status) select = select.where('status', '=', query.status);
  const before = query.before;
  if (before) {
    select = select.where(sql<boolean>`(created_at, id) < (${before.createdAt}::timestamptz, ${before.id}::uuid)`);
  }
  return select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
}

/** How many of the shopper's orders are in each state (0 for the rest). */
export async function countShopperOrders(executor: Executor, userId: string): Promise<Record<OrderStatus, number>> {
  const rows = await executor
    .selectFrom('orders')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('user_id', '=', userId)
    .groupBy('status')
    .execute();
  const counts = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/**
 * 待发货 → 待收货 (the operator ships): one conditional update that also starts the 7-day
 * auto-confirm deadline. Undefined when the order is not paid (nothing written).
 */
export function markOrderShipped(
  executor: Executor,
  ship: { orderId: string; company: string; trackingNo: string; now: Date },
): Promise<OrderRow | undefined> {
  return executor
    .updateTable('orders')
    .set({
      status: 'shipped',
      shipping_company: ship.company,
      tracking_no: ship.trackingNo,
      shipped_at: ship.now,
      auto_confirm_at: autoConfirmAt(ship.now),
      updated_at: ship.now,
    })
    .where('id', '=', ship.orderId)
    .where('status', 'in', ORDER_TRANSITIONS.ship.from)
    .returningAll()
    .executeTakeFirst();
}

/** 待收货 → 已完成 (确认收货 by the shopper), conditional; undefined when not shipped or not theirs. */
export function markOrderCompleted(
  executor: Executor,
  done: { orderId: string; userId: string; now: Date },
): Promise<OrderRow | undefined> {
  return executor
    .updateTable('orders')
    .set({ status: 'completed', completed_at: done.now, updated_at: done.now })
    .where('id', '=', done.orderId)
    .where('user_id', '=', done.userId)
    .where('status', 'in', ORDER_TRANSITIONS.confirm.from)
    .returningAll()
    .executeTakeFirst();
}
