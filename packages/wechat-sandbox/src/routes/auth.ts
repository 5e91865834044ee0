import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { wechatError } from '../errcodes';
import type { SandboxAppRegistry } from '../sandbox-app';
import { sandboxOpenid, sandboxUnionid } from '../state/identities';
import type { LoginCodeStore } from '../state/login-codes';
import type { OpenidLog } from '../state/openid-log';
import { newRid } from './rid';

export interface AuthRouteDeps {
  apps: SandboxAppRegistry;
  codes: LoginCodeStore;
  /** Every openid handed out, so later services (subscribe messages) can tell a real one. */
  openids?: OpenidLog;
}

interface Code2SessionQuery {
  appid?: string;
  secret?: string;
  js_code?: string;
  grant_type?: string;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function code2Session(deps: AuthRouteDeps, query: Code2SessionQuery): object {
  const appid = asString(query.appid);
  const secret = asString(query.secret);
  const code = asString(query.js_code);
  const rid = newRid();
  if (!appid) return wechatError('APPID_MISSING', rid);
  if (!secret) return wechatError('APPSECRET_MISSING', rid);
  if (!code) return wechatError('CODE_MISSING', rid);
  if (query.grant_type !== 'authorization_code') return wechatError('INVALID_GRANT_TYPE', rid);
  const check = deps.apps.check(appid, secret);
  if (check === 'unknown-appid') return wechatError('INVALID_APPID', rid);
  if (check === 'bad-secret') return wechatError('INVALID_APPSECRET', rid);
  const redeemed = deps.codes.redeem(appid, code);
  if (!redeemed.ok) return wechatError(redeemed.reason === 'used' ? 'CODE_BEEN_USED' : 'INVALID_CODE', rid);
  const openid = sandboxOpenid(appid, redeemed.userKey);
  deps.openids?.record(appid, openid);
  return {
    session_key: randomBytes(16).toString('base64'),
    openid,
    ...(deps.apps.returnsUnionid(appid) ? { unionid: sandboxUnionid(redeemed.userKey) } : {}),
  };
}

/**
 * `GET /sns/jscode2session` (小程序登录 code2Session) and the sandbox-only
 * `POST /sandbox/login`, which plays the part of `wx.login` for H5 builds and tests.
 */
export function registerAuthRoutes(app: FastifyInstance, deps: AuthRouteDeps): void {
  app.get('/sns/jscode2session', async (request, reply) => {
    // WeChat answers with Content-Type text/plain; clients must not rely on the header.
    reply.type('text/plain');
    return JSON.stringify(code2Session(deps, request.query as Code2SessionQuery));
  });

  app.post('/sandbox/login', async (request) => {
    const input = (request.body ?? {}) as { appid?: unknown; user?: unknown };
    const appid = asString(input.appid);
    const user = asString(input.user);
    const rid = newRid();
    if (!appid) return wechatError('APPID_MISSING', rid);
    if (!deps.apps.has(appid)) return wechatError('INVALID_APPID', rid);
    if (!user || user.length > 64) return wechatError('INVALID_ARGS', rid);
    return { code: deps.codes.issue(appid, user) };
  });
}
