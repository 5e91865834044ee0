import {
  type DemoShopper,
  devLoginRequestSchema,
  type Session,
  type User,
  wechatLoginRequestSchema,
} from '@wematrix/shared';
import type { FastifyInstance } from 'fastify';
import { parseInput } from '../../http/validate';
import { LOGIN_CODE_ERRCODES, WechatApiError, WechatUnavailableError } from '../../integrations/wechat';
import type { RouteDeps } from '../../route-deps';
import { AuthError } from './auth.errors';
import { currentUserId } from './auth.guard';
import { findUserByDemoKey, findUserById, listDemoUsers } from './user.repository';
import { createSession, resolveWechatUser, userRowToDemoShopper, userRowToUser } from './user.service';

export function registerAuthRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db, config, wechat, clock, assetUrl } = deps;
  const sessionFor = (row: Parameters<typeof createSession>[0]): Session =>
    createSession(row, { secret: config.sessionSecret, ttlSeconds: config.sessionTtlSeconds, now: clock(), assetUrl });

  app.post('/api/auth/wechat', async (request): Promise<Session> => {
    const input = parseInput(wechatLoginRequestSchema, request.body, 'body');
    let login: Awaited<ReturnType<typeof wechat.auth.code2Session>>;
    try {
      login = await wechat.auth.code2Session(input.app, input.code);
    } catch (error) {
      if (error instanceof WechatApiError && LOGIN_CODE_ERRCODES.includes(error.errcode)) {
        throw new AuthError('WECHAT_LOGIN_FAILED', {
          messageEn: `WeChat rejected the login code: errcode ${error.errcode}`,
          details: { errcode: error.errcode },
        });
      }
      if (error instanceof WechatApiError || error instanceof WechatUnavailableError) {
        // Misconfigured appid/secret, quota or an outage: the shopper can only retry later.
        request.log.error({ err: error }, 'code2Session failed');
        throw new AuthError('WECHAT_UNAVAILABLE');
      }
      throw error;
    }
    const user = await db
      .transaction()
      .execute((trx) => resolveWechatUser(trx, { app: input.app, openid: login.openid, unionid: login.unionid }));
    return sessionFor(user);
  });

  app.get('/api/auth/dev/shoppers', async (): Promise<DemoShopper[]> => {
    if (!config.devLogin) throw new AuthError('DEV_LOGIN_DISABLED');
    return (await listDemoUsers(db)).map((row) => userRowToDemoShopper(row, assetUrl));
  });

  app.post('/api/auth/dev', async (request): Promise<Session> => {
    if (!config.devLogin) throw new AuthError('DEV_LOGIN_DISABLED');
    const input = parseInput(devLoginRequestSchema, request.body, 'body');
    const user = await findUserByDemoKey(db, input.shopper);
    if (!user) throw new AuthError('SHOPPER_NOT_FOUND', { details: { shopper: input.shopper } });
    return sessionFor(user);
  });

  app.get('/api/me', { preHandler: deps.requireUser }, async (request): Promise<User> => {
    const user = await findUserById(db, currentUserId(request));
    if (!user) throw new AuthError('UNAUTHENTICATED');
    return userRowToUser(user, assetUrl);
  });
}
