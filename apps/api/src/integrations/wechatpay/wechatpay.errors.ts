/** WeChat Pay answered 4xx/5xx with its `{ code, message }` body (e.g. ORDERPAID, PARAM_ERROR). */
export class WechatPayApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly path: string,
  ) {
    super(`WeChat Pay ${path}: HTTP ${status} ${code}: ${detail}`);
    this.name = 'WechatPayApiError';
  }
}

/** No trustworthy answer: network failure, timeout, unsigned or badly signed answer, odd shape. */
export class WechatPayUnavailableError extends Error {
  constructor(
    message: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(`WeChat Pay ${path}: ${message}`, options);
    this.name = 'WechatPayUnavailableError';
  }
}

export type NotificationRejection =
  | 'missing_headers'
  | 'stale_timestamp'
  | 'unknown_serial'
  | 'bad_signature'
  | 'malformed_body'
  | 'decrypt_failed';

/** A notification that must not be trusted; the notify route answers 4xx so WeChat retries. */
export class NotificationRejectedError extends Error {
  constructor(
    readonly reason: NotificationRejection,
    options?: { cause?: unknown },
  ) {
    super(`WeChat Pay notification rejected: ${reason}`, options);
    this.name = 'NotificationRejectedError';
  }
}
