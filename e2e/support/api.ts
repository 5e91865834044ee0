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
