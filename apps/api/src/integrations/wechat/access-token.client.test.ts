import type { AddressInfo } from 'node:net';
import { createSandbox, type Sandbox } from '@wematrix/wechat-sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_APPS } from '../../test/test-app';
import { createTestClock, type TestClock } from '../../test/test-clock';
import { createWechatClients, WechatApiError, type WechatClients } from './index';

const MINUTE_MS = 60 * 1000;

describe('access token client against the WeChat sandbox', () => {
  let sandbox: Sandbox;
  let time: TestClock;
  let calls: string[];
  let wechat: WechatClients;

  const connect = (apps: Record<keyof typeof TEST_APPS, { appid: string; secret: string }> = TEST_APPS) => {
    const base = `http://127.0.0.1:${(sandbox.app.server.address() as AddressInfo).port}`;
    // Count the HTTP calls the client really makes.
    const countingFetch: typeof fetch = (input, init) => {
      calls.push(String(input));
      return fetch(input, init);
    };
    wechat = createWechatClients({ apiBase: base, apps, clock: time.clock, fetch: countingFetch });
  };

  beforeEach(async () => {
    time = createTestClock();
    calls = [];
    sandbox = createSandbox({ apps: Object.values(TEST_APPS), clock: time.clock });
    await sandbox.app.listen({ port: 0, host: '127.0.0.1' });
    connect();
  });
  afterEach(async () => {
    await sandbox.app.close();
  });

  it('fetches a stable token once and serves it from cache', async () => {
    const token = await wechat.accessToken.get('mall');
    expect(sandbox.accessTokens.verify(token)).toEqual({ appid: TEST_APPS.mall.appid });
    expect(await wechat.accessToken.get('mall')).toBe(token);
    time.advance(100 * MINUTE_MS);
    expect(await wechat.accessToken.get('mall')).toBe(token);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/\/cgi-bin\/stable_token$/);
  });

  it('refreshes 5 minutes before the 2-hour expiry', async () => {
    await wechat.accessToken.get('mall');
    time.advance(115 * MINUTE_MS - 1);
    await wechat.accessToken.get('mall');
    expect(calls).toHaveLength(1);
    time.advance(1);
    await wechat.accessToken.get('mall');
    expect(calls).toHaveLength(2);
  });

  it('uses a token received close to its expiry until just before it dies, then gets the next one', async () => {
    const first = await wechat.accessToken.get('mall');
    // A second API process starts 118 minutes later: stable_token gives it the same token, 2 minutes left.
    time.advance(118 * MINUTE_MS);
    connect();
    calls = [];
    expect(await wechat.accessToken.get('mall')).toBe(first);
    time.advance(MINUTE_MS);
    expect(await wechat.accessToken.get('mall')).toBe(first);
    expect(calls).toHaveLength(1);
    time.advance(31 * 1000);
    const next = await wechat.accessToken.get('mall');
    expect(calls).toHaveLength(2);
    // Still the old one until it actually expires at 120 minutes, then a new one.
    expect(next).toBe(first);
    time.advance(30 * 1000);
    expect(await wechat.accessToken.get('mall')).not.toBe(first);
  });

  it('shares one request among concurrent callers and keeps apps apart', async () => {
    const tokens = await Promise.all([
      wechat.accessToken.get('mall'),
      wechat.accessToken.get('mall'),
      wechat.accessToken.get('mall'),
      wechat.accessToken.get('campaign'),
    ]);
    expect(new Set(tokens.slice(0, 3)).size).toBe(1);
    expect(tokens[3]).not.toBe(tokens[0]);
    expect(sandbox.accessTokens.verify(tokens[3] as string)).toEqual({ appid: TEST_APPS.campaign.appid });
    expect(calls).toHaveLength(2);
  });

  it('forces a new token on refresh() (after WeChat called the old one invalid)', async () => {
    const old = await wechat.accessToken.get('tools');
    const fresh = await wechat.accessToken.refresh('tools');
    expect(fresh).not.toBe(old);
    expect(sandbox.accessTokens.verify(old)).toBeNull();
    expect(await wechat.accessToken.get('tools')).toBe(fresh);
    expect(calls).toHaveLength(2);
  });

  it('surfaces WeChat errcodes and caches nothing on failure', async () => {
    connect({ ...TEST_APPS, mall: { appid: TEST_APPS.mall.appid, secret: 'wrong' } });
    await expect(wechat.accessToken.get('mall')).rejects.toMatchObject({ errcode: 40125 });
    await expect(wechat.accessToken.get('mall')).rejects.toBeInstanceOf(WechatApiError);
    expect(calls).toHaveLength(2);
  });
});
