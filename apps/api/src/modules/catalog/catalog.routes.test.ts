import { categorySchema, productDetailSchema, productPageSchema } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, expectContract, expectError, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';

describe.each(testDatabases())('catalog API on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = async (query: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/products${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return expectContract(productPageSchema, response);
  };
  const ids = async (query: string) => (await list(query)).items.map((p) => p.id);

  it('lists categories in order with product counts and absolute icon URLs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/categories' });
    const categories = expectContract(z.array(categorySchema), response);
    expect(categories.map((c) => [c.id, c.productCount])).toEqual([
      ['skincare', 3],
      ['shoes', 1],
      ['empty', 0],
    ]);
    expect(categories[0]?.icon).toBe('http://shop.test/static/categories/skincare.png');
  });

  it('pages by cursor without overlap, and counts only when asked', async () => {
    const first = await list('?pageSize=3');
    expect(first.items).toHaveLength(3);
    expect(first.total).toBeUndefined();
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(`?pageSize=3&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items].map((p) => p.id);
    expect(all).toEqual(['p-serum', 'p-cream', 'p-toner', 'p-sneaker']);
    expect((await list('?pageSize=4')).nextCursor).toBeNull();
    expect((await list('?pageSize=2&withTotal=true')).total).toBe(4);
    expect((await list('?categoryId=skincare&withTotal=true')).total).toBe(3);
    expect((await list('?q=nothing&withTotal=true')).total).toBe(0);
    expect((await list('?withTotal=false')).total).toBeUndefined();
  });

  it('refuses a malformed cursor and one made for another sort with CURSOR_INVALID', async () => {
    const { nextCursor } = await list('?pageSize=1&sort=sales');
    const foreign = await t.app.inject({
      method: 'GET',
      url: `/api/products?pageSize=1&sort=newest&cursor=${nextCursor}`,
    });
    expectError(foreign, 400, 'CURSOR_INVALID');
    const forged = Buffer.from(JSON.stringify(['sales', '1; drop table products', 'p-x'])).toString('base64url');
    for (const cursor of ['garbage', forged]) {
      const response = await t.app.inject({ method: 'GET', url: `/api/products?sort=sales&cursor=${cursor}` });
      expectError(response, 400, 'CURSOR_INVALID');
    }
  });

  it('summarises each product with its cheapest SKU and cover image', async () => {
    const { items } = await list('?q=精华');
    expect(items).toEqual([
      {
        id: 'p-serum',
        categoryId: 'skincare',
        title: '玻尿酸保湿精华液',
        subtitle: '深层补水 · 敏感肌可用',
        imageUrl: 'http://shop.test/static/products/p-serum-1.jpg',
        priceFen: 15900,
        originalPriceFen: 19900,
        sales: 1200,
        tags: ['新品', '热销'],
      },
    ]);
  });

  it('filters by category', async () => {
    expect(await ids('?categoryId=shoes')).toEqual(['p-sneaker']);
    expect(await ids('?categoryId=empty')).toEqual([]);
    expect(await ids('?categoryId=nope')).toEqual([]);
  });

  it('searches title, subtitle and tags, case-insensitively and literally', async () => {
    expect(await ids('?q=%E5%B0%8F%E7%99%BD')).toEqual(['p-sneaker']); // 小白 in the title
    expect(await ids('?q=%E4%BA%8C%E6%AC%A1')).toEqual(['p-toner']); // 二次 in the subtitle
    expect(await ids('?q=%E5%9B%A2%E8%B4%AD')).toEqual(['p-sneaker']); // 团购 tag
    expect(await ids('?q=%20%E4%BF%AE%E6%8A%A4%20&categoryId=skincare')).toEqual(['p-cream']);
    // "%" is a character to find, not a LIKE wildcard: only the cream's subtitle has "100%".
    expect(await ids('?q=100%25')).toEqual(['p-cream']);
    expect(await ids('?q=%25')).toEqual(['p-cream']);
    expect(await ids('?q=_')).toEqual([]);
    expect(await ids('?q=nothing-matches')).toEqual([]);
  });

  it('sorts by each supported order', async () => {
    expect(await ids('')).toEqual(['p-serum', 'p-cream', 'p-toner', 'p-sneaker']);
    expect(await ids('?sort=default')).toEqual(['p-serum', 'p-cream', 'p-toner', 'p-sneaker']);
    expect(await ids('?sort=sales')).toEqual(['p-sneaker', 'p-serum', 'p-toner', 'p-cream']);
    expect(await ids('?sort=price_asc')).toEqual(['p-toner', 'p-cream', 'p-serum', 'p-sneaker']);
    expect(await ids('?sort=price_desc')).toEqual(['p-sneaker', 'p-serum', 'p-cream', 'p-toner']);
    expect(await ids('?sort=newest')).toEqual(['p-toner', 'p-serum', 'p-sneaker', 'p-cream']);
  });

  it('rejects bad list queries with VALIDATION_FAILED', async () => {
    const bad = ['?sort=cheapest', '?pageSize=0', '?pageSize=51', '?withTotal=yes', `?q=${'x'.repeat(51)}`];
    for (const query of bad) {
      const response = await t.app.inject({ method: 'GET', url: `/api/products${query}` });
      const body = expectError(response, 400, 'VALIDATION_FAILED');
      expect(body.details).toHaveProperty('issues');
    }
  });

  it('returns a product with images, spec groups and every SKU', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/products/p-sneaker' });
    expect(response.statusCode).toBe(200);
    const product = expectContract(productDetailSchema, response);
    expect(product.images).toEqual(['http://shop.test/static/products/p-sneaker.jpg']);
    expect(product.specGroups).toEqual([
      { name: '颜色', values: ['白', '黑'] },
      { name: '尺码', values: ['38', '39'] },
    ]);
    expect(product.skus.map((s) => [s.id, s.specValues, s.priceFen, s.stock])).toEqual([
      ['sku-sneaker-w38', ['白', '38'], 39900, 200],
      ['sku-sneaker-w39', ['白', '39'], 39900, 200],
      ['sku-sneaker-b38', ['黑', '38'], 41900, 200],
    ]);
    expect(product).toMatchObject({ priceFen: 39900, originalPriceFen: 49900, description: '头层牛皮。' });
  });

  it('answers 404 PRODUCT_NOT_FOUND for an unknown product', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/products/p-nope' });
    const body = expectError(response, 404, 'PRODUCT_NOT_FOUND');
    expect(body.message).toBe('商品不存在或已下架');
    expect(body.details).toEqual({ productId: 'p-nope' });
  });
});
