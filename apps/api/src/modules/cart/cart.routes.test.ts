import { type Cart, cartSchema } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectContract, expectError, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';

describe.each(testDatabases())('cart API on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  const getCart = async (token: string): Promise<Cart> => {
    const response = await t.app.inject({ method: 'GET', url: '/api/cart', headers: bearer(token) });
    expect(response.statusCode, response.body).toBe(200);
    return expectContract(cartSchema, response);
  };
  const add = (token: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/cart/items', headers: bearer(token), payload: payload as object });
  const patch = (token: string, skuId: string, payload: unknown) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/cart/items/${skuId}`,
      headers: bearer(token),
      payload: payload as object,
    });
  const remove = (token: string, skuId: string) =>
    t.app.inject({ method: 'DELETE', url: `/api/cart/items/${skuId}`, headers: bearer(token) });
  const quantities = (cart: Cart) => Object.fromEntries(cart.items.map((i) => [i.skuId, i.quantity]));

  it('starts empty', async () => {
    const token = await freshShopper(t);
    expect(await getCart(token)).toEqual({ items: [], count: 0, selectedTotalFen: 0, updatedAt: null });
  });

  it('adds a line with price, spec text, image and totals', async () => {
    const token = await freshShopper(t);
    const response = await add(token, { skuId: 'sku-sneaker-b38', quantity: 2 });
    expect(response.statusCode, response.body).toBe(200);
    const cart = expectContract(cartSchema, response);
    expect(cart.items).toEqual([
      {
        skuId: 'sku-sneaker-b38',
        productId: 'p-sneaker',
        title: '经典小白鞋',
        specText: '黑 / 38',
        imageUrl: 'http://shop.test/static/products/p-sneaker.jpg',
        unitPriceFen: 41900,
        quantity: 2,
        stock: 200,
        selected: true,
        lineTotalFen: 83800,
      },
    ]);
    expect(cart).toMatchObject({ count: 2, selectedTotalFen: 83800, updatedAt: t.time.clock().toISOString() });
    expect(await getCart(token)).toEqual(cart);
  });

  it('merges a second add of the same SKU into one line', async () => {
    const token = await freshShopper(t);
    await add(token, { skuId: 'sku-toner', quantity: 3 });
    await add(token, { skuId: 'sku-serum-30', quantity: 1 });
    const response = await add(token, { skuId: 'sku-toner', quantity: 4 });
    const cart = expectContract(cartSchema, response);
    expect(quantities(cart)).toEqual({ 'sku-toner': 7, 'sku-serum-30': 1 });
    expect(cart.count).toBe(8);
    expect(cart.selectedTotalFen).toBe(7 * 8900 + 15900);
  });

  it('refuses to add beyond stock with 409 INSUFFICIENT_STOCK and leaves the line as it was', async () => {
    const token = await freshShopper(t);
    await add(token, { skuId: 'sku-serum-50', quantity: 3 }); // stock 5
    const over = await add(token, { skuId: 'sku-serum-50', quantity: 3 });
    const body = expectError(over, 409, 'INSUFFICIENT_STOCK');
    expect(body.message).toBe('库存不足，仅剩 5 件，购物车中已有 3 件');
    expect(body.details).toEqual({ skuId: 'sku-serum-50', stock: 5, inCart: 3 });
    expect(quantities(await getCart(token))).toEqual({ 'sku-serum-50': 3 });

    // Exactly up to stock is fine.
    expect((await add(token, { skuId: 'sku-serum-50', quantity: 2 })).statusCode).toBe(200);
    expect(quantities(await getCart(token))).toEqual({ 'sku-serum-50': 5 });

    const fresh = await freshShopper(t);
    expectError(await add(fresh, { skuId: 'sku-serum-50', quantity: 6 }), 409, 'INSUFFICIENT_STOCK');
    const soldOut = expectError(await add(fresh, { skuId: 'sku-cream-50', quantity: 1 }), 409, 'INSUFFICIENT_STOCK');
    expect(soldOut.message).toBe('该商品已售罄');
    expect((await getCart(fresh)).items).toEqual([]);
  });

  it('caps a line at 99 when merging and refuses more than 99 in one request', async () => {
    const token = await freshShopper(t);
    await add(token, { skuId: 'sku-toner', quantity: 60 });
    const merged = expectContract(cartSchema, await add(token, { skuId: 'sku-toner', quantity: 60 }));
    expect(quantities(merged)).toEqual({ 'sku-toner': 99 });
    expectError(await add(token, { skuId: 'sku-toner', quantity: 100 }), 400, 'VALIDATION_FAILED');
  });

  it('answers 404 SKU_NOT_FOUND for an unknown SKU', async () => {
    const token = await freshShopper(t);
    expectError(await add(token, { skuId: 'sku-nope', quantity: 1 }), 404, 'SKU_NOT_FOUND');
    expect((await getCart(token)).items).toEqual([]);
  });

  it('rejects zero, negative, fractional and missing quantities and changes nothing', async () => {
    const token = await freshShopper(t);
    await add(token, { skuId: 'sku-toner', quantity: 2 });
    const before = await getCart(token);
    for (const payload of [
      { skuId: 'sku-toner', quantity: 0 },
      { skuId: 'sku-toner', quantity: -3 },
      { skuId: 'sku-toner', quantity: 1.5 },
      { skuId: 'sku-toner', quantity: '2' },
      { skuId: 'sku-toner' },
      { quantity: 1 },
      [],
    ]) {
      const body = expectError(await add(token, payload), 400, 'VALIDATION_FAILED');
      expect(body.details).toHaveProperty('issues');
    }
    for (const payload of [{ quantity: -1 }, { quantity: 0 }, { quantity: 100 }, { selected: 'yes' }, {}]) {
      expectError(await patch(token, 'sku-toner', payload), 400, 'VALIDATION_FAILED');
    }
    expect(await getCart(token)).toEqual(before);
  });

  it('rejects a malformed JSON body with 400 MALFORMED_JSON and changes nothing', async () => {
    const token = await freshShopper(t);
    await add(token, { skuId: 'sku-toner', quantity: 2 });
    const before = await getCart(token);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/cart/items',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      payload: '{"skuId":"sku-toner","quantity":5',
    });
    expectError(response, 400, 'MALFORMED_JSON');
    const badPatch = await t.app.inject({
      method: 'PATCH',
      url: '/api/cart/items/sku-toner',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      payload: '{quantity: 9}',
    });
    expectError(badPatch, 400, 'MALFORMED_JSON');
    expect(await getCart(token)).toEqual(before);
  });

  it('ignores unknown fields in the body', async () => {
    const token = await freshShopper(t);
    const response = await add(token, { skuId: 'sku-toner', quantity: 1, priceFen: 1, userId: 'someone-else' });
    const cart = expectContract(cartSchema, response);
    expect(cart.items[0]).toMatchObject({ skuId: 'sku-toner', quantity: 1, unitPriceFen: 8900 });
  });

  it('sets quantity and selection of a line', async () => {
    const token = await freshShopper(t);
    await add(token, { skuId: 'sku-toner', quantity: 2 });
    await add(token, { skuId: 'sku-serum-30', quantity: 1 });

    const updated = expectContract(cartSchema, await patch(token, 'sku-toner', { quantity: 5 }));
    expect(quantities(updated)).toEqual({ 'sku-toner': 5, 'sku-serum-30': 1 });
    expect(updated.selectedTotalFen).toBe(5 * 8900 + 15900);

    const unselected = expectContract(cartSchema, await patch(token, 'sku-serum-30', { selected: false }));
    expect(unselected.selectedTotalFen).toBe(5 * 8900);
    expect(unselected.count).toBe(6);
    expect(unselected.items.find((i) => i.skuId === 'sku-serum-30')?.selected).toBe(false);

    const both = expectContract(cartSchema, await patch(token, 'sku-serum-30', { quantity: 2, selected: true }));
    expect(both.selectedTotalFen).toBe(5 * 8900 + 2 * 15900);
  });

  it('refuses a quantity above stock on update and leaves the line as it was', async () => {
    const token = await freshShopper(t);
    await add(token, { skuId: 'sku-serum-50', quantity: 2 });
    const body = expectError(
      await patch(token, 'sku-serum-50', { quantity: 6, selected: false }),
      409,
      'INSUFFICIENT_STOCK',
    );
    expect(body.details).toMatchObject({ stock: 5, inCart: 2 });
    const cart = await getCart(token);
    expect(cart.items[0]).toMatchObject({ quantity: 2, selected: true });
  });

  it('removes a line, and answers 404 CART_ITEM_NOT_FOUND for a line that is not there', async () => {
    const token = await freshShopper(t);
    await add(token, { skuId: 'sku-toner', quantity: 2 });
    await add(token, { skuId: 'sku-serum-30', quantity: 1 });
    const removed = expectContract(cartSchema, await remove(token, 'sku-toner'));
    expect(quantities(removed)).toEqual({ 'sku-serum-30': 1 });
    expectError(await remove(token, 'sku-toner'), 404, 'CART_ITEM_NOT_FOUND');
    expectError(await patch(token, 'sku-toner', { quantity: 1 }), 404, 'CART_ITEM_NOT_FOUND');
    expectError(await patch(token, 'sku-nope', { selected: true }), 404, 'CART_ITEM_NOT_FOUND');
  });

  it('accepts a DELETE that carries a JSON content type but no body (mini-program request wrappers)', async () => {
    const token = await freshShopper(t);
    await add(token, { skuId: 'sku-toner', quantity: 2 });
    const response = await t.app.inject({
      method: 'DELETE',
      url: '/api/cart/items/sku-toner',
      headers: { ...bearer(token), 'content-type': 'application/json' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect((response.json() as Cart).items).toEqual([]);
  });

  it('keeps carts of different shoppers apart', async () => {
    const alice = await freshShopper(t);
    const bob = await freshShopper(t);
    await add(alice, { skuId: 'sku-toner', quantity: 2 });
    await add(bob, { skuId: 'sku-serum-30', quantity: 1 });
    expectError(await remove(bob, 'sku-toner'), 404, 'CART_ITEM_NOT_FOUND');
    expect(quantities(await getCart(alice))).toEqual({ 'sku-toner': 2 });
    expect(quantities(await getCart(bob))).toEqual({ 'sku-serum-30': 1 });
  });

  // Meaningful on PostgreSQL (a pool of connections racing); PGlite runs them one by one.
  it(`never loses or oversells concurrent adds to one line (${database.name})`, async () => {
    const token = await freshShopper(t);
    const adds = await Promise.all(
      Array.from({ length: 12 }, () => add(token, { skuId: 'sku-serum-50', quantity: 1 })),
    );
    const statuses = adds.map((r) => r.statusCode).sort();
    // Stock is 5: exactly five adds win, the rest are refused, and the line holds five.
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    expect(quantities(await getCart(token))).toEqual({ 'sku-serum-50': 5 });

    const merged = await Promise.all(Array.from({ length: 10 }, () => add(token, { skuId: 'sku-toner', quantity: 3 })));
    expect(merged.every((r) => r.statusCode === 200)).toBe(true);
    expect(quantities(await getCart(token))['sku-toner']).toBe(30);
  });

  it('requires a session for every cart route', async () => {
    for (const [method, url] of [
      ['GET', '/api/cart'],
      ['POST', '/api/cart/items'],
      ['PATCH', '/api/cart/items/sku-toner'],
      ['DELETE', '/api/cart/items/sku-toner'],
    ] as const) {
      expectError(
        await t.app.inject({
          method,
          url,
          payload: method === 'GET' ? undefined : { skuId: 'sku-toner', quantity: 1 },
        }),
        401,
        'UNAUTHENTICATED',
      );
    }
  });
});
