import { demoShopperSchema, sessionSchema, userSchema } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  bearer,
  createTestApp,
  expectContract,
  expectError,
  TEST_APPS,
  type TestApp,
  wechatLogin,
} from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { signSessionToken } from './session-token';

const DAY_MS = 24 * 3600 * 1000;

describe.each(testDatabases())('auth API on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  const me = (headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: '/api/me', headers });
  const userIdOf = async (token: string) => (expectContract(userSchema, await me(bearer(token))) as { id: string }).id;

  describe('WeChat login through the sandbox', () => {
    it('creates a session whose token opens /api/me', async () => {
      const code = t.sandbox.issueLoginCode(TEST_APPS.mall.appid, 'wx-alice');
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { app: 'mall', code } });
      expect(response.statusCode, response.body).toBe(200);
      const session = expectContract(sessionSchema, response);
      expect(session.user).toMatchObject({ nickname: '微信用户', avatarUrl: null, demoKey: null });
      expect(new Date(session.expiresAt).getTime()).toBe(t.time.clock().getTime() + t.config.sessionTtlSeconds * 1000);
      expect(expectContract(userSchema, await me(bearer(session.token)))).toEqual(session.user);
    });

    it('maps one person to one user across the three apps (same unionid)', async () => {
      const inMall = await userIdOf(await wechatLogin(t, 'wx-bob', 'mall'));
      const inCampaign = await userIdOf(await wechatLogin(t, 'wx-bob', 'campaign'));
      const inTools = await userIdOf(await wechatLogin(t, 'wx-bob', 'tools'));
      const again = await userIdOf(await wechatLogin(t, 'wx-bob', 'mall'));
      expect(new Set([inMall, inCampaign, inTools, again]).size).toBe(1);
      expect(await userIdOf(await wechatLogin(t, 'wx-carol', 'campaign'))).not.toBe(inMall);

      const identities = await t.db.selectFrom('user_identities').selectAll().where('user_id', '=', inMall).execute();
      expect(identities.map((i) => i.app).sort()).toEqual(['campaign', 'mall', 'tools']);
      expect(new Set(identities.map((i) => i.openid)).size).toBe(3);
    });

    it('carries the cart from one app to another', async () => {
      const mallToken = await wechatLogin(t, 'wx-dora', 'mall');
      await t.app.inject({
        method: 'POST',
        url: '/api/cart/items',
        headers: bearer(mallToken),
        payload: { skuId: 'sku-toner', quantity: 2 },
      });
      const campaignToken = await wechatLogin(t, 'wx-dora', 'campaign');
      const cart = (await t.app.inject({ method: 'GET', url: '/api/cart', headers: bearer(campaignToken) })).json() as {
        count: number;
      };
      expect(cart.count).toBe(2);
    });

    it('refuses a reused code with 400 WECHAT_LOGIN_FAILED and creates no user', async () => {
      const code = t.sandbox.issueLoginCode(TEST_APPS.mall.appid, 'wx-erin');
      const first = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { app: 'mall', code } });
      expect(first.statusCode).toBe(200);
      const usersBefore = await t.db.selectFrom('users').select('id').execute();
      const reused = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { app: 'mall', code } });
      const body = expectError(reused, 400, 'WECHAT_LOGIN_FAILED');
      expect(body.message).toBe('微信登录凭证已失效，请重新登录');
      expect(body.details).toEqual({ errcode: 40163 });
      expect(await t.db.selectFrom('users').select('id').execute()).toHaveLength(usersBefore.length);
    });

    it('refuses an unknown, expired or other-app code with WECHAT_LOGIN_FAILED (errcode 40029)', async () => {
      const unknown = await t.app.inject({
        method: 'POST',
        url: '/api/auth/wechat',
        payload: { app: 'mall', code: 'nope' },
      });
      expect(expectError(unknown, 400, 'WECHAT_LOGIN_FAILED').details).toEqual({ errcode: 40029 });

      const campaignCode = t.sandbox.issueLoginCode(TEST_APPS.campaign.appid, 'wx-fay');
      const wrongApp = await t.app.inject({
        method: 'POST',
        url: '/api/auth/wechat',
        payload: { app: 'mall', code: campaignCode },
      });
      expectError(wrongApp, 400, 'WECHAT_LOGIN_FAILED');

      const stale = t.sandbox.issueLoginCode(TEST_APPS.mall.appid, 'wx-fay');
      t.time.advance(5 * 60 * 1000 + 1);
      const expired = await t.app.inject({
        method: 'POST',
        url: '/api/auth/wechat',
        payload: { app: 'mall', code: stale },
      });
      expectError(expired, 400, 'WECHAT_LOGIN_FAILED');
    });

    it('validates the login body', async () => {
      for (const payload of [{ app: 'shop', code: 'x' }, { app: 'mall', code: '' }, { app: 'mall' }, {}]) {
        expectError(await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload }), 400, 'VALIDATION_FAILED');
      }
    });
  });

  describe('sessions', () => {
    it('answers 401 UNAUTHENTICATED without a token', async () => {
      const body = expectError(await me(), 401, 'UNAUTHENTICATED');
      expect(body.message).toBe('请先登录');
      expect(body.details).toEqual({ reason: 'missing' });
      expectError(await me({ authorization: 'Basic abc' }), 401, 'UNAUTHENTICATED');
    });

    it('answers 401 for a tampered, foreign-secret or garbage token', async () => {
      const token = await wechatLogin(t, 'wx-gus');
      const [version, payload, signature] = token.split('.') as [string, string, string];
      const otherUser = Buffer.from(
        JSON.stringify({ u: '00000000-0000-4000-8000-000000000000', e: 4102444800 }),
      ).toString('base64url');
      for (const bad of [
        `${version}.${otherUser}.${signature}`,
        `${version}.${payload}.${signature.slice(0, -2)}xx`,
        signSessionToken(
          { userId: '00000000-0000-4000-8000-000000000000', expiresAt: new Date(4102444800000) },
          'another-secret',
        ),
        'garbage',
        'v1..',
      ]) {
        expect(expectError(await me(bearer(bad)), 401, 'UNAUTHENTICATED').details).toEqual({ reason: 'invalid' });
      }
    });

    it('answers 401 for a well-signed token of a user that no longer exists', async () => {
      const token = signSessionToken(
        { userId: '00000000-0000-4000-8000-000000000000', expiresAt: new Date(t.time.clock().getTime() + DAY_MS) },
        t.config.sessionSecret,
      );
      expectError(await me(bearer(token)), 401, 'UNAUTHENTICATED');
    });

    it('expires sessions after the configured lifetime', async () => {
      const token = await wechatLogin(t, 'wx-hal');
      t.time.advance(t.config.sessionTtlSeconds * 1000 - 1000);
      expect((await me(bearer(token))).statusCode).toBe(200);
      t.time.advance(1000);
      const body = expectError(await me(bearer(token)), 401, 'UNAUTHENTICATED');
      expect(body).toMatchObject({ message: '登录已过期，请重新登录', details: { reason: 'expired' } });
    });
  });

  describe('dev login (DEV_LOGIN=on)', () => {
    it('lists the seeded demo shoppers', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/auth/dev/shoppers' });
      expect(expectContract(z.array(demoShopperSchema), response)).toEqual([
        { key: 'xiaohong', nickname: '小红', avatarUrl: null },
        { key: 'xiaoming', nickname: '小明', avatarUrl: 'http://shop.test/static/avatars/xiaoming.png' },
      ]);
    });

    it('signs in as a demo shopper, always the same user', async () => {
      const login = () => t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { shopper: 'xiaoming' } });
      const first = expectContract(sessionSchema, await login());
      const second = expectContract(sessionSchema, await login());
      expect(first.user).toMatchObject({ nickname: '小明', demoKey: 'xiaoming' });
      expect(second.user.id).toBe(first.user.id);
      expect(await userIdOf(first.token)).toBe(first.user.id);
    });

    it('answers 404 SHOPPER_NOT_FOUND for an unknown shopper and 400 for a bad body', async () => {
      expectError(
        await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { shopper: 'nobody' } }),
        404,
        'SHOPPER_NOT_FOUND',
      );
      expectError(
        await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { shopper: '' } }),
        400,
        'VALIDATION_FAILED',
      );
      expectError(await t.app.inject({ method: 'POST', url: '/api/auth/dev' }), 400, 'VALIDATION_FAILED');
    });
  });
});

