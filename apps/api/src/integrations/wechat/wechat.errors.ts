/** WeChat answered `{ errcode, errmsg }` with errcode != 0. */
export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly path: string,
  ) {
    super(`WeChat ${path} errcode ${errcode}: ${errmsg}`);
    this.name = 'WechatApiError';
  }
}

/** No usable answer: network failure, timeout, non-JSON body or an unexpected shape. */
export class WechatUnavailableError extends Error {
  constructor(
    message: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(`WeChat ${path}: ${message}`, options);
    this.name = 'WechatUnavailableError';
  }
}

/** errcodes of jscode2session that mean "this code is no good, get a new one from wx.login". */
export const LOGIN_CODE_ERRCODES: readonly number[] = [40029, 40163, 40226];
