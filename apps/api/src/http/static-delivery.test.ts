import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedCatalog } from '../db/seed/catalog.types';
import { fixtureCatalog } from '../test/fixture-catalog';
import { createTestApp, type TestApp } from '../test/test-app';
import { testDatabases } from '../test/test-databases';
import { cacheControlFor, varyFor } from './static-files';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The fixture plus copies of its first product, so a list page weighs more than 1 KB. */
function largerCatalog(): SeedCatalog {
  const [model] = fixtureCatalog.products;
  if (!model) throw new Error('fixture catalog has products');
  const copies = Array.from({ length: 8 }, (_, i) => ({
    ...model,
    id: `p-copy-${i}`,
    skus: model.skus.map((sku) => ({ ...sku, id: `${sku.id}-copy-${i}` })),
  }));
  return { ...fixtureCatalog, products: [...fixtureCatalog.products, ...copies] };
}

/** H5 delivery (issue 8): precompressed files by Accept-Encoding, cache headers, JSON compression. */
describe('static delivery and compression', () => {
  const [pglite] = testDatabases();
  let t: TestApp;
  const js = 'console.log("mall");\n'.repeat(400);

  beforeAll(async () => {
    // A small fixture of what scripts/build-apps.mjs leaves in dist/h5 after precompressing.
    const webRoot = join(mkdtempSync(join(tmpdir(), 'wm-delivery-')), 'web');
    const mall = join(webRoot, 'mall');
    mkdirSync(join(mall, 'js'), { recursive: true });
    writeFileSync(join(mall, 'index.html'), '<!doctype html><title>mall</title>');
    writeFileSync(join(mall, 'js', 'app.1a2b3c4d.js'), js);
    writeFileSync(join(mall, 'js', 'app.1a2b3c4d.js.br'), brotliCompressSync(js));
    writeFileSync(join(mall, 'js', 'app.1a2b3c4d.js.gz'), gzipSync(js));
    if (!pglite) throw new Error('PGlite is always in testDatabases()');
    t = await createTestApp(pglite, { config: { webRoot }, catalog: largerCatalog() });
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, encoding?: string) =>
    t.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('serves a hashed bundle precompressed by Accept-Encoding, cached for a year', async () => {
    const br = await get('/mall/js/app.1a2b3c4d.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(js);

    const gz = await get('/mall/js/app.1a2b3c4d.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(js);

    const plain = await get('/mall/js/app.1a2b3c4d.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    // The plain body is one representation among three: caches must key it by encoding too.
    expect(plain.headers.vary).toBe('accept-encoding');
    expect(plain.body).toBe(js);
  });

  it('keeps index.html revalidated on every load', async () => {
    const index = await get('/mall/');
    expect(index.statusCode).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.body).toContain('<title>mall</title>');
  });

  it('tells hashed file names from the rest', () => {
    expect(cacheControlFor('/x/js/vendors.0f9e8d7c.js.br')).toBe(IMMUTABLE);
    expect(cacheControlFor('/x/css/app.abcdef12.css')).toBe(IMMUTABLE);
    expect(cacheControlFor('/x/index.html')).toBe('no-cache');
    expect(cacheControlFor('/x/js/app.js')).toBe('no-cache');
  });

  it('varies text files by Accept-Encoding, not images', () => {
    expect(varyFor('/x/js/app.1a2b3c4d.js.br')).toBe('accept-encoding');
    expect(varyFor('/x/index.html')).toBe('accept-encoding');
    expect(varyFor('/x/static/images/tab.png')).toBeUndefined();
  });

  it('compresses JSON answers above 1 KB and leaves small ones alone', async () => {
    const list = await get('/api/products?pageSize=10', 'br');
    expect(list.headers['content-encoding']).toBe('br');
    const body = JSON.parse(brotliDecompressSync(list.rawPayload).toString()) as { items: unknown[] };
    expect(body.items).toHaveLength(10);
    expect((await get('/api/products?pageSize=4')).headers['content-encoding']).toBeUndefined();
    expect((await get('/api/health', 'br')).headers['content-encoding']).toBeUndefined();
  });
});
