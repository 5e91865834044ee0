import { inject } from 'vitest';
import { baseUrl } from './browser';

interface CartLine {
  skuId: string;
}
interface CartBody {
  items: CartLine[];
  count: number;
}

async function call<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl()}/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} /api${path} -> HTTP ${response.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : null) as T;
}

/**
 * Empties a demo shopper's cart through the API, so a journey starts from a known state
 * even when the database outlives one run (DATABASE_URL). The journey itself goes through
 * the UI; this is only the "given".
 */
export async function emptyCartOf(shopperKey: string): Promise<void> {
  const { token } = await call<{ token: string }>('POST', '/auth/dev', undefined, { shopper: shopperKey });
  const cart = await call<CartBody>('GET', '/cart', token);
  for (const line of cart.items) await call('DELETE', `/cart/items/${encodeURIComponent(line.skuId)}`, token);
  const after = await call<CartBody>('GET', '/cart', token);
  if (after.count !== 0) throw new Error(`could not empty ${shopperKey}'s cart (count ${after.count})`);
}

/** Signs a demo shopper in through the API and returns the session token. */
export async function tokenOf(shopperKey: string): Promise<string> {
  return (await call<{ token: string }>('POST', '/auth/dev', undefined, { shopper: shopperKey })).token;
}

/**
 * Gives a demo shopper a default delivery address when they have none (the "given" of a
 * checkout journey; the address book's own screens are not what it is about).
 */
export async function ensureAddressOf(shopperKey: string): Promise<void> {
  const token = await tokenOf(shopperKey);
  const book = await call<{ items: unknown[] }>('GET', '/me/addresses', token);
  if (book.items.length > 0) return;
  await call('POST', '/me/addresses', token, {
    recipient: '林小满',
    phone: '13800138000',
    regionCode: '440305',
    detail: '科技园南区 8 栋 1203',
    isDefault: true,
  });
}

export interface OrderBody {
  id: string;
  orderNo: string;
  status: string;
  totalFen: number;
}

export function orderOf(shopperKey: string, orderId: string): Promise<OrderBody> {
  return tokenOf(shopperKey).then((token) => call<OrderBody>('GET', `/orders/${encodeURIComponent(orderId)}`, token));
}

/** The shopper's order counts per state (GET /api/orders/counts), as the member centre shows them. */
export async function orderCountsOf(shopperKey: string): Promise<Record<string, number>> {
  return call<Record<string, number>>('GET', '/orders/counts', await tokenOf(shopperKey));
}

/** Claims every coupon the shop offers a demo shopper now (those still claimable). */
export async function claimAllCouponsOf(shopperKey: string): Promise<void> {
  const token = await tokenOf(shopperKey);
  const { items } = await call<{ items: { templateId: string; remaining: number; claimedByMe: number }[] }>(
    'GET',
    '/coupons/claimable',
    token,
  );
  for (const coupon of items) {
    if (coupon.remaining === 0 || coupon.claimedByMe > 0) continue;
    await call('POST', `/coupons/${encodeURIComponent(coupon.templateId)}/claim`, token);
  }
}

/** Ships an order as an operator would (the console comes later): POST /api/ops/orders/:id/ship. */
export async function shipOrder(orderId: string): Promise<void> {
  const response = await fetch(`${baseUrl()}/api/ops/orders/${encodeURIComponent(orderId)}/ship`, {
    method: 'POST',
    headers: { authorization: `Bearer ${inject('opsToken')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ company: '顺丰速运', trackingNo: 'SF1234567890' }),
  });
  if (!response.ok) throw new Error(`ship ${orderId}: HTTP ${response.status} ${await response.text()}`);
}

export async function cartCountOf(shopperKey: string): Promise<number> {
  return (await call<CartBody>('GET', '/cart', await tokenOf(shopperKey))).count;
}

async function opsCall<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl()}/api/ops${path}`, {
    method,
    headers: { authorization: `Bearer ${inject('opsToken')}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} /api/ops${path} -> HTTP ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** The shop approves the order's open after-sale request (a full refund through WeChat Pay). */
export async function approveAfterSaleOf(shopperKey: string, orderId: string): Promise<void> {
  const token = await tokenOf(shopperKey);
  const { items } = await call<{ items: { id: string; status: string }[] }>(
    'GET',
    `/orders/${encodeURIComponent(orderId)}/after-sales`,
    token,
  );
  const open = items.find((a) => a.status === 'pending');
  if (!open) throw new Error(`order ${orderId} has no pending after-sale`);
  await opsCall('POST', `/after-sales/${encodeURIComponent(open.id)}/approve`, {});
}

/** A SKU's stock as the product page's API reports it. */
export async function skuStock(productId: string, skuId: string): Promise<number> {
  const product = await call<{ skus: { id: string; stock: number }[] }>(
    'GET',
    `/products/${encodeURIComponent(productId)}`,
  );
  const sku = product.skus.find((s) => s.id === skuId);
  if (!sku) throw new Error(`no SKU ${skuId} on ${productId}`);
  return sku.stock;
}

/** Every SKU's stock of a product, by SKU id. */
export async function skuStocks(productId: string): Promise<Record<string, number>> {
  const product = await call<{ skus: { id: string; stock: number }[] }>(
    'GET',
    `/products/${encodeURIComponent(productId)}`,
  );
  return Object.fromEntries(product.skus.map((s) => [s.id, s.stock]));
}

export async function reviewCountOf(productId: string): Promise<number> {
  return (await call<{ summary: { count: number } }>('GET', `/products/${encodeURIComponent(productId)}/reviews`))
    .summary.count;
}

export async function orderLinesOf(
  shopperKey: string,
  orderId: string,
): Promise<{ productId: string; skuId: string; quantity: number }[]> {
  const token = await tokenOf(shopperKey);
  return (
    await call<{ lines: { productId: string; skuId: string; quantity: number }[] }>(
      'GET',
      `/orders/${encodeURIComponent(orderId)}`,
      token,
    )
  ).lines;
}

export async function addressCountOf(shopperKey: string): Promise<number> {
  return (await call<{ items: unknown[] }>('GET', '/me/addresses', await tokenOf(shopperKey))).items.length;
}

/** What the WeChat Pay sandbox itself recorded for one order (its refunds, by out_trade_no). */
export async function sandboxRefundsOf(orderNo: string): Promise<{ refundFen: number; status: string }[]> {
  const response = await fetch(`${inject('sandboxUrl')}/sandbox/pay/state`);
  const state = (await response.json()) as { refunds: { outTradeNo: string; refundFen: number; status: string }[] };
  return state.refunds.filter((r) => r.outTradeNo === orderNo).map(({ refundFen, status }) => ({ refundFen, status }));
}
