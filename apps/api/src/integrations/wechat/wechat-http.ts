import type { z } from 'zod';
import { WechatApiError, WechatUnavailableError } from './wechat.errors';

export interface WechatHttpOptions {
  /** e.g. https://api.weixin.qq.com, or the sandbox's http://127.0.0.1:3100. */
  apiBase: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface WechatRequest<S extends z.ZodTypeAny> {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Shape of a successful answer; anything else is WechatUnavailableError. */
  schema: S;
}

export type WechatHttp = <S extends z.ZodTypeAny>(request: WechatRequest<S>) => Promise<z.output<S>>;

/**
 * One JSON call to a WeChat server API. WeChat answers HTTP 200 with `{ errcode, errmsg }`
 * on failure and sometimes labels JSON as text/plain, so the body is parsed regardless of
 * the header and errcode decides success.
 */
export function createWechatHttp(options: WechatHttpOptions): WechatHttp {
  const doFetch = options.fetch ?? fetch;
  const base = options.apiBase.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 5000;

  return async (request) => {
    const url = new URL(`${base}${request.path}`);
    for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
    let text: string;
    try {
      const response = await doFetch(url, {
        method: request.method,
        headers: request.body === undefined ? {} : { 'content-type': 'application/json' },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
      if (!response.ok) throw new WechatUnavailableError(`HTTP ${response.status}`, request.path);
    } catch (error) {
      if (error instanceof WechatUnavailableError) throw error;
      throw new WechatUnavailableError('request failed', request.path, { cause: error });
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new WechatUnavailableError('answer is not JSON', request.path, { cause: error });
    }
    const errcode = (data as { errcode?: unknown } | null)?.errcode;
    if (typeof errcode === 'number' && errcode !== 0) {
      const errmsg = (data as { errmsg?: unknown }).errmsg;
      throw new WechatApiError(errcode, typeof errmsg === 'string' ? errmsg : '', request.path);
    }
    const parsed = request.schema.safeParse(data);
    if (!parsed.success) throw new WechatUnavailableError('answer has an unexpected shape', request.path);
    return parsed.data;
  };
}
