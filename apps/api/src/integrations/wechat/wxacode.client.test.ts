import type { AddressInfo } from 'node:net';
import { createSandbox, type Sandbox } from '@wematrix/wechat-sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_APPS } from '../../test/test-app';
import { createTestClock } from '../../test/test-clock';
import { createWechatClients, WechatApiError, type WechatClients, WechatUnavailableError } from './index';
import type { UnlimitedCodeRequest } from './wxacode.client';

const REQUEST: UnlimitedCodeRequest = {
  scene: 'k7Qm2xZp9A0bC3dE',
  page: 'pkg-group/group/index',
  checkPath: false,
  envVersion: 'trial',
  width: 430,
};

describe('wxacode client against the WeChat sandbox', () => {
  let sandbox: Sandbox;
  let base: string;
  let calls: string[];
  let wechat: WechatClients;

  beforeEach(async () => {
    const time = createTestClock();
    calls = [];
    sandbox = createSandbox({ apps: Object.values(TEST_APPS), clock: time.clock });
    await sandbox.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(sandbox.app.server.address() as AddressInfo).port}`;
    const countingFetch: typeof fetch = (input, init) => {
      calls.push(new URL(String(input)).pathname);
      return fetch(input, init);
    };
    wechat = createWechatClients({ apiBase: base, apps: TEST_APPS, clock: time.clock, fetch: countingFetch });
  });
  afterEach(async () => {
    await sandbox.app.close();
  });

  it('answers the PNG and sends scene, page, check_path, env_version and width', async () => {
    const { bytes, contentType } = await wechat.wxacode.getUnlimited('campaign', REQUEST);
    expect(contentType).toBe('image/png');
    expect(bytes.subarray(0, 4).toString('hex')).toBe('89504e47');
    expect(sandbox.wxacode.calls).toEqual([
      expect.objectContaining({
        appid: TEST_APPS.campaign.appid,
        scene: REQUEST.scene,
        page: REQUEST.page,
        checkPath: false,
        envVersion: 'trial',
        width: 430,
      }),
    ]);
  });

  it("surfaces WeChat's errcode for a bad scene and page", async () => {
    await expect(wechat.wxacode.getUnlimited('mall', { ...REQUEST, scene: 'x'.repeat(33) })).rejects.toMatchObject({
      errcode: 40169,
    });
    await expect(
      wechat.wxacode.getUnlimited('mall', { ...REQUEST, page: '/pages/index/index' }),
    ).rejects.toBeInstanceOf(WechatApiError);
    expect(sandbox.wxacode.calls).toHaveLength(0);
  });

  it('gets a new token once when WeChat calls the cached one invalid', async () => {
    await wechat.wxacode.getUnlimited('mall', REQUEST);
    // Another process forces a refresh: the sandbox drops the token this client cached.
    await fetch(`${base}/cgi-bin/stable_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', ...TEST_APPS.mall, force_refresh: true }),
    });
    calls = [];
    await wechat.wxacode.getUnlimited('mall', REQUEST);
    expect(calls).toEqual(['/wxa/getwxacodeunlimit', '/cgi-bin/stable_token', '/wxa/getwxacodeunlimit']);
    expect(sandbox.wxacode.calls).toHaveLength(2);
  });

  it('is unavailable when nothing answers', async () => {
    const offline = createWechatClients({ apiBase: 'http://127.0.0.1:9', apps: TEST_APPS, clock: () => new Date() });
    await expect(offline.wxacode.getUnlimited('mall', REQUEST)).rejects.toBeInstanceOf(WechatUnavailableError);
  });
});
