import type { AppName } from '@wematrix/shared';
import { z } from 'zod';
import type { WechatAppCredentials } from '../../config';
import type { WechatHttp } from './wechat-http';

export interface Code2SessionResult {
  openid: string;
  /** Only when the app is bound to an open-platform account. */
  unionid: string | null;
  /** Kept server-side only; never sent to clients. */
  sessionKey: string;
}

export interface WechatAuthClient {
  /** `GET /sns/jscode2session`: throws WechatApiError (bad code...) or WechatUnavailableError. */
  code2Session(app: AppName, code: string): Promise<Code2SessionResult>;
}

const code2SessionAnswer = z.object({
  openid: z.string().min(1),
  session_key: z.string(),
  unionid: z.string().min(1).optional(),
});

export function createWechatAuthClient(deps: {
  http: WechatHttp;
  apps: Record<AppName, WechatAppCredentials>;
}): WechatAuthClient {
  return {
    async code2Session(app, code) {
      const { appid, secret } = deps.apps[app];
      const answer = await deps.http({
        method: 'GET',
        path: '/sns/jscode2session',
        query: { appid, secret, js_code: code, grant_type: 'authorization_code' },
        schema: code2SessionAnswer,
      });
      return { openid: answer.openid, unionid: answer.unionid ?? null, sessionKey: answer.session_key };
    },
  };
}
