import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { z } from 'zod';
import { type VerifiedNotification, verifyNotification } from './notification';
import {
  certificatesAnswerSchema,
  certificateVerifier,
  type PlatformVerifier,
  publicKeyVerifier,
} from './platform-keys';
import { buildRequestPaymentParams, type RequestPaymentParams } from './request-payment';
import { WechatPayApiError, WechatPayUnavailableError } from './wechatpay.errors';
import {
  prepayAnswerSchema,
  refundSchema,
  transactionSchema,
  transferBillAnswerSchema,
  transferBillSchema,
  type WechatPayRefund,
  type WechatPayTransaction,
  type WechatPayTransferAnswer,
  type WechatPayTransferBill,
} from './wechatpay.schemas';
import {
  authorizationHeader,
  randomNonce,
  requestSignMessage,
  responseSignMessage,
  signMessage,
  verifySignature,
} from './wechatpay-signing';

/** A merchant account as the API is configured with it (config.ts reads it from WECHATPAY_*). */
export interface WechatPaySettings {
  /** https://api.mch.weixin.qq.com, or the sandbox. */
  apiBase: string;
  mchid: string;
  /** Serial number of the merchant API certificate (商户API证书序列号). */
  merchantSerial: string;
  merchantPrivateKeyPem: string;
  /** 32-character APIv3 key (APIv3密钥). */
  apiV3Key: string;
  platform: { mode: 'public_key'; publicKeyId: string; publicKeyPem: string } | { mode: 'certificate' };
}

export interface WechatPayClient {
  readonly mchid: string;
  readonly verifier: PlatformVerifier;
  /** JSAPI / mini-program prepay: `POST /v3/pay/transactions/jsapi`. */
  jsapiPrepay(input: {
    appid: string;
    description: string;
    outTradeNo: string;
    amountFen: number;
    payerOpenid: string;
    notifyUrl: string;
    timeExpire?: Date;
  }): Promise<{ prepayId: string }>;
  /** `GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=`. */
  queryByOutTradeNo(outTradeNo: string): Promise<WechatPayTransaction>;
  /** `POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close` (204). ORDERPAID when paid meanwhile. */
  close(outTradeNo: string): Promise<void>;
  /** `POST /v3/refund/domestic/refunds`; idempotent per out_refund_no on WeChat's side. */
  refund(input: {
    outTradeNo: string;
    outRefundNo: string;
    refundFen: number;
    totalFen: number;
    reason?: string;
    notifyUrl: string;
  }): Promise<WechatPayRefund>;
  /**
   * 商家转账: `POST /v3/fund-app/mch-transfer/transfer-bills`. The same out_bill_no with the
   * same fields is the same bill on WeChat's side, so a retry never pays twice.
   */
  transferToUser(input: {
    appid: string;
    outBillNo: string;
    transferSceneId: string;
    openid: string;
    amountFen: number;
    remark: string;
    notifyUrl: string;
    userRecvPerception: string;
    sceneReportInfos: readonly { infoType: string; infoContent: string }[];
  }): Promise<WechatPayTransferAnswer>;
  /** `GET /v3/fund-app/mch-transfer/transfer-bills/out-bill-no/{out_bill_no}`. */
  queryTransferBill(outBillNo: string): Promise<WechatPayTransferBill>;
  /** The object the mini-program passes to `wx.requestPayment`, signed with the merchant key. */
  requestPayment(appId: string, prepayId: string): RequestPaymentParams;
  verifyNotification(input: {
    headers: Record<string, string | string[] | undefined>;
    rawBody: Buffer | undefined;
  }): Promise<VerifiedNotification>;
}

interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * WeChat Pay API v3 as a merchant talks to it. Apart from the `{ errcode }` WeChat client:
 * its own base URL, every request signed with the merchant key, every answer's signature
 * checked against the platform key before it is believed (an unsigned 200 is an attacker's
 * 200), errors as HTTP status + `{ code, message }`.
 */
