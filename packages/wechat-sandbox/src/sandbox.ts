import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { PayVerifyMode } from './pay/notifier';
import { SandboxPay } from './pay/sandbox-pay';
import { registerAccessTokenRoutes } from './routes/access-token';
import { registerAuthRoutes } from './routes/auth';
import { registerCors } from './routes/cors';
import { registerPayPageRoutes } from './routes/pay-page';
import { registerPayV3Routes } from './routes/pay-v3';
import { registerSubscribeMessageRoutes } from './routes/subscribe-message';
import { registerWxacodeRoutes } from './routes/wxacode';
import { type SandboxAppCredentials, SandboxAppRegistry, type SandboxClock } from './sandbox-app';
import { AccessTokenStore } from './state/access-tokens';
import { LoginCodeStore } from './state/login-codes';
import { OpenidLog } from './state/openid-log';
import { SubscribeMessageStore } from './state/subscribe-messages';
import { WxacodeLog } from './state/wxacodes';

export interface SandboxOptions {
  apps: readonly SandboxAppCredentials[];
  clock?: SandboxClock;
  logger?: FastifyServerOptions['logger'];
  /** WeChat Pay: how notifications name the platform key (default 'public_key'), and the demo mchid. */
  pay?: { mode?: PayVerifyMode; mchid?: string };
}

export interface Sandbox {
  app: FastifyInstance;
  /** What `wx.login` would hand the mini-program of `appid` for the person `userKey`. */
  issueLoginCode(appid: string, userKey: string): string;
  /** Minted access tokens; later endpoints (wxacode, subscribe) verify `?access_token=` here. */
  accessTokens: AccessTokenStore;
  /** WeChat Pay: the demo merchant and platform keys (generated now), transactions, notifications. */
  pay: SandboxPay;
  /** Subscribe messages: templates (addTemplate), refusals (refuse -> 43101) and delivered messages. */
  subscribe: SubscribeMessageStore;
  /** Mini-program codes drawn by getwxacodeunlimit, in order (tests count calls here). */
  wxacode: WxacodeLog;
}

/** A local stand-in for WeChat's servers. Each service registers its routes from routes/. */
export function createSandbox(options: SandboxOptions): Sandbox {
  const clock = options.clock ?? (() => new Date());
  const apps = new SandboxAppRegistry(options.apps);
  const codes = new LoginCodeStore(clock);
  const accessTokens = new AccessTokenStore(clock);
  const openids = new OpenidLog();
  const subscribe = new SubscribeMessageStore(clock);
  const wxacode = new WxacodeLog();
  const app = Fastify({ logger: options.logger ?? false });
  const pay = new SandboxPay({
    clock,
    mode: options.pay?.mode,
    mchid: options.pay?.mchid,
    log: (message, details) => app.log.info(details, message),
  });

  // Pay v3 signatures cover the body text exactly as sent, so the JSON parser keeps it.
  const rawBodies = new WeakMap<FastifyRequest, string>();
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = String(body);
    rawBodies.set(request, text);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      (error as { statusCode?: number }).statusCode = 400;
      done(error as Error, undefined);
    }
  });

  registerCors(app);
  registerAuthRoutes(app, { apps, codes, openids });
  registerAccessTokenRoutes(app, { apps, tokens: accessTokens });
  registerPayV3Routes(app, { pay, apps, clock, rawBody: (request) => rawBodies.get(request) ?? '' });
  registerPayPageRoutes(app, { pay });
  registerSubscribeMessageRoutes(app, { tokens: accessTokens, openids, store: subscribe });
  registerWxacodeRoutes(app, { tokens: accessTokens, log: wxacode, clock });
  app.get('/sandbox/health', async () => ({ ok: true }));

  return {
    app,
    accessTokens,
    pay,
    subscribe,
    wxacode,
    issueLoginCode(appid, userKey) {
      if (!apps.has(appid)) throw new Error(`Sandbox has no app ${appid}`);
      return codes.issue(appid, userKey);
    },
  };
}
