import type { FastifyInstance } from 'fastify';
import { wechatError } from '../errcodes';
import type { SandboxAppRegistry } from '../sandbox-app';
import type { AccessTokenStore } from '../state/access-tokens';
import { newRid } from './rid';

export interface AccessTokenRouteDeps {
  apps: SandboxAppRegistry;
  tokens: AccessTokenStore;
}

/** `POST /cgi-bin/stable_token` (获取稳定版接口调用凭据). */
export function registerAccessTokenRoutes(app: FastifyInstance, deps: AccessTokenRouteDeps): void {
  app.post('/cgi-bin/stable_token', async (request) => {
    const input = (request.body ?? {}) as {
      grant_type?: unknown;
      appid?: unknown;
      secret?: unknown;
      force_refresh?: unknown;
    };
    const rid = newRid();
    if (typeof input.appid !== 'string' || input.appid === '') return wechatError('APPID_MISSING', rid);
    if (typeof input.secret !== 'string' || input.secret === '') return wechatError('APPSECRET_MISSING', rid);
    if (input.grant_type !== 'client_credential') return wechatError('INVALID_GRANT_TYPE', rid);
    const check = deps.apps.check(input.appid, input.secret);
    if (check === 'unknown-appid') return wechatError('INVALID_APPID', rid);
    if (check === 'bad-secret') return wechatError('INVALID_APPSECRET', rid);
    const issued = deps.tokens.stable(input.appid, input.force_refresh === true);
    return { access_token: issued.accessToken, expires_in: issued.expiresIn };
  });
}