describe.each(testDatabases())('auth API edge cases on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, {
      config: { devLogin: false },
      // The tools app is not bound to an open platform here: no unionid, openid only.
      sandboxApps: [TEST_APPS.mall, TEST_APPS.campaign, { ...TEST_APPS.tools, unionid: false }],
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('hides dev login with 404 DEV_LOGIN_DISABLED when DEV_LOGIN=off', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/auth/dev/shoppers' }), 404, 'DEV_LOGIN_DISABLED');
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { shopper: 'xiaoming' } });
    expectError(response, 404, 'DEV_LOGIN_DISABLED');
  });

  it('falls back to the openid when WeChat gives no unionid', async () => {
    const me = async (token: string) =>
      ((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).json() as { id: string }).id;
    const first = await me(await wechatLogin(t, 'wx-ivy', 'tools'));
    const second = await me(await wechatLogin(t, 'wx-ivy', 'tools'));
    const inMall = await me(await wechatLogin(t, 'wx-ivy', 'mall'));
    expect(second).toBe(first);
    // Without a unionid the two apps cannot know it is the same person.
    expect(inMall).not.toBe(first);
    const user = await t.db.selectFrom('users').selectAll().where('id', '=', first).executeTakeFirstOrThrow();
    expect(user.unionid).toBeNull();
  });
});

describe('auth API when WeChat is misconfigured or down', () => {
  it('answers 502 WECHAT_UNAVAILABLE without leaking the upstream error', async () => {
    const [pglite] = testDatabases();
    if (!pglite) throw new Error('no PGlite');
    // The sandbox knows other secrets than the API's config: WeChat says 40125 invalid appsecret.
    const t = await createTestApp(pglite, {
      sandboxApps: [{ appid: TEST_APPS.mall.appid, secret: 'rotated-secret' }],
    });
    try {
      const code = t.sandbox.issueLoginCode(TEST_APPS.mall.appid, 'wx-jay');
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { app: 'mall', code } });
      const body = expectError(response, 502, 'WECHAT_UNAVAILABLE');
      expect(body).not.toHaveProperty('details');
      expect(response.body).not.toContain('40125');
      expect(response.body).not.toContain('secret');

      await t.sandbox.app.close();
      const down = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { app: 'mall', code: 'x' } });
      expectError(down, 502, 'WECHAT_UNAVAILABLE');
    } finally {
      await t.close();
    }
  });
});
