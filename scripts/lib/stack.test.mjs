import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../apps/api/src/config.ts';
import { createSandbox, writeMerchantFiles } from '../../packages/wechat-sandbox/src/index.ts';
import { sandboxMerchantEnv } from './stack.mjs';

describe('sandboxMerchantEnv: the API configured as the sandbox demo merchant from the files the sandbox writes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wm-pay-'));
  const sandbox = createSandbox({ apps: [] });
  writeMerchantFiles(dir, sandbox.pay.credentials());
  const env = { SESSION_SECRET: 'x'.repeat(40), PUBLIC_BASE_URL: 'http://localhost:3000' };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the API the merchant, its key files and the sandbox as WeChat Pay (public-key mode)', () => {
    const pay = loadConfig({
      ...env,
      ...sandboxMerchantEnv({ payDir: dir, sandboxUrl: 'http://127.0.0.1:3100' }),
    }).wechatPay;
    const credentials = sandbox.pay.credentials();
    expect(pay).toMatchObject({
      apiBase: 'http://127.0.0.1:3100',
      mchid: credentials.mchid,
      merchantSerial: credentials.merchantSerial.toUpperCase(),
      merchantPrivateKeyPem: credentials.merchantPrivateKeyPem,
      apiV3Key: credentials.apiV3Key,
      platform: { mode: 'public_key', publicKeyId: credentials.publicKeyId, publicKeyPem: credentials.publicKeyPem },
      notifyUrl: 'http://localhost:3000/api/pay/notify/transaction',
      refundNotifyUrl: 'http://localhost:3000/api/pay/notify/refund',
      sandboxPayPage: 'http://127.0.0.1:3100',
    });
  });

  it('leaves the platform key out in certificate mode (the API downloads certificates)', () => {
    const payEnv = sandboxMerchantEnv({ payDir: dir, sandboxUrl: 'http://127.0.0.1:3100', mode: 'certificate' });
    expect(Object.keys(payEnv).filter((k) => k.startsWith('WECHATPAY_PUBLIC_KEY'))).toEqual([]);
    expect(loadConfig({ ...env, ...payEnv }).wechatPay?.platform).toEqual({ mode: 'certificate' });
  });
});
