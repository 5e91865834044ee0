import { randomUUID } from 'node:crypto';
import {
  type SharePayload,
  shareCodeSchema,
  shareLinkCreatedSchema,
  shareOpenedSchema,
  shareSceneSchema,
  shareStatsSchema,
} from '@wematrix/shared';
import jsQR from 'jsqr';
import { sql } from 'kysely';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  bearer,
  createTestApp,
  expectContract,
  expectError,
  freshShopper,
  TEST_APPS,
  type TestApp,
  wechatLogin,
} from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';
import { createSlot } from '../flash-sale/flash-sale.fixtures';
import { userIdOf } from '../payments/payment-test-kit';
import { createSharePayloadSigner } from './share-payload-signer';

const OPS_TOKEN = 'share-test-ops-token-0123456789abcdef';
const OPS = { authorization: `Bearer ${OPS_TOKEN}` };
const DAY_MS = 24 * 3600 * 1000;
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

interface Person {
  token: string;
  id: string;
}

describe.each(testDatabases())('share layer on $name', (database) => {
  let t: TestApp;
  let a: Person;
  let b: Person;
  let warn: ReturnType<typeof vi.spyOn>;
  beforeAll(async () => {
    t = await createTestApp(database, { config: { opsApiToken: OPS_TOKEN } });
    a = await person();
    b = await person();
    warn = vi.spyOn(t.app.log, 'warn');
  });
  afterEach(() => {
    warn.mockClear();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function person(): Promise<Person> {
    const token = await freshShopper(t);
    return { token, id: await userIdOf(t, token) };
  }
  const post = (url: string, payload: object, token?: string) =>
    t.app.inject({ method: 'POST', url, payload, headers: token ? bearer(token) : {} });
  const eventCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('share_events')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const open = (payload: object, token?: string) => post('/api/share/open', { payload }, token);

  async function linkOf(owner: Person, kind: string, id?: string) {
    const response = await post('/api/share/links', { kind, ...(id === undefined ? {} : { id }) }, owner.token);
    expect(response.statusCode, response.body).toBe(200);
    return expectContract(shareLinkCreatedSchema, response);
  }

  /** Given a refused open: the code, a warning with the reason, and no event written. */
  async function expectRefused(
    payload: object,
    status: number,
    code: 'SHARE_LINK_INVALID' | 'SHARE_LINK_EXPIRED' | 'SHARE_TARGET_NOT_FOUND',
    reason: string,
  ) {
    const before = await eventCount();
    expectError(await open(payload, b.token), status, code);
    expect(await eventCount()).toBe(before);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ reason }), 'share link refused');
    warn.mockClear();
  }

  describe('links', () => {
    it('round trip: A shares a product, B opens it; share and share_open recorded with the inviter', async () => {
      const link = await linkOf(a, 'product', 'p-toner');
      expect(link.app).toBe('mall');
      expect(link.payload).toMatchObject({ sk: 'product', si: 'p-toner', su: a.id });
      expect(link.path).toBe(
        `pkg-goods/product/index?id=p-toner&sk=product&si=p-toner&su=${a.id}&se=${link.payload.se}&ss=${link.payload.ss}`,
      );
      expect(Date.parse(link.expiresAt)).toBe(t.time.clock().getTime() + 7 * DAY_MS);

      const opened = await open(link.payload, b.token);
      expect(opened.statusCode, opened.body).toBe(200);
      const body = expectContract(shareOpenedSchema, opened);
      expect(body.target).toEqual({
        kind: 'product',
        id: 'p-toner',
        app: 'mall',
        path: 'pkg-goods/product/index?id=p-toner',
        title: expect.any(String),
      });
      expect(body.inviter).toMatchObject({ userId: a.id, nickname: expect.any(String) });

      const anonymous = await open(link.payload);
      expect(anonymous.statusCode, anonymous.body).toBe(200);
      const events = await t.db
        .selectFrom('share_events')
        .select(['type', 'kind', 'target_id', 'inviter_user_id', 'user_id'])
        .where('inviter_user_id', '=', a.id)
        .orderBy('id')
        .execute();
      expect(events).toEqual([
        { type: 'share', kind: 'product', target_id: 'p-toner', inviter_user_id: a.id, user_id: null },
        { type: 'share_open', kind: 'product', target_id: 'p-toner', inviter_user_id: a.id, user_id: b.id },
        { type: 'share_open', kind: 'product', target_id: 'p-toner', inviter_user_id: a.id, user_id: null },
      ]);
    });

    it('shares home (no id), a flash-sale slot and a lottery, each opening its page', async () => {
      const slot = await createSlot(t.db, t.time.clock());
      await sql`insert into lotteries (id, title, daily_draws, starts_at, ends_at, created_at)
        values ('lot-share', '幸运大转盘', 3, now(), now() + interval '1 day', now())`.execute(t.db);
      const home = await linkOf(a, 'home');
      expect(home.path).toMatch(/^pages\/index\/index\?sk=home&si=&su=/);
      const flash = await linkOf(a, 'flash_sale', slot.id);
      expect(flash.app).toBe('campaign');
      const lottery = await linkOf(a, 'lottery', 'lot-share');
      for (const [link, path, title] of [
        [home, 'pages/index/index', null],
        [flash, `pkg-flash/flash-sale/index?slot=${slot.id}`, '整点秒杀'],
        [lottery, 'pkg-lottery/lottery/index?id=lot-share', '幸运大转盘'],
      ] as const) {
        const response = await open(link.payload, b.token);
        expect(response.statusCode, response.body).toBe(200);
        expect(expectContract(shareOpenedSchema, response).target).toMatchObject({ path, title });
      }
    });

    it('refuses to make a link to nothing, or with a kind and id that do not fit', async () => {
      const before = await eventCount();
      expectError(
        await post('/api/share/links', { kind: 'product', id: 'p-nope' }, a.token),
        404,
        'SHARE_TARGET_NOT_FOUND',
      );
      expectError(
        await post('/api/share/links', { kind: 'bargain', id: randomUUID() }, a.token),
        404,
        'SHARE_TARGET_NOT_FOUND',
      );
      expectError(await post('/api/share/links', { kind: 'product' }, a.token), 400, 'VALIDATION_FAILED');
      expectError(await post('/api/share/links', { kind: 'home', id: 'x' }, a.token), 400, 'VALIDATION_FAILED');
      expectError(await post('/api/share/links', { kind: 'product', id: 'p-toner' }), 401, 'UNAUTHENTICATED');
      expect(await eventCount()).toBe(before);
    });
  });

  describe('refused links change nothing', () => {
    let link: SharePayload;
    beforeAll(async () => {
      link = (await linkOf(a, 'product', 'p-toner')).payload;
    });

    it('every character of the signature changed -> 400 SHARE_LINK_INVALID', async () => {
      for (let i = 0; i < link.ss.length; i += 1) {
        const original = link.ss[i] as string;
        const other = B64URL[(B64URL.indexOf(original) + 1 + i) % 64] as string;
        await expectRefused(
          { ...link, ss: `${link.ss.slice(0, i)}${other}${link.ss.slice(i + 1)}` },
          400,
          'SHARE_LINK_INVALID',
          'signature',
        );
      }
    });

    it.each([
      ['kind', { sk: 'flash_sale' }],
      ['id', { si: 'p-serum' }],
      ['inviter', { su: '00000000-0000-4000-8000-000000000000' }],
      ['expiry + 1', 'later'],
      ['expiry - 1', 'earlier'],
    ] as const)('%s changed -> 400 SHARE_LINK_INVALID', async (_name, change) => {
      const changed =
        change === 'later'
          ? { ...link, se: String(Number(link.se) + 1) }
          : change === 'earlier'
            ? { ...link, se: String(Number(link.se) - 1) }
            : { ...link, ...change };
      await expectRefused(changed, 400, 'SHARE_LINK_INVALID', 'signature');
    });

    it('a promoter link signature (another key and message) does not open', async () => {
      const signer = createSharePayloadSigner('another-secret-0123456789abcdef0123456789');
      const forged = signer.sign({ kind: 'product', id: 'p-toner', inviterUserId: a.id, expiresAt: Number(link.se) });
      await expectRefused(forged, 400, 'SHARE_LINK_INVALID', 'signature');
    });

    it('a malformed payload -> 400 VALIDATION_FAILED, nothing recorded', async () => {
      const before = await eventCount();
      expectError(await open({ ...link, ss: 'short' }), 400, 'VALIDATION_FAILED');
      expectError(await open({ ...link, se: `0${link.se}` }), 400, 'VALIDATION_FAILED');
      expect(await eventCount()).toBe(before);
    });

    it('unknown targets -> 404 SHARE_TARGET_NOT_FOUND for every kind (signed by the server, target gone)', async () => {
      const signer = createSharePayloadSigner(t.config.sessionSecret);
      const expiresAt = Math.floor(t.time.clock().getTime() / 1000) + 3600;
      for (const [kind, id] of [
        ['product', 'p-gone'],
        ['group_buy_group', randomUUID()],
        ['group_buy_group', 'not-a-uuid'],
        ['bargain', randomUUID()],
        ['lottery', 'lot-gone'],
        ['flash_sale', 'slot-gone'],
      ] as const) {
        const payload = signer.sign({ kind, id, inviterUserId: a.id, expiresAt });
        await expectRefused(payload, 404, 'SHARE_TARGET_NOT_FOUND', 'target_not_found');
      }
      const ghost = signer.sign({ kind: 'home', id: '', inviterUserId: randomUUID(), expiresAt });
      await expectRefused(ghost, 404, 'SHARE_TARGET_NOT_FOUND', 'inviter_not_found');
    });

    it('expired -> 410 SHARE_LINK_EXPIRED; tampered and expired -> 400', async () => {
      const fresh = (await linkOf(a, 'product', 'p-toner')).payload;
      t.time.advance(7 * DAY_MS);
      try {
        await expectRefused(fresh, 410, 'SHARE_LINK_EXPIRED', 'expired');
        await expectRefused({ ...fresh, si: 'p-serum' }, 400, 'SHARE_LINK_INVALID', 'signature');
      } finally {
        t.time.advance(-7 * DAY_MS);
      }
    });
  });

  describe('mini-program codes', () => {
    const code = (owner: Person, body: object) => post('/api/share/codes', body, owner.token);

    it('draws a code once, stores it, and answers the same scene and image again without WeChat', async () => {
      const calls = t.sandbox.wxacode.calls.length;
      const first = await code(a, { kind: 'product', id: 'p-serum', app: 'mall' });
      expect(first.statusCode, first.body).toBe(200);
      const drawn = expectContract(shareCodeSchema, first);
      expect(drawn.scene).toMatch(/^[0-9A-Za-z]{16}$/);
      expect(drawn.page).toBe('pkg-goods/product/index');
      expect(t.sandbox.wxacode.calls.length).toBe(calls + 1);
      expect(t.sandbox.wxacode.calls.at(-1)).toMatchObject({
        scene: drawn.scene,
        page: 'pkg-goods/product/index',
        checkPath: false,
        envVersion: 'release',
      });

      const again = expectContract(shareCodeSchema, await code(a, { kind: 'product', id: 'p-serum', app: 'mall' }));
      expect(again).toEqual(drawn);
      expect(t.sandbox.wxacode.calls.length).toBe(calls + 1);

      // The stored image is served and is the code of that scene.
      const image = await t.app.inject({ method: 'GET', url: new URL(drawn.imageUrl).pathname });
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toBe('image/png');
      const png = PNG.sync.read(image.rawPayload);
      const text = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
      expect(new URL(text as string).searchParams.get('scene')).toBe(drawn.scene);

      // Another inviter, or another app for home, is another code.
      const other = expectContract(shareCodeSchema, await code(b, { kind: 'product', id: 'p-serum', app: 'mall' }));
      expect(other.scene).not.toBe(drawn.scene);
      expect(t.sandbox.wxacode.calls.length).toBe(calls + 2);
    });

    it('resolves a scene to its target, inviter and a signed payload that opens', async () => {
      const drawn = expectContract(shareCodeSchema, await code(a, { kind: 'home', app: 'campaign' }));
      const resolved = await t.app.inject({ method: 'GET', url: `/api/share/scenes/${drawn.scene}` });
      expect(resolved.statusCode, resolved.body).toBe(200);
      const scene = expectContract(shareSceneSchema, resolved);
      expect(scene).toMatchObject({
        kind: 'home',
        id: '',
        app: 'campaign',
        path: 'pages/index/index',
        expiresAt: drawn.expiresAt,
      });
      expect(scene.inviter.userId).toBe(a.id);
      const opened = await open(scene.payload, b.token);
      expect(opened.statusCode, opened.body).toBe(200);
    });

    it('unknown and expired scenes -> 404 SHARE_SCENE_NOT_FOUND; a code near its end is drawn anew', async () => {
      expectError(
        await t.app.inject({ method: 'GET', url: '/api/share/scenes/NoSuchScene0000' }),
        404,
        'SHARE_SCENE_NOT_FOUND',
      );
      expectError(
        await t.app.inject({ method: 'GET', url: `/api/share/scenes/${'a'.repeat(33)}` }),
        400,
        'VALIDATION_FAILED',
      );
      const key = `share-renew-${process.pid}-${Date.now()}`;
      const owner = { token: await wechatLogin(t, key), id: '' };
      const drawn = expectContract(shareCodeSchema, await code(owner, { kind: 'product', id: 'p-cream', app: 'mall' }));
      const calls = t.sandbox.wxacode.calls.length;
      t.time.advance(24 * DAY_MS);
      try {
        // Sessions last 7 days: the same shopper signs in again.
        owner.token = await wechatLogin(t, key);
        // 6 days left: still resolves, but a new share gets a code good for the whole share period.
        expect((await t.app.inject({ method: 'GET', url: `/api/share/scenes/${drawn.scene}` })).statusCode).toBe(200);
        const renewed = expectContract(
          shareCodeSchema,
          await code(owner, { kind: 'product', id: 'p-cream', app: 'mall' }),
        );
        expect(renewed.scene).not.toBe(drawn.scene);
        expect(t.sandbox.wxacode.calls.length).toBe(calls + 1);
        t.time.advance(6 * DAY_MS);
        expectError(
          await t.app.inject({ method: 'GET', url: `/api/share/scenes/${drawn.scene}` }),
          404,
          'SHARE_SCENE_NOT_FOUND',
        );
      } finally {
        t.time.advance(-30 * DAY_MS);
      }
    });

    it('refuses a code for nothing or in the wrong app, without calling WeChat', async () => {
      const calls = t.sandbox.wxacode.calls.length;
      expectError(await code(a, { kind: 'product', id: 'p-nope', app: 'mall' }), 404, 'SHARE_TARGET_NOT_FOUND');
      expectError(await code(a, { kind: 'product', id: 'p-toner', app: 'campaign' }), 400, 'VALIDATION_FAILED');
      expectError(await code(a, { kind: 'lottery', id: 'x', app: 'mall' }), 400, 'VALIDATION_FAILED');
      expect(t.sandbox.wxacode.calls.length).toBe(calls);
    });
  });

  describe('stats', () => {
    it('counts shares, opens, joins, sharers and new openers in the window', async () => {
      const { recordShareEvent } = await import('./share-events');
      const at = new Date('2027-03-01T00:00:00.000Z');
      const c = await person();
      const fresh = await person();
      // Given fresh signed up an hour before opening, and c long ago.
      await t.db
        .updateTable('users')
        .set({ created_at: new Date(at.getTime() - 3600_000) } as never)
        .where('id', '=', fresh.id)
        .execute();
      await t.db
        .updateTable('users')
        .set({ created_at: new Date(at.getTime() - 30 * DAY_MS) } as never)
        .where('id', '=', c.id)
        .execute();
      const event = (
        type: 'share' | 'share_open' | 'join',
        kind: 'product' | 'bargain',
        inviter: string,
        user: string | null,
      ) => recordShareEvent(t.db, { type, kind, targetId: 'x', inviterUserId: inviter, userId: user, at });
      await event('share', 'product', a.id, null);
      await event('share', 'product', a.id, null);
      await event('share', 'bargain', b.id, null);
      await event('share_open', 'product', a.id, fresh.id);
      await event('share_open', 'product', a.id, fresh.id);
      await event('share_open', 'product', a.id, c.id);
      await event('share_open', 'product', a.id, null);
      await event('share_open', 'product', a.id, a.id);
      await event('share_open', 'bargain', b.id, fresh.id);
      await event('join', 'bargain', b.id, fresh.id);
      // Outside the window: not counted.
      await recordShareEvent(t.db, {
        type: 'share',
        kind: 'product',
        targetId: 'x',
        inviterUserId: c.id,
        at: new Date(at.getTime() + DAY_MS),
      });

      const response = await t.app.inject({
        method: 'GET',
        url: `/api/ops/share/stats?from=${at.toISOString()}&to=${new Date(at.getTime() + 3600_000).toISOString()}`,
        headers: OPS,
      });
      expect(response.statusCode, response.body).toBe(200);
      const stats = expectContract(shareStatsSchema, response);
      expect(stats.kinds.find((k) => k.kind === 'product')).toEqual({
        kind: 'product',
        shares: 2,
        opens: 4,
        joins: 0,
        sharers: 1,
        newOpeners: 1,
        shareToOpenRateBp: 20_000,
        fissionRatio: 1,
      });
      expect(stats.kinds.find((k) => k.kind === 'bargain')).toMatchObject({
        shares: 1,
        opens: 1,
        joins: 1,
        sharers: 1,
        newOpeners: 1,
      });
      expect(stats.all).toEqual({
        shares: 3,
        opens: 5,
        joins: 1,
        sharers: 2,
        newOpeners: 1,
        shareToOpenRateBp: 16_666,
        fissionRatio: 0.5,
      });
    });

    it('is behind the ops token and refuses a window over 92 days', async () => {
      expectError(await t.app.inject({ method: 'GET', url: '/api/ops/share/stats' }), 401, 'UNAUTHENTICATED');
      expectError(
        await t.app.inject({
          method: 'GET',
          url: '/api/ops/share/stats?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z',
          headers: OPS,
        }),
        400,
        'VALIDATION_FAILED',
      );
      const defaults = await t.app.inject({ method: 'GET', url: '/api/ops/share/stats', headers: OPS });
      expect(expectContract(shareStatsSchema, defaults).to).toBe(t.time.clock().toISOString());
    });
  });
});

describe.each(testDatabases())('share codes when WeChat draws none, on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    // The sandbox knows the mall by another secret: every token request is refused (40125).
    t = await createTestApp(database, {
      sandboxApps: [{ ...TEST_APPS.mall, secret: 'not-the-api-secret' }, TEST_APPS.campaign, TEST_APPS.tools],
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 502 WECHAT_UNAVAILABLE and stores nothing', async () => {
    const token = await wechatLogin(t, `share-502-${process.pid}`, 'campaign');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/share/codes',
      headers: bearer(token),
      payload: { kind: 'product', id: 'p-toner', app: 'mall' },
    });
    expectError(response, 502, 'WECHAT_UNAVAILABLE');
    expect(await t.db.selectFrom('share_scenes').selectAll().execute()).toEqual([]);
    expect(await t.db.selectFrom('share_events').selectAll().execute()).toEqual([]);
    expect(t.sandbox.wxacode.calls).toHaveLength(0);
  });
});
