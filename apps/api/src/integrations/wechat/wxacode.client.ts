import type { AppName } from '@wematrix/shared';
import type { AccessTokenClient } from './access-token.client';
import { WechatApiError, WechatUnavailableError } from './wechat.errors';

/** Which version of the mini-program a code opens (getwxacodeunlimit's env_version). */
export type WxacodeEnvVersion = 'release' | 'trial' | 'develop';

export interface UnlimitedCodeRequest {
  /** ≤ 32 characters of WeChat's set (see isWxacodeScene in @wematrix/shared). */
  scene: string;
  /** A page of the app, no leading slash, no query. */
  page: string;
  /** false: the page need not exist in the published version yet (trial / develop builds). */
  checkPath: boolean;
  envVersion: WxacodeEnvVersion;
  /** 280–1280 pixels. */
  width: number;
}

export interface WxacodeClient {
  /**
   * `POST /wxa/getwxacodeunlimit` (获取不限制的小程序码): the image's bytes and type. Throws
   * WechatApiError (40169 bad scene, 41030 bad page, 45009 over quota …) or
   * WechatUnavailableError. WeChat limits how often this is called: callers cache codes.
   */
  getUnlimited(app: AppName, request: UnlimitedCodeRequest): Promise<{ bytes: Buffer; contentType: string }>;
}

const PATH = '/wxa/getwxacodeunlimit';
/** errcodes that mean "this access token is no longer good": fetch a new one and try once more. */
const STALE_TOKEN_ERRCODES: readonly number[] = [40001, 42001, 40014];

/**
 * Not on the JSON client (wechat-http.ts): WeChat answers this API with the image itself, and
 * only a failure is `{ errcode, errmsg }` JSON, so the content type decides.
 */
export function createWxacodeClient(deps: {
  apiBase: string;
  accessToken: AccessTokenClient;
  fetch?: typeof fetch;
  timeoutMs?: number;
}): WxacodeClient {
  const doFetch = deps.fetch ?? fetch;
  const base = deps.apiBase.replace(/\/+$/, '');

  async function call(token: string, request: UnlimitedCodeRequest) {
    const url = new URL(`${base}${PATH}`);
    url.searchParams.set('access_token', token);
    let response: Response;
    let bytes: Buffer;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          scene: request.scene,
          page: request.page,
          check_path: request.checkPath,
          env_version: request.envVersion,
          width: request.width,
        }),
        signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
      });
      bytes = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      throw new WechatUnavailableError('request failed', PATH, { cause: error });
    }
    if (!response.ok) throw new WechatUnavailableError(`HTTP ${response.status}`, PATH);
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (contentType.startsWith('image/')) return { bytes, contentType };
    let data: unknown;
    try {
      data = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw new WechatUnavailableError('answer is neither an image nor JSON', PATH, { cause: error });
    }
    const { errcode, errmsg } = (data ?? {}) as { errcode?: unknown; errmsg?: unknown };
    if (typeof errcode === 'number' && errcode !== 0) {
      throw new WechatApiError(errcode, typeof errmsg === 'string' ? errmsg : '', PATH);
    }
    throw new WechatUnavailableError('answer has no image', PATH);
  }

  return {
    async getUnlimited(app, request) {
      try {
        return await call(await deps.accessToken.get(app), request);
      } catch (error) {
        if (!(error instanceof WechatApiError) || !STALE_TOKEN_ERRCODES.includes(error.errcode)) throw error;
        return call(await deps.accessToken.refresh(app), request);
      }
    },
  };
}
