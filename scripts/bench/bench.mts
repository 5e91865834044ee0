/**
 * npm run bench [-- --products 50000] [--pglite] [--no-cache] [--seconds 3] [--connections 10]
 *                [--only catalog,search,cart,preview,order] [--shoppers 100] [--count-queries]
 *
 * Starts the API in this process on a scratch PostgreSQL database (or in-memory PGlite),
 * seeds a synthetic catalog, and loads each catalog endpoint and a bare Fastify route
 * serving the same JSON, one after another, on loopback; then seeds a pool of shoppers and
 * loads the commerce paths (keyword search, cart add, checkout preview, order creation),
 * each right after a bare route answering a body of the same size to the same request.
 * Prints and writes reports/bench.{json,md}. A measurement, never a test: nothing here
 * fails on a figure.
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
import { COMMERCE_SCENARIOS, prepareCommerce, sampleAnswer } from './commerce.mts';
import { type Measurement, measure } from './measure.mts';
import { createQueryCounter } from './query-counter.mts';
import { renderMarkdown } from './render-report.mts';
import { BENCH_WORDS, seedBenchCatalog } from './seed-bench-catalog.mts';
import { seedBenchShoppers } from './seed-bench-shoppers.mts';

const { values: args } = parseArgs({
  options: {
    products: { type: 'string', default: '48' },
    pglite: { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
    seconds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string', default: ['catalog', ...COMMERCE_SCENARIOS].join(',') },
    shoppers: { type: 'string', default: '100' },
    'count-queries': { type: 'boolean', default: false },
  },
});
const products = Number(args.products);
const seconds = Number(args.seconds);
const connections = Number(args.connections);
const shopperCount = Number(args.shoppers);
if (![products, seconds, connections, shopperCount].every((n) => Number.isInteger(n) && n > 0)) {
  throw new Error('--products, --seconds, --connections and --shoppers take positive whole numbers');
}
const scenarioNames: readonly string[] = ['catalog', ...COMMERCE_SCENARIOS];
const only = new Set(args.only.split(',').map((s) => s.trim()));
for (const name of only) {
  if (!scenarioNames.includes(name)) throw new Error(`--only takes ${scenarioNames.join(', ')}; not ${name}`);
}
const commerceSelected = COMMERCE_SCENARIOS.filter((s) => only.has(s));
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

/**
 * The ceiling: Fastify answering a fixed JSON body, no database, no cache lookup. It answers
 * GET and POST, so a write's ceiling also receives and parses the same JSON body.
 */
function bareApp(payloads: Record<string, string>): FastifyInstance {
  const app = Fastify({ logger: false });
  for (const [name, body] of Object.entries(payloads)) {
    app.route({
      method: ['GET', 'POST'],
      url: `/bare/${name}`,
      handler: async (_request, reply) => reply.type('application/json; charset=utf-8').send(body),
    });
  }
  return app;
}

