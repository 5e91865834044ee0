import type { AddressInfo } from 'node:net';
import { createSandbox, type Sandbox } from '@wematrix/wechat-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock } from '../../test/test-clock';
import { createWechatPayClient, type WechatPayClient, type WechatPaySettings } from './wechatpay.client';
import { NotificationRejectedError, WechatPayApiError, WechatPayUnavailableError } from './wechatpay.errors';

const APPID = 'wxpayclienttest01';
const time = createTestClock(new Date('2026-06-01T04:00:00Z'));
let sandbox: Sandbox;
let baseUrl: string;

function settings(mode: 'public_key' | 'certificate', overrides: Partial<WechatPaySettings> = {}): WechatPaySettings {
  const c = sandbox.pay.credentials();
  return {
    apiBase: baseUrl,
    mchid: c.mchid,
    merchantSerial: c.merchantSerial,
    merchantPrivateKeyPem: c.merchantPrivateKeyPem,
    apiV3Key: c.apiV3Key,
    platform:
      mode === 'public_key'
        ? { mode, publicKeyId: c.publicKeyId, publicKeyPem: c.publicKeyPem }
        : { mode: 'certificate' },
    ...overrides,
  };
}

let counter = 0;
const tradeNo = () => `WMCLIENT${process.pid}${++counter}`;

beforeAll(async () => {
  sandbox = createSandbox({ apps: [{ appid: APPID, secret: 's' }], clock: time.clock });
  await sandbox.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(sandbox.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await sandbox.app.close();
});

async function prepay(client: WechatPayClient, outTradeNo = tradeNo(), amountFen = 990): Promise<string> {
  const { prepayId } = await client.jsapiPrepay({
    appid: APPID,
    description: '轻透防晒乳 50ml',
    outTradeNo,
    amountFen,
    payerOpenid: 'o-test-openid',
    notifyUrl: 'http://127.0.0.1:9/api/pay/notify',
  });
  return prepayId;
}

describe.each(['public_key', 'certificate'] as const)('WeChat Pay client against the sandbox (%s mode)', (mode) => {
  it('prepays, queries, closes; a closed transaction cannot be prepaid again', async () => {
    const client = createWechatPayClient({ settings: settings(mode), clock: time.clock });
    const outTradeNo = tradeNo();
    const prepayId = await prepay(client, outTradeNo);
    expect(prepayId).toMatch(/^wx/);
    expect(await client.queryByOutTradeNo(outTradeNo)).toMatchObject({
      out_trade_no: outTradeNo,
      trade_state: 'NOTPAY',
      amount: { total: 990 },
    });
    await client.close(outTradeNo);
    expect((await client.queryByOutTradeNo(outTradeNo)).trade_state).toBe('CLOSED');
    await expect(prepay(client, outTradeNo)).rejects.toMatchObject({ status: 400, code: 'ORDER_CLOSED' });
  });

  it('pays through the sandbox, then refunds in parts but never beyond the amount', async () => {
    const client = createWechatPayClient({ settings: settings(mode), clock: time.clock });
    const outTradeNo = tradeNo();
    const prepayId = await prepay(client, outTradeNo, 1000);
    sandbox.pay.pay(prepayId);
    const paid = await client.queryByOutTradeNo(outTradeNo);
    expect(paid).toMatchObject({ trade_state: 'SUCCESS', payer: { openid: 'o-test-openid' } });
    expect(paid.transaction_id).toMatch(/^4200\d{24}$/);
    await expect(client.close(outTradeNo)).rejects.toMatchObject({ code: 'ORDERPAID' });

    const refund = await client.refund({
      outTradeNo,
      outRefundNo: `${outTradeNo}R1`,
      refundFen: 600,
      totalFen: 1000,
      notifyUrl: 'http://127.0.0.1:9/api/pay/refund-notify',
    });
    expect(refund).toMatchObject({ out_refund_no: `${outTradeNo}R1`, status: 'PROCESSING', amount: { refund: 600 } });
    await expect(
      client.refund({
        outTradeNo,
        outRefundNo: `${outTradeNo}R2`,
        refundFen: 401,
        totalFen: 1000,
        notifyUrl: 'http://127.0.0.1:9/x',
      }),
    ).rejects.toMatchObject({ status: 403, code: 'NOT_ENOUGH' });
    await sandbox.pay.notifier.settle();
  });

  it('is refused by the sandbox when signing with a key WeChat Pay does not know', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    const client = createWechatPayClient({
      settings: settings(mode, { merchantPrivateKeyPem: stranger.toString() }),
      clock: time.clock,
    });
    const error = await prepay(client).catch((e: unknown) => e);
    if (mode === 'public_key') {
      expect(error).toBeInstanceOf(WechatPayApiError);
      expect(error).toMatchObject({ status: 401, code: 'SIGN_ERROR' });
    } else {
      // The certificate download is refused too, so not even the 401 can be trusted.
      expect(error).toBeInstanceOf(WechatPayUnavailableError);
    }
  });

  it('does not believe an answer whose body was changed on the way', async () => {
    const tampering: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const text = (await response.text()).replace('NOTPAY', 'SUCCESS');
      return new Response(text, { status: response.status, headers: response.headers });
    };
    const honest = createWechatPayClient({ settings: settings(mode), clock: time.clock });
    const outTradeNo = tradeNo();
    await prepay(honest, outTradeNo);
    const client = createWechatPayClient({ settings: settings(mode), clock: time.clock, fetch: tampering });
    await expect(client.queryByOutTradeNo(outTradeNo)).rejects.toBeInstanceOf(WechatPayUnavailableError);
  });

  it('verifies and decrypts the sandbox notification, and rejects it once tampered', async () => {
    sandbox.pay.mode = mode;
    const client = createWechatPayClient({ settings: settings(mode), clock: time.clock });
    const prepayId = await prepay(client);
    sandbox.pay.pay(prepayId);
    const record = [...sandbox.pay.notifier.records.values()].at(-1);
    if (!record) throw new Error('no notification recorded');
    const signed = sandbox.pay.notifier.sign(record);
    const verified = await client.verifyNotification({ headers: signed.headers, rawBody: Buffer.from(signed.body) });
    expect(verified).toMatchObject({ id: record.id, eventType: 'TRANSACTION.SUCCESS' });
    expect(verified.resource).toMatchObject({ trade_state: 'SUCCESS', amount: { total: 990 } });

    const rejects = async (headers: Record<string, string>, body: string, reason: string) => {
      const error = await client.verifyNotification({ headers, rawBody: Buffer.from(body) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotificationRejectedError);
      expect((error as NotificationRejectedError).reason).toBe(reason);
    };
    await rejects(signed.headers, signed.body.replace('支付成功', '支付成功 '), 'bad_signature');
    await rejects({ ...signed.headers, 'wechatpay-serial': 'PUB_KEY_ID_0000' }, signed.body, 'unknown_serial');
    await rejects(
      { ...signed.headers, 'wechatpay-timestamp': String(Number(signed.headers['wechatpay-timestamp']) - 301) },
      signed.body,
      'stale_timestamp',
    );
    const { 'wechatpay-signature': _dropped, ...unsigned } = signed.headers;
    await rejects(unsigned, signed.body, 'missing_headers');
    time.advance(6 * 60 * 1000);
    await rejects(signed.headers, signed.body, 'stale_timestamp');
    await sandbox.pay.notifier.settle();
  });
});
