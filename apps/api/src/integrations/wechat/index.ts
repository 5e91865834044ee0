import type { AppName } from '@wematrix/shared';
import type { Clock } from '../../clock';
import type { WechatAppCredentials } from '../../config';
import { type AccessTokenClient, createAccessTokenClient } from './access-token.client';
import { createWechatAuthClient, type WechatAuthClient } from './auth.client';
import { createSubscribeMessageClient, type SubscribeMessageClient } from './subscribe.client';
import { createWechatHttp } from './wechat-http';
import { createWxacodeClient, type WxacodeClient } from './wxacode.client';

export type { AccessTokenClient } from './access-token.client';
export type { Code2SessionResult, WechatAuthClient } from './auth.client';
export type { SubscribeMessage, SubscribeMessageClient } from './subscribe.client';
export { LOGIN_CODE_ERRCODES, WechatApiError, WechatUnavailableError } from './wechat.errors';
export type { UnlimitedCodeRequest, WxacodeClient, WxacodeEnvVersion } from './wxacode.client';

/** Every typed WeChat client the API uses, all on one configurable base URL. */
export interface WechatClients {
  auth: WechatAuthClient;
  accessToken: AccessTokenClient;
  subscribe: SubscribeMessageClient;
  /** 小程序码 (getwxacodeunlimit); callers cache codes. */
  wxacode: WxacodeClient;
}

export function createWechatClients(options: {
  apiBase: string;
  apps: Record<AppName, WechatAppCredentials>;
  clock: Clock;
  fetch?: typeof fetch;
}): WechatClients {
  const http = createWechatHttp({ apiBase: options.apiBase, fetch: options.fetch });
  const accessToken = createAccessTokenClient({ http, apps: options.apps, clock: options.clock });
  return {
    auth: createWechatAuthClient({ http, apps: options.apps }),
    accessToken,
    subscribe: createSubscribeMessageClient({ http, accessToken }),
    wxacode: createWxacodeClient({ apiBase: options.apiBase, accessToken, fetch: options.fetch }),
  };
}
