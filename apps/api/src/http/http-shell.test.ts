import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { createDatabase, type DatabaseHandle } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { createWechatClients } from '../integrations/wechat';
import { expectError, testConfig } from '../test/test-app';

/** Routing, errors, static files and the H5 web root: the parts of the shell no module owns. */
describe('HTTP shell', () => {
  let handle: DatabaseHandle;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let webRoot: string;
  let assetsDir: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wm-shell-'));
    webRoot = join(dir, 'web');
    assetsDir = join(dir, 'assets');
    mkdirSync(join(webRoot, 'mall'), { recursive: true });
    mkdirSync(join(webRoot, 'campaign'), { recursive: true });
    // tools has no build yet: its prefix answers 404 until one appears.
    writeFileSync(join(webRoot, 'mall', 'index.html'), '<!doctype html><title>mall</title>');
    writeFileSync(join(webRoot, 'mall', 'app.1234.js'), 'console.log(1)');
    writeFileSync(join(webRoot, 'campaign', 'index.html'), '<!doctype html><title>campaign</title>');
    mkdirSync(join(assetsDir, 'products'), { recursive: true });
    writeFileSync(join(assetsDir, 'products', 'p-1.jpg'), 'jpeg-bytes');

    handle = await createDatabase({});
    await migrateToLatest(handle.db);
    const config = testConfig({ webRoot });
    app = await buildApp({
      db: handle.db,
      config,
      logger: false,
      assetsDir,
      wechat: createWechatClients({
        apiBase: config.wechat.apiBase,
        apps: config.wechat.apps,
        clock: () => new Date(),
      }),
    });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('answers /api/health after a database round trip', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: true });
  });

  it('answers unknown routes with 404 NOT_FOUND in the error shape', async () => {
    for (const url of ['/api/nope', '/api/products/x/y', '/elsewhere']) {
      const body = expectError(await app.inject({ method: 'GET', url }), 404, 'NOT_FOUND');
      expect(body.message).toBe('页面不存在');
    }
    expectError(await app.inject({ method: 'PUT', url: '/api/cart' }), 404, 'NOT_FOUND');
  });

  it('answers an unsupported body type with 415 in the error shape', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/dev',
      headers: { 'content-type': 'text/xml' },
      payload: '<shopper/>',
    });
    expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('serves product images under /static/', async () => {
    const response = await app.inject({ method: 'GET', url: '/static/products/p-1.jpg' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('jpeg-bytes');
    expect(response.headers['cache-control']).toContain('max-age=86400');
    expectError(await app.inject({ method: 'GET', url: '/static/products/missing.jpg' }), 404, 'NOT_FOUND');
    expect((await app.inject({ method: 'GET', url: '/static/../package.json' })).statusCode).toBe(404);
  });

  it('serves each H5 build at its prefix, redirecting the bare prefix and the root', async () => {
    const mall = await app.inject({ method: 'GET', url: '/mall/' });
    expect(mall.statusCode).toBe(200);
    expect(mall.body).toContain('<title>mall</title>');
    expect(mall.headers['cache-control']).toBe('no-cache');
    expect((await app.inject({ method: 'GET', url: '/mall/app.1234.js' })).body).toBe('console.log(1)');
    expect((await app.inject({ method: 'GET', url: '/campaign/' })).body).toContain('campaign');

    const bare = await app.inject({ method: 'GET', url: '/mall' });
    expect(bare.statusCode).toBe(301);
    expect(bare.headers.location).toBe('/mall/');
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe('/mall/');

    expectError(await app.inject({ method: 'GET', url: '/tools/' }), 404, 'NOT_FOUND');
  });

  it('allows cross-origin API calls from H5 dev servers, without credentials', async () => {
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/cart/items',
      headers: { origin: 'http://localhost:10086', 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-headers']).toContain('authorization');
    const simple = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { origin: 'http://localhost:10086' },
    });
    expect(simple.headers['access-control-allow-origin']).toBe('*');
    expect(simple.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('hides internals of unexpected failures behind 500 INTERNAL', async () => {
    const broken = await createDatabase({});
    const config = testConfig();
    const brokenApp = await buildApp({
      db: broken.db,
      config,
      logger: false,
      wechat: createWechatClients({
        apiBase: config.wechat.apiBase,
        apps: config.wechat.apps,
        clock: () => new Date(),
      }),
    });
    try {
      // Never migrated: every query fails inside the database driver.
      const response = await brokenApp.inject({ method: 'GET', url: '/api/categories' });
      const body = expectError(response, 500, 'INTERNAL');
      expect(body).toEqual({
        code: 'INTERNAL',
        message: '服务开小差了，请稍后再试',
        messageEn: 'Internal server error',
      });
      expect(response.body).not.toContain('categories');
    } finally {
      await brokenApp.close();
      await broken.close();
    }
  });
});
