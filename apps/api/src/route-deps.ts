import type { preHandlerAsyncHookHandler } from 'fastify';
import type { Clock } from './clock';
import type { ApiConfig } from './config';
import type { Database } from './db/database';
import type { AssetUrl } from './http/asset-urls';
import type { ResponseCache } from './http/response-cache';
import type { WechatClients } from './integrations/wechat';
import type { JobRunner } from './jobs/job-runner';

/** What every module's routes receive from buildApp. */
export interface RouteDeps {
  db: Database;
  config: ApiConfig;
  wechat: WechatClients;
  clock: Clock;
  assetUrl: AssetUrl;
  /** preHandler that rejects requests without a valid session and sets request.userId. */
  requireUser: preHandlerAsyncHookHandler;
  /** Public catalog answers; invalidate after any catalog write. */
  catalogCache: ResponseCache;
  /** The deadline runner: a module registers its jobs here next to its routes. */
  jobs: JobRunner;
}
