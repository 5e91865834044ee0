/**
 * npm run bench [-- --products 50000] [--pglite] [--no-cache] [--seconds 3] [--connections 10]
 *
 * Starts the API in this process on a scratch PostgreSQL database (or in-memory PGlite),
 * seeds a synthetic catalog, and loads each catalog endpoint and a bare Fastify route
 * serving the same JSON, one after another, on loopback. Prints and writes
 * reports/bench.{json,md}. A measurement, never a test: nothing here fails on a figure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../../apps/api/src/app';
import { systemClock } from '../../apps/api/src/clock';
import type { ApiConfig } from '../../apps/api/src/config';
import { createDatabase, type DatabaseHandle } from '../../apps/api/src/db/database';
import { migrateToLatest } from '../../apps/api/src/db/migrate';
import { createWechatClients } from '../../apps/api/src/integrations/wechat';
import { createScratchPostgres } from '../../apps/api/src/test/scratch-postgres';
import { type Measurement, measure } from './measure.mts';
import { renderMarkdown } from './render-report.mts';
import { BENCH_WORDS, seedBenchCatalog } from './seed-bench-catalog.mts';

const { values: args } = parseArgs({
  options: {
    products: { type: 'string', default: '48' },
    pglite: { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
    seconds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
  },
});
const products = Number(args.products);
const seconds = Number(args.seconds);
const connections = Number(args.connections);
if (![products, seconds, connections].every((n) => Number.isInteger(n) && n > 0)) {
  throw new Error('--products, --seconds and --connections take positive whole numbers');
}
const benchWechatApps: ApiConfig['wechat']['apps'] = {
  mall: { appid: 'wxbenchmall', secret: 'bench' },
  campaign: { appid: 'wxbenchcampaign', secret: 'bench' },
  tools: { appid: 'wxbenchtools', secret: 'bench' },
};
const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

async function openBenchDatabase(): Promise<DatabaseHandle & { label: string }> {
  if (args.pglite) return { ...(await createDatabase({})), label: 'PGlite (in memory)' };
  const scratch = await createScratchPostgres(adminUrl, 'wm_bench');
  const handle = await createDatabase({ databaseUrl: scratch.url });
  return {
    ...handle,
    label: `PostgreSQL ${new URL(adminUrl).host}`,
    async close() {
      await handle.close();
      await scratch.drop();
    },
  };
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** The ceiling: Fastify answering a fixed JSON body, no database, no cache lookup. */
function bareApp(payloads: Record<string, string>): FastifyInstance {
  const app = Fastify({ logger: false });
  for (const [name, body] of Object.entries(payloads)) {
    app.get(`/bare/${name}`, async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
  }
  return app;
}

const database = await openBenchDatabase();
try {
  const seedStart = performance.now();
  await migrateToLatest(database.db);
  await seedBenchCatalog(database.db, products);
  const seedMs = Math.round(performance.now() - seedStart);
  console.log(`${database.label}: ${products} products seeded in ${seedMs} ms`);

  const config: ApiConfig = {
    port: 0,
    host: '127.0.0.1',
    publicBaseUrl: 'http://127.0.0.1',
    databaseUrl: null,
    pgliteDir: '',
    sessionSecret: 'bench-session-secret-not-used-for-anything-real',
    sessionTtlSeconds: 3600,
    devLogin: false,
    seedDemo: false,
    // Nothing here calls WeChat; an unroutable base makes sure of it.
    wechat: { apiBase: 'http://127.0.0.1:9', apps: benchWechatApps },
    webRoot: null,
    logLevel: 'silent',
    catalogCacheTtlMs: args['no-cache'] ? 0 : 5000,
    wechatPay: null,
    // The bench measures reads: no deadline jobs on this instance.
    jobIntervalMs: 0,
  };
  const api = await buildApp({
    db: database.db,
    config,
    logger: false,
    wechat: createWechatClients({ apiBase: config.wechat.apiBase, apps: config.wechat.apps, clock: systemClock }),
  });
  const apiUrl = await listen(api);
  const middle = `p${String(Math.ceil(products / 2)).padStart(6, '0')}`;
  const endpoints = {
    list: '/api/products',
    category: '/api/products?categoryId=c3&sort=sales',
    search: `/api/products?q=${encodeURIComponent(BENCH_WORDS[2])}`,
    detail: `/api/products/${middle}`,
  };
  const payloads: Record<string, string> = {};
  for (const [name, path] of Object.entries(endpoints)) {
    const response = await fetch(`${apiUrl}${path}`);
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    payloads[name] = await response.text();
  }
  const bare = bareApp({ list: payloads.list ?? '', detail: payloads.detail ?? '' });
  const bareUrl = await listen(bare);

  const run = { seconds, connections };
  const results: Measurement[] = [];
  const bareRuns = { list: 'bare-list', detail: 'bare-detail' } as const;
  for (const name of ['list', 'detail'] as const) {
    results.push(await measure(bareRuns[name], bareUrl, `/bare/${name}`, run));
  }
  for (const [name, path] of Object.entries(endpoints)) results.push(await measure(name, apiUrl, path, run));
  await api.close();
  await bare.close();

  const report = {
    date: new Date().toISOString(),
    database: database.label,
    products,
    cache: !args['no-cache'],
    seconds,
    connections,
    seedMs,
    payloadBytes: Object.fromEntries(Object.entries(payloads).map(([k, v]) => [k, Buffer.byteLength(v)])),
    results: results.map((r) => {
      // Each endpoint against the bare route serving a payload of the same kind (a list
      // page or a product); the category page and search are list pages.
      const ceiling = results.find((b) => b.name === (r.name === 'detail' ? 'bare-detail' : 'bare-list'));
      const ratio = ceiling && !r.name.startsWith('bare') ? r.requestsPerSecond / ceiling.requestsPerSecond : null;
      return { ...r, ratioToBare: ratio === null ? null : Math.round(ratio * 100) / 100 };
    }),
  };
  const markdown = renderMarkdown(report);
  console.log(markdown);
  const dir = resolve(import.meta.dirname, '../../reports');
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(resolve(dir, 'bench.md'), markdown);
  if (results.some((r) => r.failures > 0)) {
    console.error('some requests failed: these figures are not valid');
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
