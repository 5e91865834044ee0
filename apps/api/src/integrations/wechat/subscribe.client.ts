import type { AppName } from '@wematrix/shared';
import { z } from 'zod';
import type { AccessTokenClient } from './access-token.client';
import { WechatApiError } from './wechat.errors';
import type { WechatHttp } from './wechat-http';

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** The mini-program page the notice opens, e.g. "pkg-order/detail/index?id=…". */
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState: 'developer' | 'trial' | 'formal';
}

export interface SubscribeMessageClient {
  /**
   * `POST /cgi-bin/message/subscribe/send`: answers WeChat's msgid; throws WechatApiError
   * (43101 refused, 47003 bad data …) or WechatUnavailableError.
   */
  send(app: AppName, message: SubscribeMessage): Promise<{ msgid: string | null }>;
}

const sendAnswer = z.object({ msgid: z.union([z.number(), z.string()]).optional() });

/** errcodes that mean "this access token is no longer good": fetch a new one and try once more. */
const STALE_TOKEN_ERRCODES: readonly number[] = [40001, 42001, 40014];

export function createSubscribeMessageClient(deps: {
  http: WechatHttp;
  accessToken: AccessTokenClient;
}): SubscribeMessageClient {
  const post = (token: string, message: SubscribeMessage) =>
    deps.http({
      method: 'POST',
      path: '/cgi-bin/message/subscribe/send',
      query: { access_token: token },
      body: {
        touser: message.touser,
        template_id: message.templateId,
        page: message.page,
        data: message.data,
        miniprogram_state: message.miniprogramState,
        lang: 'zh_CN',
      },
      schema: sendAnswer,
    });

  return {
    async send(app, message) {
      let answer: z.output<typeof sendAnswer>;
      try {
        answer = await post(await deps.accessToken.get(app), message);
      } catch (error) {
        if (!(error instanceof WechatApiError) || !STALE_TOKEN_ERRCODES.includes(error.errcode)) throw error;
        answer = await post(await deps.accessToken.refresh(app), message);
      }
      return { msgid: answer.msgid === undefined ? null : String(answer.msgid) };
    },
  };
}
