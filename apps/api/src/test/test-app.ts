import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiErrorCode, apiErrorSchema } from '@wematrix/shared';
import { createSandbox, type Sandbox } from '@wematrix/wechat-sandbox';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { z } from 'zod';
import { buildApp } from '../app';
import type { ApiConfig, WechatPayConfig } from '../config';
import type { Database } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import type { SeedCatalog } from '../db/seed/catalog.types';
import { seedCatalog } from '../db/seed/seed';
import { createResponseCache, type ResponseCache } from '../http/response-cache';
import { createWechatClients } from '../integrations/wechat';
import type { JobRunner } from '../jobs/job-runner';
import { fixtureCatalog } from './fixture-catalog';
import { createTestClock, type TestClock } from './test-clock';
import type { TestDatabase } from './test-databases';

export const TEST_APPS = {
  mall: { appid: 'wxtestmall0000001', secret: 'test-secret-mall' },
  campaign: { appid: 'wxtestcampaign001', secret: 'test-secret-campaign' },
  tools: { appid: 'wxtesttools000001', secret: 'test-secret-tools' },
} as const;

export function testConfig(overrides: Partial<ApiConfig> = {}): ApiConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    publicBaseUrl: 'http://shop.test',
    databaseUrl: null,
    pgliteDir: '',
    sessionSecret: 'test-session-secret-0123456789abcdef0123456789',
    sessionTtlSeconds: 7 * 24 * 3600,
    devLogin: true,
    seedDemo: false,
    wechat: { apiBase: 'http://127.0.0.1:9', apps: { ...TEST_APPS } },
    webRoot: null,
    logLevel: 'silent',
    catalogCacheTtlMs: 5000,
    // Tests drive the job runner with tick(now); the timer stays off.
    jobIntervalMs: 0,
    wechatPay: null,
    // Operator routes off, as on a server without OPS_API_TOKEN; tests that ship pass one.
    opsApiToken: null,
    ...overrides,
  };
}

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  time: TestClock;
  sandbox: Sandbox;
  config: ApiConfig;
  /** The app's catalog cache, for writes made outside HTTP (as a console route would). */
  catalogCache: ResponseCache;
  /** The app's deadline runner: `await t.jobs.tick(t.time.clock())` applies what is due now. */
  jobs: JobRunner;
  close(): Promise<void>;
}

/**
 * The API on a fresh migrated, seeded database, with a WeChat sandbox listening on a free
 * port and both on one hand-moved clock. Call in beforeAll, `close()` in afterAll.
 */
