import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { randomAlnum, randomDigits } from './pay-crypto';
import { selfSignedCertificate } from './x509';

/** The demo merchant the sandbox knows: what a brand gets from pay.weixin.qq.com. */
export interface SandboxMerchant {
  mchid: string;
  /** Serial of the merchant API certificate; the sandbox only needs it to find the public key. */
  merchantSerial: string;
  merchantPrivateKey: KeyObject;
  merchantPublicKey: KeyObject;
  apiV3Key: string;
}

/** WeChat Pay's own signing key, with both of WeChat's ways of publishing it. */
export interface SandboxPlatform {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Public-key mode (微信支付公钥) id. */
  publicKeyId: string;
  /** Platform certificate mode: the certificate's serial (upper-case hex) and PEM. */
  certificateSerial: string;
  certificatePem: string;
  certificateValidFrom: Date;
  certificateValidTo: Date;
}

function rsaPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

/** Fresh keys per sandbox start: nothing secret is ever in the repository. */
export function generateMerchant(mchid = '1900000001'): SandboxMerchant {
  const { privateKey, publicKey } = rsaPair();
  return {
    mchid,
    merchantSerial: randomBytes(20).toString('hex').toUpperCase(),
    merchantPrivateKey: privateKey,
    merchantPublicKey: publicKey,
    apiV3Key: randomAlnum(32),
  };
}

export function generatePlatform(now: Date): SandboxPlatform {
  const { privateKey, publicKey } = rsaPair();
  // First hex digit 1-7: a positive DER integer with no padding byte, printed the same by X509Certificate.
  const serialBytes = randomBytes(20);
  serialBytes[0] = 0x10 + ((serialBytes[0] ?? 0) % 0x70);
  const certificateSerial = serialBytes.toString('hex').toUpperCase();
  const certificateValidFrom = new Date(now.getTime() - 24 * 3600 * 1000);
  const certificateValidTo = new Date(now.getTime() + 5 * 365 * 24 * 3600 * 1000);
  return {
    privateKey,
    publicKey,
    publicKeyId: `PUB_KEY_ID_01${randomDigits(30)}`,
    certificateSerial,
    certificatePem: selfSignedCertificate({
      privateKey,
      serialHex: certificateSerial,
      commonName: 'Tenpay.com Sandbox Platform',
      notBefore: certificateValidFrom,
      notAfter: certificateValidTo,
    }),
    certificateValidFrom,
    certificateValidTo,
  };
}
