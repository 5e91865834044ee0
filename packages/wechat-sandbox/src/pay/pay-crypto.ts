import { createCipheriv, createSign, createVerify, type KeyObject, randomBytes } from 'node:crypto';

/**
 * WeChat Pay's side of the v3 crypto, written here apart from the API's client so that a
 * test passing means two independent implementations agree on the format.
 */
export function rsaSign(privateKey: KeyObject, message: string | Buffer): string {
  return createSign('RSA-SHA256').update(message).sign(privateKey, 'base64');
}

export function rsaVerify(publicKey: KeyObject, message: string | Buffer, signature: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message).verify(publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** AEAD_AES_256_GCM as WeChat encrypts resources: base64(ciphertext || tag), 12-char nonce. */
export function aeadEncrypt(
  plaintext: string,
  apiV3Key: string,
  associatedData: string,
  nonce = randomAlnum(12),
): { algorithm: 'AEAD_AES_256_GCM'; ciphertext: string; associated_data: string; nonce: string } {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: body.toString('base64'), associated_data: associatedData, nonce };
}

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomAlnum(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) if (byte < 248 && out.length < length) out += ALNUM[byte % 62];
  }
  return out;
}

export function randomDigits(length: number): string {
  let out = '';
  for (const byte of randomBytes(length * 2)) if (byte < 250 && out.length < length) out += String(byte % 10);
  return out.length === length ? out : out + randomDigits(length - out.length);
}

/** The signature headers WeChat Pay puts on its answers and notifications. */
export function signedHeaders(privateKey: KeyObject, serial: string, body: string, now: Date): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = randomAlnum(32);
  return {
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-signature': rsaSign(privateKey, `${timestamp}\n${nonce}\n${body}\n`),
    'wechatpay-serial': serial,
    'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
  };
}

/** `Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",…` into its fields. */
export function parseAuthorization(header: string | undefined): Record<string, string> | null {
  const scheme = 'WECHATPAY2-SHA256-RSA2048 ';
  if (!header?.startsWith(scheme)) return null;
  const fields: Record<string, string> = {};
  for (const match of header.slice(scheme.length).matchAll(/(\w+)="([^"]*)"/g)) {
    fields[match[1] as string] = match[2] as string;
  }
  return fields;
}

/** WeChat's time format: RFC 3339 with +08:00. */
export function shanghaiTime(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 19)}+08:00`;
}