export async function createTestApp(
  database: TestDatabase,
  options: {
    config?: Partial<ApiConfig>;
    catalog?: SeedCatalog;
    sandboxApps?: Parameters<typeof createSandbox>[0]['apps'];
    /** Where the clock starts (default: a fixed instant); clients on the real clock need now. */
    startAt?: Date;
    /**
     * Also listen on a free port, so the sandbox's WeChat Pay notifications reach the API
     * over real HTTP (the notify URLs point there). Off: they go to a closed port and fail.
     */
    listen?: boolean;
    /** How the API verifies WeChat Pay (default 'public_key'); the sandbox signs notifications to match. */
    payMode?: 'public_key' | 'certificate';
  } = {},
): Promise<TestApp> {
  const time = createTestClock(options.startAt);
  const payMode = options.payMode ?? 'public_key';
  const sandbox = createSandbox({
    apps: options.sandboxApps ?? Object.values(TEST_APPS),
    clock: time.clock,
    pay: { mode: payMode },
  });
  await sandbox.app.listen({ port: 0, host: '127.0.0.1' });
  const sandboxUrl = `http://127.0.0.1:${(sandbox.app.server.address() as AddressInfo).port}`;
  const apiPort = options.listen ? await freePort() : 9;
  const handle = await database.open();
  await migrateToLatest(handle.db);
  await seedCatalog(handle.db, options.catalog ?? fixtureCatalog, time.clock());
  // Uploads of this app only, in a temporary folder removed on close.
  const uploadDir = mkdtempSync(join(tmpdir(), 'wm-test-uploads-'));
  const config = testConfig({
    wechatPay: sandboxPayConfig(sandbox, { sandboxUrl, apiUrl: `http://127.0.0.1:${apiPort}`, mode: payMode }),
    uploadDir,
    ...options.config,
    wechat: { apiBase: sandboxUrl, apps: { ...TEST_APPS } },
  });
  const catalogCache = createResponseCache({
    ttlMs: config.catalogCacheTtlMs,
    maxEntries: 100,
    now: () => time.clock().getTime(),
  });
  const app = await buildApp({
    db: handle.db,
    config,
    catalogCache,
    clock: time.clock,
    logger: false,
    wechat: createWechatClients({ apiBase: sandboxUrl, apps: config.wechat.apps, clock: time.clock }),
  });
  if (options.listen) await app.listen({ port: apiPort, host: '127.0.0.1' });
  return {
    app,
    db: handle.db,
    time,
    sandbox,
    config,
    catalogCache,
    jobs: app.jobs,
    async close() {
      await app.close();
      await sandbox.app.close();
      await handle.close();
      rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}

/**
 * The API's WeChat Pay settings for the sandbox's demo merchant, taken from the sandbox
 * object in-process (keys generated when the sandbox was created, never written anywhere).
 */
export function sandboxPayConfig(
  sandbox: Sandbox,
  options: { sandboxUrl: string; apiUrl: string; mode: 'public_key' | 'certificate' },
): WechatPayConfig {
  const credentials = sandbox.pay.credentials();
  return {
    apiBase: options.sandboxUrl,
    mchid: credentials.mchid,
    merchantSerial: credentials.merchantSerial,
    merchantPrivateKeyPem: credentials.merchantPrivateKeyPem,
    apiV3Key: credentials.apiV3Key,
    platform:
      options.mode === 'public_key'
        ? { mode: 'public_key', publicKeyId: credentials.publicKeyId, publicKeyPem: credentials.publicKeyPem }
        : { mode: 'certificate' },
    notifyUrl: `${options.apiUrl}/api/pay/notify/transaction`,
    refundNotifyUrl: `${options.apiUrl}/api/pay/notify/refund`,
    sandboxPayPage: options.sandboxUrl,
  };
}

/** A port nothing listens on right now (the OS picks it; closed again before use). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Signs in through the real WeChat path (sandbox code -> /api/auth/wechat); returns the token. */
export async function wechatLogin(t: TestApp, userKey: string, app: keyof typeof TEST_APPS = 'mall'): Promise<string> {
  const code = t.sandbox.issueLoginCode(TEST_APPS[app].appid, userKey);
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { app, code } });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { token: string }).token;
}

let shopperCounter = 0;
/** A brand-new shopper for one test, so tests sharing a database never share a cart. */
export function freshShopper(t: TestApp): Promise<string> {
  shopperCounter += 1;
  return wechatLogin(t, `shopper-${process.pid}-${shopperCounter}-${Date.now()}`);
}

/**
 * Parses a response body with the shared contract schema and checks nothing was dropped:
 * the API must send exactly the contract's fields.
 */
export function expectContract<S extends z.ZodTypeAny>(schema: S, response: LightMyRequestResponse): z.output<S> {
  const body: unknown = response.json();
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`response breaks the contract: ${parsed.error.message}\n${response.body}`);
  expect(parsed.data).toEqual(body);
  return parsed.data;
}

/** Checks an error answer: its status, its code, and a body in the shared error contract (a listed code). */
export function expectError(
  response: LightMyRequestResponse,
  status: number,
  code: ApiErrorCode,
): Record<string, unknown> {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json() as Record<string, unknown>;
  expect(apiErrorSchema.safeParse(body).success, response.body).toBe(true);
  expect(body.code).toBe(code);
  expect(typeof body.message).toBe('string');
  expect(typeof body.messageEn).toBe('string');
  return body;
}
