import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SandboxMerchantCredentials } from './sandbox-pay';

/** File names in the folder the sandbox writes at start-up (WECHAT_SANDBOX_PAY_DIR). */
export const MERCHANT_FILES = {
  /** The merchant's API private key, what a brand downloads as apiclient_key.pem. */
  privateKey: 'apiclient_key.pem',
  /** The platform public key (微信支付公钥), what a brand downloads as pub_key.pem. */
  publicKey: 'pub_key.pem',
  /** mchid, merchantSerial, apiV3Key, publicKeyId, certificateSerial. */
  settings: 'merchant.json',
} as const;

/**
 * Writes the freshly generated demo merchant where the API's start script can read it
 * (scripts/lib/stack.mjs turns it into WECHATPAY_* variables). Owner-only permissions:
 * they are the keys of a fake merchant, but handled as real ones would be.
 */
export function writeMerchantFiles(dir: string, credentials: SandboxMerchantCredentials): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text, { mode: 0o600 });
  write(MERCHANT_FILES.privateKey, credentials.merchantPrivateKeyPem);
  write(MERCHANT_FILES.publicKey, credentials.publicKeyPem);
  write(
    MERCHANT_FILES.settings,
    `${JSON.stringify(
      {
        mchid: credentials.mchid,
        merchantSerial: credentials.merchantSerial,
        apiV3Key: credentials.apiV3Key,
        publicKeyId: credentials.publicKeyId,
        certificateSerial: credentials.certificateSerial,
      },
      null,
      2,
    )}\n`,
  );
}
