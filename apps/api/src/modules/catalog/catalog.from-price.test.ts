import { productDetailSchema, productPageSchema } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectContract, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { updateSkuPrice } from './catalog.repository';
import { changeSkuPrice } from './sku-price.writes';

describe.each(testDatabases())('product from-price and cached catalog reads on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  const fromPrice = (db: Pick<TestApp['db'], 'selectFrom'>, id: string) =>
    db
      .selectFrom('products')
      .select(['from_price_fen', 'from_original_price_fen'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('moves the from-price inside the transaction that reprices a SKU, and not on rollback', async () => {
    // Given the sneaker from 399 yuan (two white SKUs at 399, the black one at 419)
    expect(await fromPrice(t.db, 'p-sneaker')).toEqual({ from_price_fen: 39900, from_original_price_fen: 49900 });
    // When the black SKU drops to 299 and the transaction then fails
    const rolledBack = t.db.transaction().execute(async (trx) => {
      await updateSkuPrice(trx, 'sku-sneaker-b38', { priceFen: 29900, originalPriceFen: 41900 });
      // Then the product already shows it inside that transaction
      expect(await fromPrice(trx, 'p-sneaker')).toEqual({ from_price_fen: 29900, from_original_price_fen: 41900 });
      throw new Error('abort');
    });
    await expect(rolledBack).rejects.toThrow('abort');
    // And nothing of it survives the rollback
    expect(await fromPrice(t.db, 'p-sneaker')).toEqual({ from_price_fen: 39900, from_original_price_fen: 49900 });
  });

  it('follows SKU inserts, deletes and raises back to the next cheapest SKU', async () => {
    await t.db
      .insertInto('skus')
      .values({
        id: 'sku-toner-mini',
        product_id: 'p-toner',
        spec_values: [],
        price_fen: 3900,
        original_price_fen: null,
        stock: 1,
        image: null,
        sort: 2,
      })
      .execute();
    expect(await fromPrice(t.db, 'p-toner')).toEqual({ from_price_fen: 3900, from_original_price_fen: null });
    await t.db.deleteFrom('skus').where('id', '=', 'sku-toner-mini').execute();
    expect(await fromPrice(t.db, 'p-toner')).toEqual({ from_price_fen: 8900, from_original_price_fen: 12900 });
    // Stock moves (cart, orders) leave it alone.
    await t.db.updateTable('skus').set({ stock: 7 }).where('id', '=', 'sku-toner').execute();
    expect(await fromPrice(t.db, 'p-toner')).toEqual({ from_price_fen: 8900, from_original_price_fen: 12900 });
  });

  it('shows an edited price on the next read of a cached product, list and search', async () => {
    const before = expectContract(productDetailSchema, await get('/api/products/p-serum'));
    expect(before.priceFen).toBe(15900);
    await get('/api/products?sort=price_asc'); // cached too

    await changeSkuPrice(t.db, t.catalogCache, { skuId: 'sku-serum-30', priceFen: 25900, originalPriceFen: 29900 });

    // No clock moved: only invalidation can explain the fresh answers.
    const after = expectContract(productDetailSchema, await get('/api/products/p-serum'));
    expect(after).toMatchObject({ priceFen: 22900, originalPriceFen: 27900 });
    expect(after.skus.find((s) => s.id === 'sku-serum-30')?.priceFen).toBe(25900);
    const list = expectContract(productPageSchema, await get('/api/products?sort=price_asc'));
    expect(list.items.find((p) => p.id === 'p-serum')?.priceFen).toBe(22900);
    await expect(
      changeSkuPrice(t.db, t.catalogCache, { skuId: 'sku-nope', priceFen: 1, originalPriceFen: null }),
    ).rejects.toThrow();
  });

  it('answers 304 for a current ETag and 200 with a new one after an edit', async () => {
    const first = await get('/api/products/p-cream');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await get('/api/products/p-cream', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get('/api/products?sort=sales', { 'if-none-match': etag })).statusCode).toBe(200);

    await changeSkuPrice(t.db, t.catalogCache, { skuId: 'sku-cream-50', priceFen: 8800, originalPriceFen: 9900 });
    const changed = await get('/api/products/p-cream', { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.json()).toMatchObject({ priceFen: 8800 });
  });

  it('serves a write made behind its back for at most the TTL', async () => {
    expect(expectContract(productDetailSchema, await get('/api/products/p-toner')).title).toBe('清透爽肤水');
    await t.db.updateTable('products').set({ title: '改名了' }).where('id', '=', 'p-toner').execute();
    expect(expectContract(productDetailSchema, await get('/api/products/p-toner')).title).toBe('清透爽肤水');
    t.time.advance(t.config.catalogCacheTtlMs + 1);
    expect(expectContract(productDetailSchema, await get('/api/products/p-toner')).title).toBe('改名了');
  });
});
