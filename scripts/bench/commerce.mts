import { randomUUID } from 'node:crypto';
import type { BenchRequest } from './measure.mts';
import { type BenchShopper, orderBasket, previewBasket } from './seed-bench-shoppers.mts';

/** The commerce paths the bench can load, by the name `--only` takes. */
export const COMMERCE_SCENARIOS = ['search', 'cart', 'preview', 'order'] as const;
export type CommerceScenario = (typeof COMMERCE_SCENARIOS)[number];

/** Points a preview and an order use: well under the 50% cap of every basket. */
export const BENCH_POINTS_PER_ORDER = 100;

export interface CommerceEndpoint {
  scenario: CommerceScenario;
  /** The row's name in the report; its ceiling is `bare-<name>`. */
  name: string;
  /** One request per call: the next shopper of the pool, a fresh Idempotency-Key for orders. */
  next: () => BenchRequest;
}

interface SignedIn extends BenchShopper {
  token: string;
  /** What the preview says this shopper's order costs (the order's expectedTotalFen). */
  orderTotalFen: number;
}

const json = (token: string, extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${token}`,
  'content-type': 'application/json',
  ...extra,
});

async function call(apiUrl: string, sent: BenchRequest): Promise<{ status: number; text: string }> {
  const response = await fetch(`${apiUrl}${sent.path}`, {
    method: sent.method,
    headers: sent.headers,
    body: sent.body,
  });
  return { status: response.status, text: await response.text() };
}

async function mustCall(apiUrl: string, sent: BenchRequest): Promise<string> {
  const { status, text } = await call(apiUrl, sent);
  if (status >= 300) throw new Error(`${sent.method} ${sent.path} answered ${status}: ${text}`);
  return text;
}

/** Round robin over the pool: consecutive requests come from different shoppers. */
function rotating<T>(pool: readonly T[]): () => T {
  let i = 0;
  return () => {
    const item = pool[i % pool.length] as T;
    i += 1;
    return item;
  };
}

const orderBody = (s: SignedIn, products: number, index: number) =>
  JSON.stringify({
    lines: orderBasket(index + 1, products),
    source: 'buy_now',
    addressId: s.addressId,
    pointsToUse: BENCH_POINTS_PER_ORDER,
    expectedTotalFen: s.orderTotalFen,
  });

/**
 * Signs every shopper in through the dev login (as the H5 demo and the tests' demo shoppers
 * do; the bench's own config turns it on, production code is unchanged), prices each
 * shopper's order basket through the preview (the total the order must name), and answers
 * the requests of each scenario.
 */
export async function prepareCommerce(
  apiUrl: string,
  shoppers: readonly BenchShopper[],
  options: { products: number; keyword: string },
): Promise<CommerceEndpoint[]> {
  const signedIn: SignedIn[] = [];
  for (const [index, shopper] of shoppers.entries()) {
    const session = JSON.parse(
      await mustCall(apiUrl, {
        method: 'POST',
        path: '/api/auth/dev',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ shopper: shopper.key }),
      }),
    ) as { token: string };
    const preview = JSON.parse(
      await mustCall(apiUrl, {
        method: 'POST',
        path: '/api/checkout/preview',
        headers: json(session.token),
        body: JSON.stringify({
          lines: orderBasket(index + 1, options.products),
          region: { regionCode: '310101' },
          points: BENCH_POINTS_PER_ORDER,
        }),
      }),
    ) as { quote: { totalFen: number } };
    signedIn.push({ ...shopper, token: session.token, orderTotalFen: preview.quote.totalFen });
  }
  const indexed = signedIn.map((s, index) => ({ s, index }));
  const nextShopper = rotating(indexed);
  const nextForCart = rotating(indexed);
  const nextForPreview = rotating(indexed);
  const basket = previewBasket(options.products);
  return [
    {
      scenario: 'search',
      name: 'search-products',
      // Anonymous, as most searches are: the page comes from the cache, the search is
      // still recorded (search_events) on every first page.
      next: () => ({ method: 'GET', path: `/api/search/products?q=${encodeURIComponent(options.keyword)}` }),
    },
    {
      scenario: 'cart',
      name: 'cart-add',
      next: () => {
        const { s, index } = nextForCart();
        const [line] = orderBasket(index + 1, options.products);
        return {
          method: 'POST',
          path: '/api/cart/items',
          headers: json(s.token),
          body: JSON.stringify({ skuId: line?.skuId, quantity: 1 }),
        };
      },
    },
    {
      scenario: 'preview',
      name: 'checkout-preview',
      next: () => {
        const { s } = nextForPreview();
        return {
          method: 'POST',
          path: '/api/checkout/preview',
          headers: json(s.token),
          body: JSON.stringify({
            lines: basket,
            region: { regionCode: '310101' },
            userCouponId: s.userCouponId,
            points: BENCH_POINTS_PER_ORDER,
          }),
        };
      },
    },
    {
      scenario: 'order',
      name: 'order-create',
      next: () => {
        const { s, index } = nextShopper();
        return {
          method: 'POST',
          path: '/api/orders',
          headers: json(s.token, { 'idempotency-key': randomUUID() }),
          body: orderBody(s, options.products, index),
        };
      },
    },
  ];
}

/** One answer of each endpoint, for the bare route that sends a body of the same size. */
export async function sampleAnswer(apiUrl: string, endpoint: CommerceEndpoint): Promise<string> {
  return mustCall(apiUrl, endpoint.next());
}
