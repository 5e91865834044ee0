import type { AppName } from '@wematrix/shared';
import { z } from 'zod';
import type { Clock } from '../../clock';
import type { WechatAppCredentials } from '../../config';
import type { WechatHttp } from './wechat-http';

/** Refresh this long before WeChat's expiry so a token never dies mid-request. */
export const ACCESS_TOKEN_REFRESH_MARGIN_MS = 5 * 60 * 1000;
/** For a token handed out with less than the margin left: stop using it this long before expiry. */
const LAST_MINUTE_SAFETY_MS = 30 * 1000;

export interface AccessTokenClient {
  /** A valid access token for the app, from cache while it has more than 5 minutes left. */
  get(app: AppName): Promise<string>;
  /** After WeChat said 40001/42001 (token invalid/expired): fetch a new one, forcing a refresh. */
  refresh(app: AppName): Promise<string>;
}

const stableTokenAnswer = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
});

interface Cached {
  token: string;
  refreshAtMs: number;
}

/**
 * `POST /cgi-bin/stable_token`, cached in memory per app. Concurrent callers share one
 * in-flight request, so a burst of wxacode calls costs WeChat one token call (the daily
 * quota for tokens is small). The stable-token endpoint returns the same token to every
 * instance, so several API instances caching separately do not invalidate each other.
 */
export function createAccessTokenClient(deps: {
  http: WechatHttp;
  apps: Record<AppName, WechatAppCredentials>;
  clock: Clock;
}): AccessTokenClient {
  const cache = new Map<AppName, Cached>();
  const inFlight = new Map<AppName, Promise<string>>();

  function fetchToken(app: AppName, forceRefresh: boolean): Promise<string> {
    const pending = inFlight.get(app);
    if (pending && !forceRefresh) return pending;
    const { appid, secret } = deps.apps[app];
    const request = deps
      .http({
        method: 'POST',
        path: '/cgi-bin/stable_token',
        body: { grant_type: 'client_credential', appid, secret, force_refresh: forceRefresh },
        schema: stableTokenAnswer,
      })
      .then((answer) => {
        const nowMs = deps.clock().getTime();
        const lifetimeMs = answer.expires_in * 1000;
        // stable_token hands every caller the current token with its *remaining* lifetime, so
        // a fresh process can receive one with less than the margin left. Use it until shortly
        // before it dies instead of asking again on every call; WeChat mints the next one then.
        const refreshInMs =
          lifetimeMs > ACCESS_TOKEN_REFRESH_MARGIN_MS
            ? lifetimeMs - ACCESS_TOKEN_REFRESH_MARGIN_MS
            : Math.max(0, lifetimeMs - Math.min(LAST_MINUTE_SAFETY_MS, lifetimeMs / 2));
        cache.set(app, { token: answer.access_token, refreshAtMs: nowMs + refreshInMs });
        return answer.access_token;
      })
      .finally(() => {
        if (inFlight.get(app) === request) inFlight.delete(app);
      });
    inFlight.set(app, request);
    return request;
  }

  return {
    async get(app) {
      const cached = cache.get(app);
      if (cached && deps.clock().getTime() < cached.refreshAtMs) return cached.token;
      return fetchToken(app, false);
    },
    refresh(app) {
      cache.delete(app);
      return fetchToken(app, true);
    },
  };
}
