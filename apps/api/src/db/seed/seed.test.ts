import { productDetailSchema } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssetUrl } from '../../http/asset-urls';
import { productToDetail } from '../../modules/catalog/catalog.service';
import { fixtureCatalog } from '../../test/fixture-catalog';
import { testDatabases } from '../../test/test-databases';
import { createDatabase, type DatabaseHandle } from '../database';
import { migrateDownAll, migrateToLatest } from '../migrate';
import { catalog } from './catalog.data';
import { catalogProblems } from './catalog-check';
import { isCatalogEmpty, seedCatalog } from './seed';

describe('demo catalog data', () => {
  it('is consistent (categories, SKUs match spec groups, campaigns point at products)', () => {
    expect(catalogProblems(catalog)).toEqual([]);
    expect(catalog.products.length).toBeGreaterThan(0);
    expect(catalog.shoppers.length).toBeGreaterThan(0);
  });

  it('catalogProblems finds what would break seeding', () => {
    const broken = structuredClone(fixtureCatalog);
    const product = broken.products[0];
    const campaign = broken.campaigns[0];
    if (!product?.skus[0] || !campaign) throw new Error('fixture changed');
    product.categoryId = 'nope';
    product.skus[0].specValues = ['30ml', 'extra'];
    product.skus[0].priceFen = 9.9;
    broken.campaigns.push({ ...campaign, productId: 'ghost' });
    expect(catalogProblems(broken)).toEqual([
      'p-serum: unknown category nope',
      'sku-serum-30: 2 spec values for 1 spec groups',
      'sku-serum-30: spec value extra not in group 1',
      'sku-serum-30: price and stock must be whole and >= 0',
      'duplicate campaign id cmp-live-flash',
      'cmp-live-flash: unknown product ghost',
    ]);
  });
});

describe.each(testDatabases())('seeding on $name', (database) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await database.open();
    await migrateToLatest(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  const counts = async () => {
    const db = handle.db;
    const n = async (table: 'categories' | 'products' | 'skus' | 'users' | 'campaigns') =>
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    return {
      categories: Number(await n('categories')),
      products: Number(await n('products')),
      skus: Number(await n('skus')),
      users: Number(await n('users')),
      campaigns: Number(await n('campaigns')),
    };
  };

  it('loads the full demo catalog once; a second run adds nothing', async () => {
    expect(await isCatalogEmpty(handle.db)).toBe(true);
    const now = new Date('2026-03-01T00:00:00Z');
    const first = await seedCatalog(handle.db, catalog, now);
    const expected = {
      categories: catalog.categories.length,
      products: catalog.products.length,
      skus: catalog.products.reduce((n, p) => n + p.skus.length, 0),
      users: catalog.shoppers.length,
      campaigns: catalog.campaigns.length,
    };
    expect(first).toEqual({ ...expected, shoppers: expected.users, users: undefined });
    expect(await counts()).toEqual(expected);
    expect(await isCatalogEmpty(handle.db)).toBe(false);

    const second = await seedCatalog(handle.db, catalog, new Date('2026-03-02T00:00:00Z'));
    expect(second).toEqual({ categories: 0, products: 0, skus: 0, shoppers: 0, campaigns: 0 });
    expect(await counts()).toEqual(expected);
  });

  it('turns every seeded product into a valid detail with absolute image URLs', async () => {
    const assetUrl = createAssetUrl('https://demo.example.com');
    const products = await handle.db.selectFrom('products').selectAll().execute();
    for (const product of products) {
      const skus = await handle.db.selectFrom('skus').selectAll().where('product_id', '=', product.id).execute();
      const detail = productDetailSchema.parse(productToDetail(product, skus, assetUrl));
      for (const url of detail.images) expect(url).toMatch(/^https:\/\/demo\.example\.com\/static\/products\/[^/]+$/);
    }
  });

  it('places campaign windows relative to seeding time', async () => {
    const row = await handle.db.selectFrom('campaigns').selectAll().orderBy('id').executeTakeFirst();
    const source = catalog.campaigns.find((c) => c.id === row?.id);
    if (!row || !source) return; // a catalog without campaigns has nothing to check
    const seededAt = new Date('2026-03-01T00:00:00Z').getTime();
    expect(row.starts_at.getTime()).toBe(seededAt + source.startsInHours * 3600_000);
    expect(row.ends_at.getTime() - row.starts_at.getTime()).toBe(source.durationHours * 3600_000);
  });

  it('rolls every migration back and forward again (db:reset)', async () => {
    await migrateDownAll(handle.db);
    await expect(handle.db.selectFrom('products').select('id').execute()).rejects.toThrow();
    await migrateToLatest(handle.db);
    expect(await isCatalogEmpty(handle.db)).toBe(true);
  });
});

describe('createDatabase', () => {
  it('opens PGlite in memory when given neither a URL nor a folder', async () => {
    const handle = await createDatabase({});
    try {
      expect(handle.kind).toBe('pglite');
    } finally {
      await handle.close();
    }
  });
});
