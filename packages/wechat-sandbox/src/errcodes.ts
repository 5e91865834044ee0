/**
 * The WeChat errcodes the sandbox answers with, named after WeChat's own errmsg texts
 * (see the "全局返回码" page of the WeChat docs). WeChat answers HTTP 200 with
 * `{ errcode, errmsg }` on failure, so the sandbox does the same.
 */
export const WECHAT_ERRCODES = {
  SYSTEM_ERROR: { errcode: -1, errmsg: 'system error' },
  INVALID_GRANT_TYPE: { errcode: 40002, errmsg: 'invalid grant_type' },
  INVALID_APPID: { errcode: 40013, errmsg: 'invalid appid' },
  INVALID_CODE: { errcode: 40029, errmsg: 'invalid code' },
  INVALID_APPSECRET: { errcode: 40125, errmsg: 'invalid appsecret' },
  CODE_BEEN_USED: { errcode: 40163, errmsg: 'code been used' },
  INVALID_ARGS: { errcode: 40097, errmsg: 'invalid args' },
  APPID_MISSING: { errcode: 41002, errmsg: 'appid missing' },
  APPSECRET_MISSING: { errcode: 41004, errmsg: 'appsecret missing' },
  CODE_MISSING: { errcode: 41008, errmsg: 'missing code' },
  INVALID_ACCESS_TOKEN: { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' },
  INVALID_OPENID: { errcode: 40003, errmsg: 'invalid openid' },
  INVALID_TEMPLATE_ID: { errcode: 40037, errmsg: 'invalid template_id' },
  USER_REFUSED: { errcode: 43101, errmsg: 'user refuse to accept the msg' },
} as const;

export type WechatErrorName = keyof typeof WECHAT_ERRCODES;

export interface WechatErrorBody {
  errcode: number;
  errmsg: string;
}

/** WeChat appends a request id (`rid`) to every errmsg; callers should match on errcode only. */
export function wechatError(name: WechatErrorName, rid: string): WechatErrorBody {
  const { errcode, errmsg } = WECHAT_ERRCODES[name];
  return { errcode, errmsg: `${errmsg}, rid: ${rid}` };
}