export function createWechatPayClient(options: {
  settings: WechatPaySettings;
  clock: () => Date;
  fetch?: typeof fetch;
  timeoutMs?: number;
}): WechatPayClient {
  const { settings, clock } = options;
  const doFetch = options.fetch ?? fetch;
  const base = settings.apiBase.replace(/\/+$/, '');
  const privateKey: KeyObject = createPrivateKey(settings.merchantPrivateKeyPem);

  async function send(method: 'GET' | 'POST', url: string, body?: unknown): Promise<RawAnswer> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const timestamp = String(Math.floor(clock().getTime() / 1000));
    const nonce = randomNonce();
    const signature = signMessage(privateKey, requestSignMessage({ method, url, timestamp, nonce, body: text }));
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: authorizationHeader({
        mchid: settings.mchid,
        serialNo: settings.merchantSerial,
        nonce,
        timestamp,
        signature,
      }),
      'user-agent': 'wematrix-api',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (settings.platform.mode === 'public_key') headers['wechatpay-serial'] = settings.platform.publicKeyId;
    try {
      const response = await doFetch(`${base}${url}`, {
        method,
        headers,
        body: body === undefined ? undefined : text,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      return { status: response.status, headers: response.headers, text: await response.text() };
    } catch (error) {
      throw new WechatPayUnavailableError('request failed', url, { cause: error });
    }
  }

  function signedBy(answer: RawAnswer, key: KeyObject, serial: string): boolean {
    const timestamp = answer.headers.get('wechatpay-timestamp');
    const nonce = answer.headers.get('wechatpay-nonce');
    const signature = answer.headers.get('wechatpay-signature');
    if (!timestamp || !nonce || !signature || answer.headers.get('wechatpay-serial') !== serial) return false;
    return verifySignature(key, responseSignMessage({ timestamp, nonce, body: answer.text }), signature);
  }

  const verifier: PlatformVerifier =
    settings.platform.mode === 'public_key'
      ? publicKeyVerifier(settings.platform)
      : certificateVerifier({
          apiV3Key: settings.apiV3Key,
          clock,
          download: async () => {
            const answer = await send('GET', '/v3/certificates');
            if (answer.status !== 200) throw new WechatPayUnavailableError(`HTTP ${answer.status}`, '/v3/certificates');
            const parsed = certificatesAnswerSchema.parse(JSON.parse(answer.text));
            return { answer: parsed, signedBy: (key, serial) => signedBy(answer, key, serial) };
          },
        });

  /** Sends, checks the answer's signature, maps errors; parses the body with `schema` (null: 204). */
  async function call<S extends z.ZodTypeAny>(
    method: 'GET' | 'POST',
    url: string,
    body: unknown,
    schema: S | null,
  ): Promise<z.output<S> | undefined> {
    const answer = await send(method, url, body);
    const path = url.split('?')[0] ?? url;
    const serial = answer.headers.get('wechatpay-serial') ?? '';
    const key = serial ? await verifier.keyFor(serial) : undefined;
    if (!key || !signedBy(answer, key, serial)) {
      throw new WechatPayUnavailableError(`answer HTTP ${answer.status} is not signed by WeChat Pay`, path);
    }
    if (answer.status >= 400) {
      let code = 'UNKNOWN';
      let detail = '';
      try {
        const data = JSON.parse(answer.text) as { code?: unknown; message?: unknown };
        if (typeof data.code === 'string') code = data.code;
        if (typeof data.message === 'string') detail = data.message;
      } catch {
        // a non-JSON error body keeps code UNKNOWN
      }
      throw new WechatPayApiError(answer.status, code, detail, path);
    }
    if (schema === null) return undefined;
    try {
      return schema.parse(JSON.parse(answer.text));
    } catch (error) {
      throw new WechatPayUnavailableError('answer has an unexpected shape', path, { cause: error });
    }
  }

  const mchidQuery = `mchid=${encodeURIComponent(settings.mchid)}`;
  return {
    mchid: settings.mchid,
    verifier,
    async jsapiPrepay(input) {
      const answer = await call(
        'POST',
        '/v3/pay/transactions/jsapi',
        {
          appid: input.appid,
          mchid: settings.mchid,
          description: input.description,
          out_trade_no: input.outTradeNo,
          ...(input.timeExpire ? { time_expire: rfc3339Shanghai(input.timeExpire) } : {}),
          notify_url: input.notifyUrl,
          amount: { total: input.amountFen, currency: 'CNY' },
          payer: { openid: input.payerOpenid },
        },
        prepayAnswerSchema,
      );
      return { prepayId: (answer as z.output<typeof prepayAnswerSchema>).prepay_id };
    },
    async queryByOutTradeNo(outTradeNo) {
      const url = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?${mchidQuery}`;
      return (await call('GET', url, undefined, transactionSchema)) as WechatPayTransaction;
    },
    async close(outTradeNo) {
      const url = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`;
      await call('POST', url, { mchid: settings.mchid }, null);
    },
    async refund(input) {
      return (await call(
        'POST',
        '/v3/refund/domestic/refunds',
        {
          out_trade_no: input.outTradeNo,
          out_refund_no: input.outRefundNo,
          ...(input.reason ? { reason: input.reason } : {}),
          notify_url: input.notifyUrl,
          amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
        },
        refundSchema,
      )) as WechatPayRefund;
    },
    async transferToUser(input) {
      return (await call(
        'POST',
        '/v3/fund-app/mch-transfer/transfer-bills',
        {
          appid: input.appid,
          out_bill_no: input.outBillNo,
          transfer_scene_id: input.transferSceneId,
          openid: input.openid,
          transfer_amount: input.amountFen,
          transfer_remark: input.remark,
          notify_url: input.notifyUrl,
          user_recv_perception: input.userRecvPerception,
          transfer_scene_report_infos: input.sceneReportInfos.map((info) => ({
            info_type: info.infoType,
            info_content: info.infoContent,
          })),
        },
        transferBillAnswerSchema,
      )) as WechatPayTransferAnswer;
    },
    async queryTransferBill(outBillNo) {
      const url = `/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/${encodeURIComponent(outBillNo)}`;
      return (await call('GET', url, undefined, transferBillSchema)) as WechatPayTransferBill;
    },
    requestPayment(appId, prepayId) {
      return buildRequestPaymentParams({ appId, prepayId, privateKey, now: clock() });
    },
    verifyNotification(input) {
      return verifyNotification({ ...input, now: clock(), verifier, apiV3Key: settings.apiV3Key });
    },
  };
}

/** `2026-06-01T12:30:00+08:00`: WeChat's time format (RFC 3339 with the +08:00 offset). */
export function rfc3339Shanghai(at: Date): string {
  const shifted = new Date(at.getTime() + 8 * 3600 * 1000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}
