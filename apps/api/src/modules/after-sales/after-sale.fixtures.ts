import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { bearer, type TestApp } from '../../test/test-app';
import { placeBuyNow } from '../orders/order.fixtures';
import { prepayIdOf, SKU, sandboxPays, startPay } from '../payments/payment-test-kit';

/** The operators' token the after-sale and review tests configure. */
export const OPS_TOKEN = 'after-sale-test-ops-token-0123456789abcdef';
export const OPS = { authorization: `Bearer ${OPS_TOKEN}` };

/**
 * An order of the shopper brought to `state` the way it gets there in production: placed,
 * paid on the sandbox (signed notification), shipped by the operators' route, confirmed by the
 * shopper's route.
 */
export async function orderIn(
  t: TestApp,
  token: string,
  state: 'paid' | 'shipped' | 'completed',
  options: { skuId?: string; quantity?: number; pointsToUse?: number } = {},
): Promise<{ id: string; orderNo: string; totalFen: number }> {
  const id = await placeBuyNow(t, token, [{ skuId: options.skuId ?? SKU, quantity: options.quantity ?? 1 }], {
    pointsToUse: options.pointsToUse,
  });
  const row = await t.db
    .selectFrom('orders')
    .select(['order_no', 'total_fen'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const order = { id, orderNo: row.order_no, totalFen: row.total_fen };
  await sandboxPays(t, prepayIdOf(await startPay(t, token, order.id)));
  if (state === 'paid') return order;
  const shipped = await t.app.inject({
    method: 'POST',
    url: `/api/ops/orders/${order.id}/ship`,
    headers: OPS,
    payload: { company: '顺丰速运', trackingNo: `SF${Date.now()}` },
  });
  expect(shipped.statusCode, shipped.body).toBe(200);
  if (state === 'shipped') return order;
  const confirmed = await t.app.inject({
    method: 'POST',
    url: `/api/orders/${order.id}/confirm`,
    headers: bearer(token),
  });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return order;
}

export function requestAfterSale(
  t: TestApp,
  token: string,
  orderId: string,
  body: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/api/orders/${orderId}/after-sales`,
    headers: bearer(token),
    payload: body,
  });
}

export function opsDecide(
  t: TestApp,
  afterSaleId: string,
  decision: 'approve' | 'refuse',
  body: Record<string, unknown> = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/api/ops/after-sales/${afterSaleId}/${decision}`,
    headers: OPS,
    payload: body,
  });
}
