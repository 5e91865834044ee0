/**
 * npm run bench:flash-sale [-- --shoppers 3000] [--stock 500] [--seconds 5] [--connections 50]
 *
 * 秒杀 purchase attempts (POST /api/flash-sales/:slotId/claim) under load, through both stock
 * gates in one run: the PostgreSQL gate (guarded update) and the Redis gate (one Lua script;
 * REDIS_URL, default redis://127.0.0.1:6379). Each gate gets its own fresh slot of `--stock`
 * units (per-shopper limit 1) and a pool of signed-in shoppers taking turns, so a run sees
 * what a real sale sees: a burst of successes, then limit and sold-out refusals. Each gate is
 * compared with a bare Fastify route answering the same request with a body of the same
 * size, run right before it. After each run the sale is checked exact: claims never exceed
 * the stock, one claim per shopper, the gate's count equals the claims. Writes
 * reports/bench-flash-sale.{json,md}. A measurement, never a test: nothing fails on a figure;
 * it exits non-zero only when the sale was not exact or a request failed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type RequestData } from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { buildApp } from '../../apps/api/src/app';
import { systemClock } from '../../apps/api/src/clock';
import type { ApiConfig } from '../../apps/api/src/config';
import { createDatabase } from '../../apps/api/src/db/database';
import { migrateToLatest } from '../../apps/api/src/db/migrate';
import { createWechatClients } from '../../apps/api/src/integrations/wechat';
import { createScratchPostgres } from '../../apps/api/src/test/scratch-postgres';
import { seedBenchCatalog } from './seed-bench-catalog.mts';

const { values: args } = parseArgs({
  options: {
    shoppers: { type: 'string', default: '3000' },
    stock: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
  },
});
const shopperCount = Number(args.shoppers);
const stock = Number(args.stock);
const seconds = Number(args.seconds);
const connections = Number(args.connections);
if (![shopperCount, stock, seconds, connections].every((n) => Number.isInteger(n) && n > 0)) {
  throw new Error('--shoppers, --stock, --seconds and --connections take positive whole numbers');
}
const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const SHOPPER_PREFIX = 'flash-bench-';

interface Figures {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** HTTP status → count (socket errors and timeouts as "error"). */
  statuses: Record<string, number>;
}

interface Exactness {
  stock: number;
  claimedUnits: number;
  shoppersWithClaims: number;
  maxClaimsPerShopper: number;
  /** What the gate itself says it handed out (slot.taken, or Redis's counter). */
  gateTaken: number;
  exact: boolean;
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** Loads one target: every request the next shopper of the pool claiming one unit. */
async function load(
  name: string,
  url: string,
  tokens: readonly string[],
  path: string,
  duration: number,
): Promise<Figures> {
  let turn = 0;
  const setupRequest = (defaults: RequestData): RequestData => {
    const token = tokens[turn % tokens.length];
    turn += 1;
    return {
      ...defaults,
      method: 'POST',
      path,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"quantity":1}',
    };
  };
  const result = await autocannon({ url: `${url}${path}`, connections, duration, requests: [{ setupRequest }] });
  const statuses: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats)) statuses[status] = count;
  if (result.errors + result.timeouts > 0) statuses.error = result.errors + result.timeouts;
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    statuses,
  };
}

/** The ceiling: Fastify parsing the same JSON body and answering a body of the same size. */
function bareApp(answer: { status: number; body: string }): FastifyInstance {
  const app = Fastify({ logger: false });
  app.post('/bare/claim', async (_request, reply) =>
    reply.code(answer.status).type('application/json; charset=utf-8').send(answer.body),
  );
  return app;
}

const scratch = await createScratchPostgres(adminUrl, 'wm_bench');
const database = await createDatabase({ databaseUrl: scratch.url });
const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 1000 });
let redisReachable = true;
try {
  await redis.connect();
  await redis.ping();
} catch {
  redisReachable = false;
  console.warn(`Redis at ${redisUrl} unreachable: the Redis gate is not measured`);
}

