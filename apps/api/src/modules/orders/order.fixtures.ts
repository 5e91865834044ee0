import { randomUUID } from 'node:crypto';
import type { CheckoutPreview, PlaceOrderRequest } from '@wematrix/shared';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { bearer, type TestApp } from '../../test/test-app';

/** A typed-in address in 深圳市南山区 (not a remote province: no surcharge). */
export const SHENZHEN = {
  name: '林小满',
  phone: '13800138000',
  region: ['广东省', '深圳市', '南山区'] as [string, string, string],
  detail: '科技园 8 栋 1201',
};

/** POST /api/orders with an Idempotency-Key (a fresh one unless given). */
export function postOrder(
  t: TestApp,
  token: string,
  body: PlaceOrderRequest | Record<string, unknown>,
  key: string | null = randomUUID(),
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { ...bearer(token), ...(key === null ? {} : { 'idempotency-key': key }) },
    payload: body as object,
  });
}

/** The checkout preview's quote for these choices (the figures the mall shows before submitting). */
export async function previewQuote(
  t: TestApp,
  token: string,
  choice: {
    lines: Array<{ skuId: string; quantity: number }>;
    userCouponId?: string | null;
    points?: number;
    regionCode?: string;
  },
): Promise<CheckoutPreview['quote']> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/checkout/preview',
    headers: bearer(token),
    payload: {
      lines: choice.lines,
      userCouponId: choice.userCouponId ?? null,
      points: choice.points ?? 0,
      region: { regionCode: choice.regionCode ?? '440305' },
    },
  });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as CheckoutPreview).quote;
}

/** Places a 立即购买 order at the previewed price and returns its id (must succeed). */
export async function placeBuyNow(
  t: TestApp,
  token: string,
  lines: Array<{ skuId: string; quantity: number }>,
  extra: { userCouponId?: string; pointsToUse?: number } = {},
): Promise<string> {
  const quote = await previewQuote(t, token, { lines, userCouponId: extra.userCouponId, points: extra.pointsToUse });
  const response = await postOrder(t, token, {
    lines,
    source: 'buy_now',
    address: SHENZHEN,
    expectedTotalFen: quote.totalFen,
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: string }).id;
}

export async function stockOf(t: TestApp, skuId: string): Promise<number> {
  return (await t.db.selectFrom('skus').select('stock').where('id', '=', skuId).executeTakeFirstOrThrow()).stock;
}

export async function pointsOf(t: TestApp, userId: string): Promise<number> {
  const row = await t.db
    .selectFrom('points_accounts')
    .select('balance')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.balance ?? 0;
}

export async function couponState(
  t: TestApp,
  userCouponId: string,
): Promise<{ status: string; orderId: string | null }> {
  const row = await t.db
    .selectFrom('user_coupons')
    .select(['status', 'order_id'])
    .where('id', '=', userCouponId)
    .executeTakeFirstOrThrow();
  return { status: row.status, orderId: row.order_id };
}

export async function orderCountOf(t: TestApp, userId: string): Promise<number> {
  const row = await t.db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
