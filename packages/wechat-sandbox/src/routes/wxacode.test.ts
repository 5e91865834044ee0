import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../sandbox';
import { WXACODE_URL_BASE } from './wxacode';

const CAMPAIGN = { appid: 'wxcampaign', secret: 'campaign-secret' };

/** Reads the QR code in a PNG back to its text. */
function decodePng(bytes: Buffer): string | null {
  const png = PNG.sync.read(bytes);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe('wechat sandbox: getwxacodeunlimit (小程序码)', () => {
  let sandbox: Sandbox;
  let token: string;

  const draw = (body: Record<string, unknown>, accessToken = token) =>
    sandbox.app.inject({
      method: 'POST',
      url: `/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(accessToken)}`,
      payload: { scene: 'Ab3_x9', page: 'pkg-group/group/index', check_path: false, env_version: 'trial', ...body },
    });

  beforeEach(async () => {
    sandbox = createSandbox({ apps: [CAMPAIGN], clock: () => new Date('2026-12-06T04:05:00Z') });
    const answer = await sandbox.app.inject({
      method: 'POST',
      url: '/cgi-bin/stable_token',
      payload: { grant_type: 'client_credential', ...CAMPAIGN },
    });
    token = (answer.json() as { access_token: string }).access_token;
  });
  afterEach(async () => {
    await sandbox.app.close();
  });

  it('answers a real QR code PNG that decodes to the app, page and scene', async () => {
    const response = await draw({ scene: "a1!#$&'()*+,/:;=?@-._~Zz0123456", width: 300 });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    const bytes = response.rawPayload;
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(PNG.sync.read(bytes).width).toBe(300);
    const text = decodePng(bytes);
    expect(text).not.toBeNull();
    const url = new URL(text as string);
    expect(`${url.origin}${url.pathname}`).toBe(WXACODE_URL_BASE);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      appid: CAMPAIGN.appid,
      page: 'pkg-group/group/index',
      scene: "a1!#$&'()*+,/:;=?@-._~Zz0123456",
      env_version: 'trial',
    });
    expect(sandbox.wxacode.calls).toHaveLength(1);
    expect(sandbox.wxacode.calls[0]).toMatchObject({ appid: CAMPAIGN.appid, checkPath: false, width: 300 });
  });

  it.each([
    ['a scene over 32 characters', 40169, { scene: 'x'.repeat(33) }],
    ['an empty scene', 40169, { scene: '' }],
    ['a scene with a space', 40169, { scene: 'a b' }],
    ['a scene with Chinese', 40169, { scene: '拼团' }],
    ['a scene with %', 40169, { scene: 'a%20' }],
    ['no scene', 40169, { scene: undefined }],
    ['a page with a leading slash', 41030, { page: '/pages/index/index' }],
    ['a page with a query', 41030, { page: 'pages/index/index?id=1' }],
    ['a page with ..', 41030, { page: 'pages/../index' }],
    ['a width under 280', 40097, { width: 279 }],
    ['a width over 1280', 40097, { width: 1281 }],
    ['an unknown env_version', 40097, { env_version: 'beta' }],
  ])('refuses %s with errcode %i and no image', async (_name, errcode, body) => {
    const response = await draw(body);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.json()).toMatchObject({ errcode });
    expect(sandbox.wxacode.calls).toHaveLength(0);
  });

  it('accepts the edges: a 32-character scene, widths 280 and 1280', async () => {
    for (const body of [{ scene: 'Z'.repeat(32) }, { width: 280 }, { width: 1280 }]) {
      const response = await draw(body);
      expect(response.headers['content-type']).toBe('image/png');
    }
    expect(sandbox.wxacode.calls).toHaveLength(3);
  });

  it('refuses a missing or unknown access token with 40001', async () => {
    expect((await draw({}, 'nope')).json()).toMatchObject({ errcode: 40001 });
    const response = await sandbox.app.inject({
      method: 'POST',
      url: '/wxa/getwxacodeunlimit',
      payload: { scene: 'a' },
    });
    expect(response.json()).toMatchObject({ errcode: 40001 });
  });
});