const results: Array<{ gate: string; bare: Figures; gateRun: Figures; ratioToBare: number; exactness: Exactness }> = [];
try {
  await migrateToLatest(database.db);
  await seedBenchCatalog(database.db, 48);
  await sql`insert into users (nickname, demo_key)
    select '秒杀压测 ' || i, ${SHOPPER_PREFIX} || i from generate_series(1, ${shopperCount}::int) i`.execute(
    database.db,
  );
  const sku = await database.db.selectFrom('skus').select(['id', 'product_id']).orderBy('id').executeTakeFirstOrThrow();

  const baseConfig: ApiConfig = {
    port: 0,
    host: '127.0.0.1',
    publicBaseUrl: 'http://127.0.0.1',
    databaseUrl: null,
    pgliteDir: '',
    sessionSecret: 'bench-session-secret-not-used-for-anything-real',
    sessionTtlSeconds: 3600,
    devLogin: true,
    seedDemo: false,
    wechat: {
      apiBase: 'http://127.0.0.1:9',
      apps: {
        mall: { appid: 'wxbenchmall', secret: 'bench' },
        campaign: { appid: 'wxbenchcampaign', secret: 'bench' },
        tools: { appid: 'wxbenchtools', secret: 'bench' },
      },
    },
    webRoot: null,
    logLevel: 'silent',
    catalogCacheTtlMs: 5000,
    wechatPay: null,
    jobIntervalMs: 0,
  };

  const gates = [
    { gate: 'postgres', redisUrl: undefined as string | undefined },
    ...(redisReachable ? [{ gate: 'redis', redisUrl }] : []),
  ];
  for (const [index, { gate, redisUrl: url }] of gates.entries()) {
    const api = await buildApp({
      db: database.db,
      config: { ...baseConfig, redisUrl: url },
      logger: false,
      wechat: createWechatClients({
        apiBase: baseConfig.wechat.apiBase,
        apps: baseConfig.wechat.apps,
        clock: systemClock,
      }),
    });
    const apiUrl = await listen(api);
    const tokens: string[] = [];
    for (let i = 1; i <= shopperCount; i += 1) {
      const response = await fetch(`${apiUrl}/api/auth/dev`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ shopper: `${SHOPPER_PREFIX}${i}` }),
      });
      if (!response.ok) throw new Error(`dev sign-in answered ${response.status}`);
      tokens.push(((await response.json()) as { token: string }).token);
    }
    const now = new Date();
    const slotId = `bench-flash-${gate}-${index}-${now.getTime()}`;
    await database.db
      .insertInto('flash_sale_slots')
      .values({
        id: slotId,
        product_id: sku.product_id,
        sku_id: sku.id,
        title: '压测秒杀',
        price_fen: 100,
        starts_at: new Date(now.getTime() - 60_000),
        ends_at: new Date(now.getTime() + 3_600_000),
        stock,
        per_user_limit: 1,
        created_at: now,
      })
      .execute();
    // The slot ids are new per run; stale keys of an earlier run on this Redis would be ignored.

    // The bare route answers what most attempts get in a sale: a refusal of the same size.
    const path = `/api/flash-sales/${slotId}/claim`;
    const refusal = JSON.stringify({
      code: 'FLASH_SALE_SOLD_OUT',
      message: '已抢光',
      messageEn: 'Flash sale sold out',
    });
    const bare = bareApp({ status: 409, body: refusal });
    const bareUrl = await listen(bare);
    const bareFigures = await load('bare', bareUrl, tokens, '/bare/claim', seconds);
    await bare.close();
    const gateFigures = await load(`claim (${gate} gate)`, apiUrl, tokens, path, seconds);
    await api.close();

    const claims = await database.db
      .selectFrom('flash_sale_claims')
      .select(['user_id', 'quantity'])
      .where('slot_id', '=', slotId)
      .where('status', '<>', 'released')
      .execute();
    const perShopper = new Map<string, number>();
    for (const c of claims) perShopper.set(c.user_id, (perShopper.get(c.user_id) ?? 0) + c.quantity);
    const claimedUnits = claims.reduce((sum, c) => sum + c.quantity, 0);
    let gateTaken: number;
    if (url) {
      // The Redis gate's keys (redis-stock-gate.ts keysOf, default prefix).
      const left = await redis.get(`wm:fs:{${slotId}}:stock`);
      gateTaken = left === null ? Number.NaN : stock - Number(left);
    } else {
      gateTaken = (
        await database.db
          .selectFrom('flash_sale_slots')
          .select('taken')
          .where('id', '=', slotId)
          .executeTakeFirstOrThrow()
      ).taken;
    }
    const maxClaimsPerShopper = Math.max(0, ...perShopper.values());
    const exactness: Exactness = {
      stock,
      claimedUnits,
      shoppersWithClaims: perShopper.size,
      maxClaimsPerShopper,
      gateTaken,
      exact: claimedUnits <= stock && maxClaimsPerShopper <= 1 && gateTaken === claimedUnits,
    };
    const created = gateFigures.statuses['201'] ?? 0;
    if (created !== claimedUnits) exactness.exact = false;
    results.push({
      gate,
      bare: bareFigures,
      gateRun: gateFigures,
      ratioToBare: Math.round((gateFigures.requestsPerSecond / bareFigures.requestsPerSecond) * 100) / 100,
      exactness,
    });
  }
} finally {
  redis.disconnect();
  await database.close();
  await scratch.drop();
}

const report = { date: new Date().toISOString(), shoppers: shopperCount, stock, seconds, connections, results };
const lines = [
  `# 秒杀 claim bench (${report.date})`,
  '',
  `${shopperCount} shoppers taking turns, ${stock} units per slot, per-shopper limit 1, ${connections} connections, ${seconds} s per run, PostgreSQL ${new URL(adminUrl).host}.`,
  '',
  '| gate | bare req/s | claim req/s | ratio to bare | p50 ms | p99 ms | answers | claimed / stock | gate count | exact |',
  '|---|---:|---:|---:|---:|---:|---|---:|---:|---|',
  ...results.map(
    (r) =>
      `| ${r.gate} | ${r.bare.requestsPerSecond} | ${r.gateRun.requestsPerSecond} | ${Math.round(r.ratioToBare * 100)}% | ${r.gateRun.p50Ms} | ${r.gateRun.p99Ms} | ${Object.entries(
        r.gateRun.statuses,
      )
        .map(([s, n]) => `${s}×${n}`)
        .join(
          ' ',
        )} | ${r.exactness.claimedUnits} / ${r.exactness.stock} | ${r.exactness.gateTaken} | ${r.exactness.exact ? 'yes' : 'NO'} |`,
  ),
  '',
];
const markdown = lines.join('\n');
console.log(markdown);
const dir = resolve(import.meta.dirname, '../../reports');
mkdirSync(dir, { recursive: true });
writeFileSync(resolve(dir, 'bench-flash-sale.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(resolve(dir, 'bench-flash-sale.md'), markdown);
const failed = results.some((r) => !r.exactness.exact || (r.gateRun.statuses.error ?? 0) > 0);
if (failed) {
  console.error('the sale was not exact or requests failed: these figures are not valid');
  process.exitCode = 1;
}
