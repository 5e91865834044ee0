import { describe, expect, it } from 'vitest';
import type { Cart, CartItem } from '../schemas/cart';
import { createApiClient, type Transport, type TransportRequest, type TransportResponse } from './api-client';
import { cartCount, createCartStore } from './cart-store';

function item(skuId: string, quantity: number, unitPriceFen = 1000): CartItem {
  return {
    skuId,
    productId: `p-${skuId}`,
    title: `商品 ${skuId}`,
    specText: '默认',
    imageUrl: '/static/x.jpg',
    unitPriceFen,
    quantity,
    stock: 50,
    selected: true,
    lineTotalFen: unitPriceFen * quantity,
  };
}

function cartOf(items: CartItem[]): Cart {
  return {
    items,
    count: items.reduce((sum, line) => sum + line.quantity, 0),
    selectedTotalFen: items.filter((l) => l.selected).reduce((sum, l) => sum + l.lineTotalFen, 0),
    updatedAt: '2026-11-28T00:00:00.000Z',
  };
}

/** A fake server: answers each request with a scripted response and records what was sent. */
function scriptedTransport(responses: Array<TransportResponse | (() => Promise<TransportResponse>)>) {
  const sent: TransportRequest[] = [];
  const transport: Transport = async (request) => {
    sent.push(request);
    const next = responses.shift();
    if (!next) throw new Error(`unexpected request ${request.method} ${request.url}`);
    return typeof next === 'function' ? next() : next;
  };
  return { transport, sent };
}

function clientFor(transport: Transport) {
  return createApiClient({ baseUrl: 'http://api.test/', transport, getToken: () => 'tok-1' });
}

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('createCartStore', () => {
  it('starts empty with a zero badge', () => {
    const store = createCartStore(clientFor(scriptedTransport([]).transport));
    expect(store.getState().cart).toBeNull();
    expect(cartCount(store.getState().cart)).toBe(0);
  });

  it('refresh loads the server cart and sends the session token', async () => {
    const server = cartOf([item('a', 2), item('b', 1)]);
    const { transport, sent } = scriptedTransport([{ status: 200, data: server }]);
    const store = createCartStore(clientFor(transport));

    const result = await store.getState().refresh();

    expect(result).toEqual(server);
    expect(store.getState().cart).toEqual(server);
    expect(cartCount(store.getState().cart)).toBe(3);
    expect(sent[0]).toMatchObject({ method: 'GET', url: 'http://api.test/api/cart' });
    expect(sent[0]?.headers.authorization).toBe('Bearer tok-1');
  });

  it('add takes the cart the server answered, not a local merge', async () => {
    // The server already holds a line added from another app; the answer includes it.
    const answer = cartOf([item('from-campaign', 1), item('a', 3)]);
    const { transport, sent } = scriptedTransport([
      { status: 200, data: cartOf([item('a', 2)]) },
      { status: 200, data: answer },
    ]);
    const store = createCartStore(clientFor(transport));
    await store.getState().refresh();

    await store.getState().add({ skuId: 'a', quantity: 1 });

    expect(store.getState().cart).toEqual(answer);
    expect(cartCount(store.getState().cart)).toBe(4);
    expect(sent[1]).toMatchObject({
      method: 'POST',
      url: 'http://api.test/api/cart/items',
      body: { skuId: 'a', quantity: 1 },
    });
  });

  it('update and remove hit the SKU routes and replace the cart', async () => {
    const { transport, sent } = scriptedTransport([
      { status: 200, data: cartOf([item('a b', 5)]) },
      { status: 200, data: cartOf([]) },
    ]);
    const store = createCartStore(clientFor(transport));

    await store.getState().update('a b', { quantity: 5 });
    expect(cartCount(store.getState().cart)).toBe(5);
    await store.getState().remove('a b');

    expect(store.getState().cart?.items).toEqual([]);
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([
      'PATCH http://api.test/api/cart/items/a%20b',
      'DELETE http://api.test/api/cart/items/a%20b',
    ]);
  });

  it('keeps the last good cart and exposes the API message on failure', async () => {
    const good = cartOf([item('a', 1)]);
    const { transport } = scriptedTransport([
      { status: 200, data: good },
      { status: 409, data: { code: 'OUT_OF_STOCK', message: '库存不足', messageEn: 'out of stock' } },
    ]);
    const store = createCartStore(clientFor(transport));
    await store.getState().refresh();

    const result = await store.getState().add({ skuId: 'a', quantity: 99 });

    expect(result).toBeNull();
    expect(store.getState().cart).toEqual(good);
    expect(store.getState().error).toBe('库存不足');
    expect(store.getState().loading).toBe(false);
  });

  it('a slower, older answer never overwrites a newer one', async () => {
    const slow = deferred<TransportResponse>();
    const older = cartOf([item('a', 1)]);
    const newer = cartOf([item('a', 2)]);
    const { transport } = scriptedTransport([() => slow.promise, { status: 200, data: newer }]);
    const store = createCartStore(clientFor(transport));

    const first = store.getState().update('a', { quantity: 1 });
    await store.getState().update('a', { quantity: 2 });
    slow.resolve({ status: 200, data: older });
    await first;

    expect(store.getState().cart).toEqual(newer);
  });

  it('clear forgets the cart of the previous shopper', async () => {
    const { transport } = scriptedTransport([{ status: 200, data: cartOf([item('a', 1)]) }]);
    const store = createCartStore(clientFor(transport));
    await store.getState().refresh();

    store.getState().clear();

    expect(store.getState().cart).toBeNull();
    expect(cartCount(store.getState().cart)).toBe(0);
  });
});
