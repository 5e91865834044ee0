import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { wechatError } from '../errcodes';
import type { SandboxClock } from '../sandbox-app';
import type { AccessTokenStore } from '../state/access-tokens';
import type { WxacodeLog } from '../state/wxacodes';
import { newRid } from './rid';

export interface WxacodeRouteDeps {
  tokens: AccessTokenStore;
  log: WxacodeLog;
  clock: SandboxClock;
}

/** WeChat's scene: 1–32 visible characters of this set (getUnlimitedQRCode reference). */
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
/** A page of the app: no leading slash, no query string (`pages/index/index`). */
const PAGE = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;
const ENV_VERSIONS = ['release', 'trial', 'develop'];

/** What the sandbox's QR codes encode, so a test (or a phone) can read scene and page back. */
export const WXACODE_URL_BASE = 'https://wxacode.sandbox.wematrix.local/open';

/** The text inside a sandbox mini-program code: a URL naming the app, page, scene and version. */
export function wxacodeContent(input: { appid: string; page: string; scene: string; envVersion: string }): string {
  const url = new URL(WXACODE_URL_BASE);
  url.searchParams.set('appid', input.appid);
  url.searchParams.set('page', input.page);
  url.searchParams.set('scene', input.scene);
  url.searchParams.set('env_version', input.envVersion);
  return url.toString();
}

/** errcodes of getwxacodeunlimit the sandbox answers with (HTTP 200 JSON, as WeChat does). */
const invalidScene = (rid: string) => ({
  errcode: 40169,
  errmsg: `invalid length for scene, or the data is not json string, rid: ${rid}`,
});
const invalidPage = (rid: string) => ({ errcode: 41030, errmsg: `invalid page rid: ${rid}` });

/**
 * `POST /wxa/getwxacodeunlimit?access_token=…` (获取不限制的小程序码, getUnlimitedQRCode):
 * checks the token, the scene (≤ 32 characters of WeChat's set), the page, env_version and
 * width (280–1280), then answers a real QR code PNG. Real WeChat draws its round 小程序码; a
 * square QR code carrying the same facts is what a test can decode.
 */
export function registerWxacodeRoutes(app: FastifyInstance, deps: WxacodeRouteDeps): void {
  app.post('/wxa/getwxacodeunlimit', async (request, reply) => {
    const rid = newRid();
    const token = (request.query as { access_token?: unknown }).access_token;
    const caller = typeof token === 'string' ? deps.tokens.verify(token) : null;
    if (!caller) return wechatError('INVALID_ACCESS_TOKEN', rid);
    const input = (request.body ?? {}) as Record<string, unknown>;
    const { scene } = input;
    if (typeof scene !== 'string' || !SCENE.test(scene)) return invalidScene(rid);
    const page = input.page ?? 'pages/index/index';
    if (typeof page !== 'string' || page.length > 128 || !PAGE.test(page)) return invalidPage(rid);
    const envVersion = input.env_version ?? 'release';
    const width = input.width ?? 430;
    const checkPath = input.check_path ?? true;
    if (
      typeof envVersion !== 'string' ||
      !ENV_VERSIONS.includes(envVersion) ||
      typeof width !== 'number' ||
      !Number.isInteger(width) ||
      width < 280 ||
      width > 1280 ||
      typeof checkPath !== 'boolean'
    )
      return wechatError('INVALID_ARGS', rid);
    const png = await QRCode.toBuffer(wxacodeContent({ appid: caller.appid, page, scene, envVersion }), {
      type: 'png',
      width,
      margin: 2,
      errorCorrectionLevel: 'M',
    });
    deps.log.record({ appid: caller.appid, scene, page, envVersion, width, checkPath, at: deps.clock() });
    return reply.header('content-type', 'image/png').send(png);
  });
}
