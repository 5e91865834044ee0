import {
  hotWordsSchema,
  type ProductSort,
  type SearchPage,
  searchHistorySchema,
  searchPageSchema,
} from '@wematrix/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedCatalog, SeedProduct } from '../../db/seed/catalog.types';
import { bearer, createTestApp, expectContract, expectError, freshShopper, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { RELEVANCE_PER_FIELD, termMatches } from './search.repository';
import { DEFAULT_HOT_WORDS } from './search.service';

function product(
  id: string,
  fields: Partial<SeedProduct> & { title: string; priceFen?: number; specs?: string[] },
): SeedProduct {
  const specs = fields.specs ?? ['标准'];
  return {
    id,
    categoryId: fields.categoryId ?? 'beauty',
    title: fields.title,
    subtitle: fields.subtitle ?? '',
    description: '',
    tags: fields.tags ?? [],
    brand: fields.brand,
    images: ['x.jpg'],
    sales: fields.sales ?? 0,
    specGroups: [{ name: '规格', values: specs }],
    skus: specs.map((spec, i) => ({
      id: `${id}-sku-${i}`,
      specValues: [spec],
      priceFen: (fields.priceFen ?? 1000) + i * 100,
      originalPriceFen: null,
      stock: 10,
    })),
    createdDaysAgo: fields.createdDaysAgo ?? 0,
  };
}

/** Named hits for each field, and 14 精华 products whose sales, prices and ages collide. */
function searchCatalog(): SeedCatalog {
  const products: SeedProduct[] = [
    product('p-sun', { title: '轻透防晒乳 SPF50+', brand: '晴空', tags: ['户外'], sales: 500, priceFen: 9900 }),
    product('p-spray', { title: '清爽防晒喷雾', brand: '海岸', tags: ['防水'], sales: 2000, priceFen: 12900 }),
    product('p-tagged', { title: '水润乳液', tags: ['防晒'], sales: 100_000, priceFen: 5900 }),
    product('p-brand', { title: '修护面霜', brand: '雪域', tags: ['保湿'], sales: 10, priceFen: 19900 }),
    product('p-spec', {
      title: '素色T恤',
      brand: 'Acme',
      categoryId: 'apparel',
      specs: ['雾霾蓝', '奶白'],
      subtitle: '防晒面料',
      priceFen: 7900,
    }),
    ...Array.from({ length: 14 }, (_, i) =>
      product(`p-e${String(i).padStart(2, '0')}`, {
        title: `精华 ${i}`,
        categoryId: i % 2 === 0 ? 'beauty' : 'apparel',
        sales: [0, 5, 5, 40][i % 4],
        priceFen: 1000 * ((i * 5) % 3) + 900,
        createdDaysAgo: i % 3,
      }),
    ),
  ];
  const categories = ['beauty', 'apparel'].map((id, sort) => ({ id, name: id, icon: 'x.png', sort }));
  return { categories, products, shoppers: [], campaigns: [] };
}

const SORTS: ProductSort[] = ['default', 'sales', 'price_asc', 'price_desc', 'newest'];

describe.each(testDatabases())('search on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, { catalog: searchCatalog() });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function search(params: Record<string, string | number>, token?: string): Promise<SearchPage> {
    const url = `/api/search/products?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]))}`;
    const response = await t.app.inject({ method: 'GET', url, headers: token ? bearer(token) : {} });
    return expectContract(searchPageSchema, response);
  }

  async function ids(q: string, extra: Record<string, string | number> = {}): Promise<string[]> {
    return (await search({ q, pageSize: 50, ...extra })).items.map((p) => p.id);
  }

  it.each([
    ['防晒', ['p-spray', 'p-sun', 'p-tagged']], // title (2 characters inside a word) and tag
    ['晒乳', ['p-sun']],
    ['防晒乳', ['p-sun']], // 3+ characters: search_text
    ['乳', ['p-sun', 'p-tagged']], // one character
    ['雪域', ['p-brand']], // brand only
    ['霾蓝', ['p-spec']], // a spec value
    ['ACME', ['p-spec']], // brand, ASCII case folded
    ['ａｃｍｅ', ['p-spec']], // full-width
    ['spf50', ['p-sun']],
    ['防晒 喷雾', ['p-spray']], // every term must match
    ['  防晒\u3000喷雾 ', ['p-spray']],
    ['面料', []], // subtitles are not searched
    ['%', []], // LIKE wildcards are literal
    ['_', []],
    ['不存在的商品', []],
  ])('%j finds %j', async (q, expected) => {
    expect((await ids(q)).sort()).toEqual([...expected].sort());
  });

  it('answers the normalised keyword', async () => {
    expect((await search({ q: '  ＳＰＦ５０  ' })).keyword).toBe('spf50');
  });

  it('ranks 综合 by field and sales: title before brand before tag, sales within', async () => {
    // 防晒: p-spray title + ln(2001) ≈ 1960, p-sun title + ln(501) ≈ 1822, p-tagged tag + ln(100001) ≈ 1551.
    expect(RELEVANCE_PER_FIELD).toBe(400);
    expect(await ids('防晒')).toEqual(['p-spray', 'p-sun', 'p-tagged']);
    expect(await ids('防晒', { sort: 'sales' })).toEqual(['p-tagged', 'p-spray', 'p-sun']);
    expect(await ids('防晒', { sort: 'price_asc' })).toEqual(['p-tagged', 'p-sun', 'p-spray']);
    expect(await ids('防晒', { sort: 'price_desc' })).toEqual(['p-spray', 'p-sun', 'p-tagged']);
  });

  async function walk(params: Record<string, string | number>, pageSize: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 30; pages += 1) {
      const page = await search({ ...params, pageSize, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(pageSize);
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
      if (cursor === null) return seen;
    }
    throw new Error('no last page after 30 pages');
  }

  /** The 精华 products in the order each sort promises, ties by id in the sort's direction. */
  async function expected(sort: ProductSort, categoryId?: string): Promise<string[]> {
    const rows = await t.db
      .selectFrom('products')
      .select(['id', 'sales', 'from_price_fen', 'created_at'])
      .where('title', 'like', '精华%')
      .$if(categoryId !== undefined, (q) => q.where('category_id', '=', categoryId as string))
      .execute();
    const key = (r: (typeof rows)[number]): number =>
      ({
        // Every one is a title hit: 3 × 400 + round(100 × ln(1 + sales)).
        default: -(3 * RELEVANCE_PER_FIELD + Math.round(100 * Math.log(1 + r.sales))),
        sales: -r.sales,
        price_asc: r.from_price_fen,
        price_desc: -r.from_price_fen,
        newest: -r.created_at.getTime(),
      })[sort];
    return rows
      .sort((a, b) => key(a) - key(b) || (sort === 'price_asc' ? 1 : -1) * a.id.localeCompare(b.id))
      .map((r) => r.id);
  }

  for (const sort of SORTS) {
    it(`pages sort=${sort} without overlap or gap, whatever the page size`, async () => {
      const all = await expected(sort);
      expect(all).toHaveLength(14);
      for (const pageSize of [1, 3, 5, 14]) expect(await walk({ q: '精华', sort }, pageSize)).toEqual(all);
      expect(await walk({ q: '精华', sort, categoryId: 'apparel' }, 2)).toEqual(await expected(sort, 'apparel'));
    });
  }

  it('filters by from-price, both bounds inclusive, and pages within the filter', async () => {
    const rows = await t.db
      .selectFrom('products')
      .select(['id', 'from_price_fen'])
      .where('title', 'like', '精华%')
      .execute();
    const within = rows.filter((r) => r.from_price_fen >= 1900 && r.from_price_fen <= 2900).map((r) => r.id);
    expect(within.length).toBeGreaterThan(0);
    expect(within.length).toBeLessThan(14);
    const hits = await walk({ q: '精华', sort: 'price_asc', minPriceFen: 1900, maxPriceFen: 2900 }, 2);
    expect([...hits].sort()).toEqual([...within].sort());
    expect((await ids('防晒', { minPriceFen: 9900 })).sort()).toEqual(['p-spray', 'p-sun']);
    expect(await ids('防晒', { maxPriceFen: 5899 })).toEqual([]);
  });

  it.each([
    ['no keyword', '', 400, 'VALIDATION_FAILED'],
    ['a blank keyword', 'q=%20%E3%80%80', 400, 'KEYWORD_EMPTY'],
    ['only invisible characters', 'q=%E2%80%8B', 400, 'KEYWORD_EMPTY'],
    ['a NUL', 'q=%00', 400, 'VALIDATION_FAILED'],
    ['a keyword over 100 characters', `q=${'a'.repeat(101)}`, 400, 'VALIDATION_FAILED'],
    ['an unknown sort', 'q=a&sort=relevance', 400, 'VALIDATION_FAILED'],
    ['a negative price', 'q=a&minPriceFen=-1', 400, 'VALIDATION_FAILED'],
    ['a fractional price', 'q=a&maxPriceFen=9.5', 400, 'VALIDATION_FAILED'],
    ['a price that is not a number', 'q=a&maxPriceFen=abc', 400, 'VALIDATION_FAILED'],
    ['min above max', 'q=a&minPriceFen=200&maxPriceFen=100', 400, 'PRICE_RANGE_INVALID'],
    ['a page size over 50', 'q=a&pageSize=51', 400, 'VALIDATION_FAILED'],
    ['a forged cursor', 'q=a&cursor=bm9wZQ', 400, 'CURSOR_INVALID'],
  ] as const)('refuses %s', async (_name, query, status, code) => {
    expectError(await t.app.inject({ method: 'GET', url: `/api/search/products?${query}` }), status, code);
  });

  it('refuses a cursor from another sort', async () => {
    const page = await search({ q: '精华', sort: 'sales', pageSize: 2 });
    expect(page.nextCursor).not.toBeNull();
    const url = `/api/search/products?q=%E7%B2%BE%E5%8D%8E&sort=newest&cursor=${page.nextCursor}`;
    expectError(await t.app.inject({ method: 'GET', url }), 400, 'CURSOR_INVALID');
  });

  it('keeps each shopper’s last 10 distinct keywords, newest first, and clears them', async () => {
    const [alice, bob] = [await freshShopper(t), await freshShopper(t)];
    const history = async (token: string) =>
      expectContract(
        searchHistorySchema,
        await t.app.inject({ method: 'GET', url: '/api/search/history', headers: bearer(token) }),
      ).keywords;
    const words = Array.from({ length: 12 }, (_, i) => `词${i}`);
    for (const q of words) {
      await search({ q }, alice);
      t.time.advance(1000);
    }
    await search({ q: ' 词3 ' }, alice); // again, spelled differently: moves to the top, no duplicate
    t.time.advance(1000);
    const page = await search({ q: '精华', pageSize: 2 }, bob);
    await search({ q: '精华', pageSize: 2, cursor: page.nextCursor as string }, alice); // a next page records nothing
    await search({ q: '雪域' }); // signed out: nobody's history
    expect(await history(alice)).toEqual(['词3', '词11', '词10', '词9', '词8', '词7', '词6', '词5', '词4', '词2']);
    expect(await history(bob)).toEqual(['精华']);

    const cleared = await t.app.inject({ method: 'DELETE', url: '/api/search/history', headers: bearer(alice) });
    expect(expectContract(searchHistorySchema, cleared).keywords).toEqual([]);
    expect(await history(alice)).toEqual([]);
    expect(await history(bob)).toEqual(['精华']);
  });

  it('searches with an invalid session, unrecorded; history needs a session', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/search/products?q=%E9%9B%AA%E5%9F%9F',
      headers: bearer('not-a-token'),
    });
    expect(expectContract(searchPageSchema, response).items.map((p) => p.id)).toEqual(['p-brand']);
    expectError(await t.app.inject({ method: 'GET', url: '/api/search/history' }), 401, 'UNAUTHENTICATED');
    expectError(await t.app.inject({ method: 'DELETE', url: '/api/search/history' }), 401, 'UNAUTHENTICATED');
  });

  it('answers from the cache with an ETag, and 304 still records the search', async () => {
    const shopper = await freshShopper(t);
    const url = '/api/search/products?q=%E6%B5%B7%E5%B2%B8'; // 海岸
    const first = await t.app.inject({ method: 'GET', url });
    const etag = first.headers.etag as string;
    const again = await t.app.inject({ method: 'GET', url, headers: { ...bearer(shopper), 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    const history = await t.app.inject({ method: 'GET', url: '/api/search/history', headers: bearer(shopper) });
    expect(expectContract(searchHistorySchema, history).keywords).toEqual(['海岸']);
  });

  it.each([
    ['防晒', 'products_search_grams_trgm_idx'],
    ['乳', 'products_search_grams_trgm_idx'],
    ['防晒乳', 'products_search_text_trgm_idx'],
  ])('matches %j through the trigram index %s', async (term, index) => {
    // The fixture is small enough for a sequential scan; with it priced out, the planner
    // shows whether the condition can use the index at all.
    const plan = await t.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const result = await sql<
        Record<string, string>
      >`explain select p.id from products p where ${termMatches(term)}`.execute(trx);
      return result.rows.map((row) => Object.values(row)[0]).join('\n');
    });
    expect(plan).toContain(index);
  });
});

