import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { registerAccessTokenRoutes } from './routes/access-token';
import { registerAuthRoutes } from './routes/auth';
import { registerCors } from './routes/cors';
import { type SandboxAppCredentials, SandboxAppRegistry, type SandboxClock } from './sandbox-app';
import { AccessTokenStore } from './state/access-tokens';
import { LoginCodeStore } from './state/login-codes';

export interface SandboxOptions {
  apps: readonly SandboxAppCredentials[];
  clock?: SandboxClock;
  logger?: FastifyServerOptions['logger'];
}

export interface Sandbox {
  app: FastifyInstance;
  /** What `wx.login` would hand the mini-program of `appid` for the person `userKey`. */
  issueLoginCode(appid: string, userKey: string): string;
  /** Minted access tokens; later endpoints (wxacode, subscribe) verify `?access_token=` here. */
  accessTokens: AccessTokenStore;
}

/** A local stand-in for WeChat's servers. Each service registers its routes from routes/. */
export function createSandbox(options: SandboxOptions): Sandbox {
  const clock = options.clock ?? (() => new Date());
  const apps = new SandboxAppRegistry(options.apps);
  const codes = new LoginCodeStore(clock);
  const accessTokens = new AccessTokenStore(clock);
  const app = Fastify({ logger: options.logger ?? false });

  registerCors(app);
  registerAuthRoutes(app, { apps, codes });
  registerAccessTokenRoutes(app, { apps, tokens: accessTokens });
  app.get('/sandbox/health', async () => ({ ok: true }));

  return {
    app,
    accessTokens,
    issueLoginCode(appid, userKey) {
      if (!apps.has(appid)) throw new Error(`Sandbox has no app ${appid}`);
      return codes.issue(appid, userKey);
    },
  };
}
