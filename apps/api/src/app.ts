import { resolve } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { type Clock, systemClock } from './clock';
import { API_ASSETS_DIR, type ApiConfig, DEFAULT_UPLOAD_DIR, REPO_ROOT } from './config';
import type { Database } from './db/database';
import { createAssetUrl } from './http/asset-urls';
import { registerCompression } from './http/compression';
import { registerCors } from './http/cors';
import { handleFrameworkError, registerErrorHandling } from './http/error-handler';
import { registerJsonBodyParser } from './http/json-body';
import { createResponseCache, type ResponseCache } from './http/response-cache';
import { registerStaticFiles } from './http/static-files';
import type { WechatClients } from './integrations/wechat';
import { createJobRunner, type JobRunner } from './jobs/job-runner';
import { registerJobsOpsRoutes } from './jobs/jobs-ops.routes';
import { registerAddressRoutes } from './modules/addresses/address.routes';
import { registerAfterSaleRoutes } from './modules/after-sales/after-sale.routes';
import { createAuthGuard } from './modules/auth/auth.guard';
import { registerAuthRoutes } from './modules/auth/auth.routes';
import { registerBargainRoutes } from './modules/bargain/bargain.routes';
import { registerCampaignRoutes } from './modules/campaign/campaign.routes';
import { registerCartRoutes } from './modules/cart/cart.routes';
import { registerCatalogRoutes } from './modules/catalog/catalog.routes';
import { registerDistributionRoutes } from './modules/distribution/distribution.routes';
import { registerFlashSaleRoutes } from './modules/flash-sale/flash-sale.routes';
import { registerGroupBuyRoutes } from './modules/group-buy/group-buy.routes';
import { registerHealthRoutes } from './modules/health/health.routes';
import { registerLotteryRoutes } from './modules/lottery/lottery.routes';
import { registerMemberRoutes } from './modules/member/member.routes';
import { registerOrderJobs } from './modules/orders/order.jobs';
import { registerOrderRoutes } from './modules/orders/order.routes';
import { registerPaymentRoutes, registerPayUnavailableRoute } from './modules/payments/payments.routes';
import { registerPointsMallRoutes } from './modules/points-mall/points-mall.routes';
import { registerPresaleRoutes } from './modules/presale/presale.routes';
import { registerPromotionRoutes } from './modules/promotions/promotions.routes';
import { registerReviewRoutes } from './modules/reviews/review.routes';
import { registerSearchRoutes } from './modules/search/search.routes';
import { registerShareRoutes } from './modules/share/share.routes';
import { registerSubscribeJobs } from './modules/subscribe/subscribe.jobs';
import { registerSubscribeRoutes } from './modules/subscribe/subscribe.routes';
import { createLocalFileStorage, type FileStorage } from './modules/uploads/file-storage';
import { registerUploadRoutes } from './modules/uploads/upload.routes';
import type { RouteDeps } from './route-deps';

declare module 'fastify' {
  interface FastifyInstance {
    /** The deadline job runner: server.ts starts it, tests call `tick(now)`; stopped on close. */
    jobs: JobRunner;
  }
}

export interface AppDeps {
  /** A migrated database; buildApp neither migrates nor seeds. */
  db: Database;
  config: ApiConfig;
  wechat: WechatClients;
  /** Fastify's pino options (`{ level: 'silent' }` in tests). */
  logger?: FastifyServerOptions['logger'];
  clock?: Clock;
  /** Folder served at /static/ (default apps/api/assets). */
  assetsDir?: string;
  /** Cache of public catalog reads; tests pass theirs to invalidate it as a write would. */
  catalogCache?: ResponseCache;
  /** Where uploads are kept (default: the local folder config.uploadDir). */
  fileStorage?: FileStorage;
}

/** The whole HTTP API as a Fastify instance; server.ts listens on it, tests `inject` into it. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? { level: deps.config.logLevel },
    // A request that takes longer than this is stuck; free the socket.
    requestTimeout: 30_000,
    frameworkErrors: handleFrameworkError,
  });
  const clock = deps.clock ?? systemClock;
  const jobs = createJobRunner({ clock, logger: app.log });
  app.decorate('jobs', jobs);
  // Close waits for a tick in flight, so the database is never closed under a running job.
  app.addHook('onClose', () => jobs.stop());
  const routeDeps: RouteDeps = {
    db: deps.db,
    config: deps.config,
    wechat: deps.wechat,
    clock,
    assetUrl: createAssetUrl(deps.config.publicBaseUrl),
    requireUser: createAuthGuard({ db: deps.db, secret: deps.config.sessionSecret, clock }),
    catalogCache:
      deps.catalogCache ??
      createResponseCache({ ttlMs: deps.config.catalogCacheTtlMs, maxEntries: 1000, now: () => clock().getTime() }),
    jobs,
  };

  app.decorateRequest('userId', null);
  registerJsonBodyParser(app);
  registerErrorHandling(app);
  registerCors(app);
  await registerCompression(app);
  await registerStaticFiles(app, { assetsDir: deps.assetsDir ?? API_ASSETS_DIR, webRoot: deps.config.webRoot });

  registerHealthRoutes(app, routeDeps);
  registerAuthRoutes(app, routeDeps);
  registerCatalogRoutes(app, routeDeps);
  registerSearchRoutes(app, routeDeps);
  registerCartRoutes(app, routeDeps);
  registerCampaignRoutes(app, routeDeps);
  registerAddressRoutes(app, routeDeps);
  registerOrderJobs(jobs, deps.db);
  registerOrderRoutes(app, routeDeps);
  registerPromotionRoutes(app, routeDeps);
  registerMemberRoutes(app, routeDeps);
  registerPointsMallRoutes(app, routeDeps);
  registerFlashSaleRoutes(app, routeDeps);
  registerPresaleRoutes(app, routeDeps);
  registerGroupBuyRoutes(app, routeDeps, deps.config.wechatPay);
  registerDistributionRoutes(app, routeDeps);
  registerBargainRoutes(app, routeDeps);
  registerLotteryRoutes(app, routeDeps);
  // WeChat Pay only with a merchant account configured (WECHATPAY_*); otherwise paying answers 503.
  if (deps.config.wechatPay) registerPaymentRoutes(app, routeDeps, deps.config.wechatPay);
  else registerPayUnavailableRoute(app, routeDeps);
  registerUploadRoutes(
    app,
    routeDeps,
    deps.fileStorage ?? createLocalFileStorage(deps.config.uploadDir ?? resolve(REPO_ROOT, DEFAULT_UPLOAD_DIR)),
  );
  registerAfterSaleRoutes(app, routeDeps, deps.config.wechatPay);
  registerReviewRoutes(app, routeDeps);
  registerSubscribeRoutes(app, routeDeps);
  registerShareRoutes(app, routeDeps, {
    fileStorage:
      deps.fileStorage ?? createLocalFileStorage(deps.config.uploadDir ?? resolve(REPO_ROOT, DEFAULT_UPLOAD_DIR)),
  });
  registerJobsOpsRoutes(app, routeDeps);
  registerSubscribeJobs(jobs, { db: deps.db, wechat: deps.wechat, config: deps.config.subscribe });
  return app;
}
