import { type ProductSort, type ProductSummary, productPageSchema } from '@wematrix/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedCatalog, SeedProduct } from '../../db/seed/catalog.types';
import { createTestApp, expectContract, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';

/** 23 products whose sales, prices, ages and curated positions collide in small groups. */
function tiedCatalog(): SeedCatalog {
  const products: SeedProduct[] = Array.from({ length: 23 }, (_, i) => ({
    id: `p-${String(i).padStart(2, '0')}`,
    categoryId: i % 2 === 0 ? 'even' : 'odd',
    title: `商品 ${i}`,
    subtitle: i % 3 === 0 ? '热卖' : '',
    description: '',
    tags: [],
    images: ['p.jpg'],
    sales: (i * 7) % 4,
    specGroups: [{ name: '规格', values: ['a', 'b'] }],
    skus: [
      { id: `sku-${i}-a`, specValues: ['a'], priceFen: 1000 * ((i * 5) % 3) + 900, originalPriceFen: null, stock: 1 },
      { id: `sku-${i}-b`, specValues: ['b'], priceFen: 5000, originalPriceFen: 6000, stock: 1 },
    ],
    createdDaysAgo: i % 4,
  }));
  const categories = ['even', 'odd'].map((id, sort) => ({ id, name: id, icon: 'x.png', sort }));
  return { categories, products, shoppers: [], campaigns: [] };
}

const SORTS: ProductSort[] = ['default', 'sales', 'price_asc', 'price_desc', 'newest'];

describe.each(testDatabases())('keyset pagination on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, { catalog: tiedCatalog() });
    // Curated positions with ties too (the seed numbers them 1..n).
    await sql`update products set sort = cast(substr(id, 3) as integer) % 3`.execute(t.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function walk(query: string, pageSize: number): Promise<ProductSummary[]> {
    const seen: ProductSummary[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 30; pages += 1) {
      const url: string = `/api/products?${query}&pageSize=${pageSize}${cursor ? `&cursor=${cursor}` : ''}`;
      const page = expectContract(productPageSchema, await t.app.inject({ method: 'GET', url }));
      expect(page.items.length).toBeLessThanOrEqual(pageSize);
      seen.push(...page.items);
      cursor = page.nextCursor;
      if (cursor === null) return seen;
    }
    throw new Error(`${query}: no last page after 30 pages`);
  }

  /** Every product once, in the order the sort promises, with ties by id in its direction. */
  async function expected(sort: ProductSort, categoryId?: string): Promise<string[]> {
    const rows = await t.db
      .selectFrom('products')
      .select(['id', 'sort', 'sales', 'from_price_fen', 'created_at'])
      .$if(categoryId !== undefined, (q) => q.where('category_id', '=', categoryId as string))
      .execute();
    const key = (r: (typeof rows)[number]): number =>
      ({
        default: r.sort,
        sales: -r.sales,
        price_asc: r.from_price_fen,
        price_desc: -r.from_price_fen,
        newest: -r.created_at.getTime(),
      })[sort];
    const descending = sort === 'sales' || sort === 'price_desc' || sort === 'newest';
    return rows
      .sort((a, b) => key(a) - key(b) || (descending ? b.id.localeCompare(a.id) : a.id.localeCompare(b.id)))
      .map((r) => r.id);
  }

  for (const sort of SORTS) {
    it(`never overlaps or skips under sort=${sort}, whatever the page size`, async () => {
      const all = await expected(sort);
      expect(all).toHaveLength(23);
      for (const pageSize of [1, 2, 5, 7, 23, 50]) {
        expect((await walk(`sort=${sort}`, pageSize)).map((p) => p.id)).toEqual(all);
      }
      const odd = await expected(sort, 'odd');
      expect((await walk(`sort=${sort}&categoryId=odd`, 4)).map((p) => p.id)).toEqual(odd);
    });
  }

  it('pages a search the same way', async () => {
    const hits = await walk('sort=sales&q=%E7%83%AD%E5%8D%96', 2); // 热卖
    expect(hits.map((p) => p.id)).toEqual((await expected('sales')).filter((id) => Number(id.slice(2)) % 3 === 0));
  });

  it('lists each product at its cheapest SKU with that SKU reference price', async () => {
    const [first] = await walk('sort=price_asc', 1);
    expect(first).toMatchObject({ priceFen: 900, originalPriceFen: null });
    const [last] = await walk('sort=price_desc', 23);
    expect(last).toMatchObject({ priceFen: 2900, originalPriceFen: null });
  });
});
