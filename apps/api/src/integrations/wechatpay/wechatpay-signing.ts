import { createSign, createVerify, type KeyObject, randomBytes } from 'node:crypto';

/**
 * WeChat Pay API v3 signatures (SHA256-RSA2048, PKCS#1 v1.5): every message is a list of
 * lines, each ended by "\n", including the last. One function per message WeChat defines.
 */
export const AUTH_SCHEME = 'WECHATPAY2-SHA256-RSA2048';

/** What the merchant signs for a request: method, path with query, timestamp, nonce, body. */
export function requestSignMessage(parts: {
  method: string;
  /** Path and query as sent, e.g. `/v3/pay/transactions/out-trade-no/X?mchid=1900000001`. */
  url: string;
  timestamp: string;
  nonce: string;
  body: string;
}): string {
  return `${parts.method}\n${parts.url}\n${parts.timestamp}\n${parts.nonce}\n${parts.body}\n`;
}

/** What WeChat signs on its answers and notifications (Wechatpay-Timestamp / -Nonce, body). */
export function responseSignMessage(parts: { timestamp: string; nonce: string; body: string | Buffer }): Buffer {
  const body = typeof parts.body === 'string' ? Buffer.from(parts.body, 'utf8') : parts.body;
  // Bytes, not a re-decoded string: the signature covers exactly what came over the wire.
  return Buffer.concat([Buffer.from(`${parts.timestamp}\n${parts.nonce}\n`, 'utf8'), body, Buffer.from('\n')]);
}

/** What `wx.requestPayment`'s paySign covers (JSAPI / mini-program). */
export function paySignMessage(parts: { appId: string; timeStamp: string; nonceStr: string; package: string }): string {
  return `${parts.appId}\n${parts.timeStamp}\n${parts.nonceStr}\n${parts.package}\n`;
}

/** Base64 RSA-SHA256 signature with the merchant's private key. */
export function signMessage(privateKey: KeyObject, message: string | Buffer): string {
  return createSign('RSA-SHA256').update(message).sign(privateKey, 'base64');
}

/** Checks a base64 RSA-SHA256 signature; false (never a throw) for any malformed input. */
export function verifySignature(publicKey: KeyObject, message: string | Buffer, signatureBase64: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message).verify(publicKey, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

/** 32 characters of [0-9A-Za-z], as WeChat's own SDKs use for nonce_str. */
export function randomNonce(random: (size: number) => Buffer = randomBytes): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  // 248 = 62 * 4: rejecting bytes at or above it keeps every character equally likely.
  let out = '';
  while (out.length < 32) {
    for (const byte of random(48)) {
      if (byte < 248 && out.length < 32) out += alphabet[byte % 62];
    }
  }
  return out;
}

/** The `Authorization` header of a signed v3 request. */
export function authorizationHeader(parts: {
  mchid: string;
  serialNo: string;
  nonce: string;
  timestamp: string;
  signature: string;
}): string {
  return (
    `${AUTH_SCHEME} mchid="${parts.mchid}",nonce_str="${parts.nonce}",signature="${parts.signature}",` +
    `timestamp="${parts.timestamp}",serial_no="${parts.serialNo}"`
  );
}

/** Reads an `Authorization` header back into its fields (the sandbox's side, and tests). */
export function parseAuthorizationHeader(header: string): Record<string, string> | null {
  if (!header.startsWith(`${AUTH_SCHEME} `)) return null;
  const fields: Record<string, string> = {};
  for (const match of header.slice(AUTH_SCHEME.length + 1).matchAll(/(\w+)="([^"]*)"/g)) {
    fields[match[1] as string] = match[2] as string;
  }
  return fields;
}