/** The bare route each API endpoint is compared with: same kind of body, same request. */
function ceilingOf(name: string): string {
  if (name === 'list' || name === 'category' || name === 'search') return 'bare-list';
  return `bare-${name}`;
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
    // The commerce paths need signed-in shoppers: they sign in as the H5 demo's do.
    devLogin: true,
    seedDemo: false,
    // Nothing here calls WeChat; an unroutable base makes sure of it.
    wechat: { apiBase: 'http://127.0.0.1:9', apps: benchWechatApps },
    webRoot: null,
    logLevel: 'silent',
    catalogCacheTtlMs: args['no-cache'] ? 0 : 5000,
    wechatPay: null,
    // No deadline jobs on this instance: orders placed by the bench stay pending.
    jobIntervalMs: 0,
  };
  const counter = args['count-queries'] ? createQueryCounter() : null;
  const api = await buildApp({
    db: counter ? database.db.withPlugin(counter.plugin) : database.db,
    config,
    logger: false,
    wechat: createWechatClients({ apiBase: config.wechat.apiBase, apps: config.wechat.apps, clock: systemClock }),
  });
  const apiUrl = await listen(api);
  const run = { seconds, connections };
  const results: Measurement[] = [];
  const payloads: Record<string, string> = {};
  const queriesPerRequest: Record<string, number> = {};
  const bares: FastifyInstance[] = [];
  if (only.has('catalog')) {
    const middle = `p${String(Math.ceil(products / 2)).padStart(6, '0')}`;
    const endpoints = {
      list: '/api/products',
      category: '/api/products?categoryId=c3&sort=sales',
      search: `/api/products?q=${encodeURIComponent(BENCH_WORDS[2])}`,
      detail: `/api/products/${middle}`,
    };
    for (const [name, path] of Object.entries(endpoints)) {
      const response = await fetch(`${apiUrl}${path}`);
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      payloads[name] = await response.text();
    }
    const bare = bareApp({ list: payloads.list ?? '', detail: payloads.detail ?? '' });
    bares.push(bare);
    const bareUrl = await listen(bare);
    const bareRuns = { list: 'bare-list', detail: 'bare-detail' } as const;
    for (const name of ['list', 'detail'] as const) {
      results.push(await measure(bareRuns[name], bareUrl, { method: 'GET', path: `/bare/${name}` }, run));
    }
    for (const [name, path] of Object.entries(endpoints)) {
      results.push(await measure(name, apiUrl, { method: 'GET', path }, run));
    }
  }

  if (commerceSelected.length > 0) {
    const shoppersStart = performance.now();
    const shoppers = await seedBenchShoppers(database.db, { count: shopperCount, products, now: new Date() });
    const commerce = (await prepareCommerce(apiUrl, shoppers, { products, keyword: BENCH_WORDS[0] })).filter((e) =>
      only.has(e.scenario),
    );
    console.log(`${shopperCount} shoppers seeded and signed in in ${Math.round(performance.now() - shoppersStart)} ms`);
    for (const endpoint of commerce) payloads[endpoint.name] = await sampleAnswer(apiUrl, endpoint);
    const bare = bareApp(Object.fromEntries(commerce.map((e) => [e.name, payloads[e.name] ?? ''])));
    bares.push(bare);
    const bareUrl = await listen(bare);
    for (const endpoint of commerce) {
      // The ceiling gets the endpoint's own requests (method, headers, body) at its own path,
      // right before the endpoint, so both see the same background load.
      const path = `/bare/${endpoint.name}`;
      results.push(await measure(`bare-${endpoint.name}`, bareUrl, () => ({ ...endpoint.next(), path }), run));
      results.push(await measure(endpoint.name, apiUrl, endpoint.next, run));
      if (counter) queriesPerRequest[endpoint.name] = await counter.perRequest(() => sampleAnswer(apiUrl, endpoint));
    }
  }
  await api.close();
  for (const bare of bares) await bare.close();

  const report = {
    date: new Date().toISOString(),
    database: database.label,
    products,
    cache: !args['no-cache'],
    seconds,
    connections,
    shoppers: commerceSelected.length > 0 ? shopperCount : null,
    seedMs,
    payloadBytes: Object.fromEntries(Object.entries(payloads).map(([k, v]) => [k, Buffer.byteLength(v)])),
    results: results.map((r) => {
      // Each endpoint against the bare route serving a payload of the same kind (a list
      // page or a product; the category page and product search are list pages), or, for
      // the commerce paths, the same answer to the same request.
      const ceiling = results.find((b) => b.name === ceilingOf(r.name));
      const ratio = ceiling && !r.name.startsWith('bare') ? r.requestsPerSecond / ceiling.requestsPerSecond : null;
      return {
        ...r,
        ratioToBare: ratio === null ? null : Math.round(ratio * 100) / 100,
        queriesPerRequest: queriesPerRequest[r.name] ?? null,
      };
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