describe.each(testDatabases())('hot words on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, { catalog: searchCatalog() });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function hot() {
    t.catalogCache.invalidate();
    return expectContract(hotWordsSchema, await t.app.inject({ method: 'GET', url: '/api/search/hot' }));
  }
  const searchAs = async (q: string, token?: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/search/products?q=${encodeURIComponent(q)}`,
      headers: token ? bearer(token) : {},
    });
    expect(response.statusCode, response.body).toBe(200);
  };

  it('counts shoppers per keyword over the last 7 days; falls back to the default list', async () => {
    expect(await hot()).toEqual({ keywords: [...DEFAULT_HOT_WORDS], source: 'default' });

    const early = await freshShopper(t);
    for (let i = 0; i < 5; i += 1) await searchAs('雪域', early); // one shopper, five times
    expect(await hot()).toEqual({ keywords: ['雪域'], source: 'searches' });
    t.time.advance(8 * 24 * 3600 * 1000); // too old to count now
    // Signed in after the jump: sessions last 7 days.
    const shoppers = await Promise.all([1, 2, 3].map(() => freshShopper(t)));
    for (const token of shoppers) await searchAs('防晒', token);
    await searchAs('精华', shoppers[0]);
    await searchAs(' 精华 ', shoppers[1]); // the same keyword once normalised
    await searchAs('海岸', shoppers[2]);
    await searchAs('海岸', shoppers[2]);
    await searchAs('不存在的商品', shoppers[0]); // no results: never hot
    await searchAs('不存在的商品', shoppers[1]);
    await searchAs('不存在的商品', shoppers[2]);

    expect(await hot()).toEqual({ keywords: ['防晒', '精华', '海岸'], source: 'searches' });
    await searchAs('海岸'); // an anonymous search counts as one more searcher
    await searchAs('海岸');
    expect((await hot()).keywords).toEqual(['海岸', '防晒', '精华']);

    t.time.advance(8 * 24 * 3600 * 1000);
    expect(await hot()).toEqual({ keywords: [...DEFAULT_HOT_WORDS], source: 'default' });
  });
});
