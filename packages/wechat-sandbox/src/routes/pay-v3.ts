import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { aeadEncrypt, parseAuthorization, rsaVerify, shanghaiTime, signedHeaders } from '../pay/pay-crypto';
import { type SandboxPay, SandboxPayError } from '../pay/sandbox-pay';
import type { SandboxAppRegistry, SandboxClock } from '../sandbox-app';

/** WeChat Pay's rule for request timestamps, as for notifications: five minutes either way. */
const MAX_SKEW_MS = 5 * 60 * 1000;

export interface PayV3RouteDeps {
  pay: SandboxPay;
  apps: SandboxAppRegistry;
  clock: SandboxClock;
  /** The exact request body text, kept by the sandbox's JSON parser. */
  rawBody: (request: FastifyRequest) => string;
}

function fail(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).send({ code, message });
}

const isText = (value: unknown, max = 256): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max;

/**
 * WeChat Pay API v3 for the sandbox merchant: every request must carry the merchant's
 * signature (checked with the merchant public key the sandbox holds), every answer is signed
 * with the platform key, errors are HTTP status + `{ code, message }` as WeChat Pay's.
 */
export function registerPayV3Routes(app: FastifyInstance, deps: PayV3RouteDeps): void {
  const { pay } = deps;

  app.register(async (v3) => {
    v3.addHook('preHandler', async (request, reply) => {
      const auth = parseAuthorization(request.headers.authorization);
      if (!auth) return fail(reply, 401, 'SIGN_ERROR', '缺少或无法识别 Authorization');
      if (auth.mchid !== pay.merchant.mchid) return fail(reply, 401, 'SIGN_ERROR', '商户号不存在');
      if (auth.serial_no !== pay.merchant.merchantSerial) return fail(reply, 401, 'SIGN_ERROR', '商户证书序列号有误');
      const timestamp = Number(auth.timestamp);
      if (!Number.isInteger(timestamp) || Math.abs(deps.clock().getTime() - timestamp * 1000) > MAX_SKEW_MS)
        return fail(reply, 401, 'SIGN_ERROR', '请求时间戳已过期');
      const message = `${request.method}\n${request.url}\n${auth.timestamp}\n${auth.nonce_str}\n${deps.rawBody(request)}\n`;
      if (!rsaVerify(pay.merchant.merchantPublicKey, message, auth.signature ?? ''))
        return fail(reply, 401, 'SIGN_ERROR', '签名错误');
    });

    // Every answer signed: public-key id if the merchant named it, else the certificate serial.
    v3.addHook('onSend', async (request, reply, payload) => {
      const body = typeof payload === 'string' ? payload : payload == null ? '' : String(payload);
      const serial =
        request.headers['wechatpay-serial'] === pay.platform.publicKeyId
          ? pay.platform.publicKeyId
          : pay.platform.certificateSerial;
      for (const [name, value] of Object.entries(signedHeaders(pay.platform.privateKey, serial, body, deps.clock())))
        reply.header(name, value);
      reply.header('request-id', `sandbox-${Date.now().toString(36)}`);
      return payload;
    });

    v3.setErrorHandler((error, _request, reply) => {
      if (error instanceof SandboxPayError) return fail(reply, error.status, error.code, error.message);
      const status = (error as { statusCode?: number }).statusCode ?? 500;
      return fail(reply, status, status < 500 ? 'PARAM_ERROR' : 'SYSTEM_ERROR', (error as Error).message);
    });

    v3.post('/v3/pay/transactions/jsapi', async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const amount = (body.amount ?? {}) as Record<string, unknown>;
      const payer = (body.payer ?? {}) as Record<string, unknown>;
      if (!isText(body.appid, 32) || !deps.apps.has(body.appid))
        return fail(reply, 400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
      if (body.mchid !== pay.merchant.mchid) return fail(reply, 400, 'MCH_NOT_EXISTS', '商户号不存在');
      if (!isText(body.description, 127)) return fail(reply, 400, 'PARAM_ERROR', '缺少 description');
      if (typeof body.out_trade_no !== 'string' || !/^[0-9A-Za-z_\-*|]{6,32}$/.test(body.out_trade_no))
        return fail(reply, 400, 'PARAM_ERROR', 'out_trade_no 格式有误');
      if (!isText(body.notify_url, 255) || !/^https?:\/\//.test(body.notify_url))
        return fail(reply, 400, 'PARAM_ERROR', 'notify_url 格式有误');
      if (!Number.isInteger(amount.total) || (amount.total as number) < 1)
        return fail(reply, 400, 'PARAM_ERROR', 'amount.total 有误');
      if (!isText(payer.openid, 128)) return fail(reply, 400, 'PARAM_ERROR', '缺少 payer.openid');
      const timeExpire = typeof body.time_expire === 'string' ? new Date(body.time_expire) : null;
      const existing = pay.store.transactions.get(body.out_trade_no);
      if (existing) {
        if (existing.state === 'SUCCESS' || existing.state === 'REFUND')
          return fail(reply, 400, 'ORDERPAID', '该订单已支付');
        if (existing.state === 'CLOSED') return fail(reply, 400, 'ORDER_CLOSED', '订单已关闭');
        if (
          existing.amountFen !== amount.total ||
          existing.appid !== body.appid ||
          existing.payerOpenid !== payer.openid
        )
          return fail(reply, 400, 'INVALID_REQUEST', '201 商户订单号重复');
        return { prepay_id: pay.store.issuePrepayId(existing) };
      }
      const transaction = {
        appid: body.appid,
        mchid: body.mchid,
        outTradeNo: body.out_trade_no,
        description: body.description,
        amountFen: amount.total as number,
        payerOpenid: payer.openid,
        notifyUrl: body.notify_url,
        prepayIds: [],
        state: 'NOTPAY' as const,
        timeExpire: timeExpire && !Number.isNaN(timeExpire.getTime()) ? timeExpire : null,
        transactionId: null,
        successTime: null,
        refundedFen: 0,
      };
      pay.store.transactions.set(transaction.outTradeNo, transaction);
      return { prepay_id: pay.store.issuePrepayId(transaction) };
    });

    v3.get('/v3/pay/transactions/out-trade-no/:outTradeNo', async (request, reply) => {
      const { outTradeNo } = request.params as { outTradeNo: string };
      if ((request.query as { mchid?: string }).mchid !== pay.merchant.mchid)
        return fail(reply, 400, 'PARAM_ERROR', 'mchid 有误');
      const transaction = pay.store.transactions.get(outTradeNo);
      if (!transaction) return fail(reply, 404, 'ORDER_NOT_EXIST', '订单不存在');
      return pay.transactionResource(transaction);
    });

    v3.post('/v3/pay/transactions/out-trade-no/:outTradeNo/close', async (request, reply) => {
      const { outTradeNo } = request.params as { outTradeNo: string };
      if ((request.body as { mchid?: unknown } | undefined)?.mchid !== pay.merchant.mchid)
        return fail(reply, 400, 'PARAM_ERROR', 'mchid 有误');
      const transaction = pay.store.transactions.get(outTradeNo);
      if (!transaction) return fail(reply, 404, 'ORDER_NOT_EXIST', '订单不存在');
      if (transaction.state === 'SUCCESS' || transaction.state === 'REFUND')
        return fail(reply, 400, 'ORDERPAID', '该订单已支付');
      transaction.state = 'CLOSED';
      return reply.code(204).send();
    });

    v3.post('/v3/refund/domestic/refunds', async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const amount = (body.amount ?? {}) as Record<string, unknown>;
      if (!isText(body.out_trade_no, 32)) return fail(reply, 400, 'PARAM_ERROR', '缺少 out_trade_no');
      if (typeof body.out_refund_no !== 'string' || !/^[0-9A-Za-z_\-*|@]{1,64}$/.test(body.out_refund_no))
        return fail(reply, 400, 'PARAM_ERROR', 'out_refund_no 格式有误');
      if (!Number.isInteger(amount.refund) || !Number.isInteger(amount.total) || amount.currency !== 'CNY')
        return fail(reply, 400, 'PARAM_ERROR', 'amount 有误');
      const refund = pay.refund({
        outTradeNo: body.out_trade_no,
        outRefundNo: body.out_refund_no,
        refundFen: amount.refund as number,
        totalFen: amount.total as number,
        reason: typeof body.reason === 'string' ? body.reason : null,
        notifyUrl: typeof body.notify_url === 'string' ? body.notify_url : null,
      });
      return {
        refund_id: refund.refundId,
        out_refund_no: refund.outRefundNo,
        transaction_id: refund.transactionId,
        out_trade_no: refund.outTradeNo,
        channel: 'ORIGINAL',
        user_received_account: '支付用户零钱',
        create_time: shanghaiTime(refund.createdAt),
        status: refund.status,
        amount: {
          total: refund.totalFen,
          refund: refund.refundFen,
          payer_total: refund.totalFen,
          payer_refund: refund.refundFen,
          currency: 'CNY',
        },
      };
    });

    // 商家转账 (merchant transfer to a user's change), the 2025 API with user confirmation.
    v3.post('/v3/fund-app/mch-transfer/transfer-bills', async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      if (!isText(body.appid, 32) || !deps.apps.has(body.appid))
        return fail(reply, 400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
      if (typeof body.out_bill_no !== 'string' || !/^[0-9A-Za-z]{1,32}$/.test(body.out_bill_no))
        return fail(reply, 400, 'PARAM_ERROR', 'out_bill_no 只能由数字、大小写字母组成，最长 32 位');
      if (!isText(body.transfer_scene_id, 36)) return fail(reply, 400, 'PARAM_ERROR', '缺少 transfer_scene_id');
      if (!isText(body.openid, 64)) return fail(reply, 400, 'PARAM_ERROR', '缺少 openid');
      if (!Number.isInteger(body.transfer_amount) || (body.transfer_amount as number) < 1)
        return fail(reply, 400, 'PARAM_ERROR', 'transfer_amount 有误');
      if (!isText(body.transfer_remark, 32))
        return fail(reply, 400, 'PARAM_ERROR', 'transfer_remark 必填，最多 32 个字符');
      if (body.notify_url !== undefined && (!isText(body.notify_url, 256) || !/^https?:\/\//.test(body.notify_url)))
        return fail(reply, 400, 'PARAM_ERROR', 'notify_url 格式有误');
      const infos = body.transfer_scene_report_infos;
      if (
        !Array.isArray(infos) ||
        infos.length === 0 ||
        !infos.every(
          (i) =>
            isText((i as { info_type?: unknown }).info_type, 15) &&
            isText((i as { info_content?: unknown }).info_content, 32),
        )
      )
        return fail(reply, 400, 'PARAM_ERROR', '需传入转账场景报备信息，请检查');
      return pay.transfer({
        appid: body.appid,
        outBillNo: body.out_bill_no,
        transferSceneId: body.transfer_scene_id,
        openid: body.openid,
        amountFen: body.transfer_amount as number,
        remark: body.transfer_remark,
        notifyUrl: typeof body.notify_url === 'string' ? body.notify_url : null,
        userRecvPerception: typeof body.user_recv_perception === 'string' ? body.user_recv_perception : null,
        userName: typeof body.user_name === 'string' && body.user_name !== '' ? body.user_name : null,
      });
    });

    v3.get('/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/:outBillNo', async (request, reply) => {
      const { outBillNo } = request.params as { outBillNo: string };
      const bill = pay.store.transfers.get(outBillNo);
      if (!bill) return fail(reply, 404, 'NOT_FOUND', '记录不存在');
      return pay.transferResource(bill);
    });

    v3.get('/v3/certificates', async () => ({
      data: [
        {
          serial_no: pay.platform.certificateSerial,
          effective_time: shanghaiTime(pay.platform.certificateValidFrom),
          expire_time: shanghaiTime(pay.platform.certificateValidTo),
          encrypt_certificate: aeadEncrypt(pay.platform.certificatePem, pay.merchant.apiV3Key, 'certificate'),
        },
      ],
    }));
  });
}
