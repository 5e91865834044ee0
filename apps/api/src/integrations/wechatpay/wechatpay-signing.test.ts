import { constants, createHash, generateKeyPairSync, publicDecrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptResource } from './aead';
import { buildRequestPaymentParams } from './request-payment';
import {
  authorizationHeader,
  parseAuthorizationHeader,
  paySignMessage,
  randomNonce,
  requestSignMessage,
  responseSignMessage,
  signMessage,
  verifySignature,
} from './wechatpay-signing';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** DER prefix of PKCS#1 v1.5 DigestInfo for SHA-256 (RFC 8017 §9.2, note 1). */
const SHA256_DIGEST_INFO = '3031300d060960864801650304020105000420';

describe('WeChat Pay v3 signing', () => {
  it('builds the request message of WeChat Pay documentation example (GET /v3/certificates)', () => {
    expect(
      requestSignMessage({
        method: 'GET',
        url: '/v3/certificates',
        timestamp: '1554208460',
        nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
        body: '',
      }),
    ).toBe('GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n');
  });

  it('builds the response / notification message over the exact body bytes', () => {
    const body = Buffer.from('{"id":"EV-1","summary":"支付成功"}', 'utf8');
    expect(responseSignMessage({ timestamp: '1700000000', nonce: 'n0nce', body }).toString('utf8')).toBe(
      '1700000000\nn0nce\n{"id":"EV-1","summary":"支付成功"}\n',
    );
  });

  it('builds the paySign message: appId, timeStamp, nonceStr, package, each line ended', () => {
    expect(
      paySignMessage({
        appId: 'wxtestmall0000001',
        timeStamp: '1700000000',
        nonceStr: 'abc',
        package: 'prepay_id=wx1',
      }),
    ).toBe('wxtestmall0000001\n1700000000\nabc\nprepay_id=wx1\n');
  });

  it('signs RSA-SHA256 PKCS#1 v1.5: the signature opens to SHA-256 DigestInfo of the message', () => {
    const message = 'POST\n/v3/pay/transactions/jsapi\n1700000000\nNONCE\n{"a":1}\n';
    const signature = signMessage(privateKey, message);
    const opened = publicDecrypt(
      { key: publicKey, padding: constants.RSA_PKCS1_PADDING },
      Buffer.from(signature, 'base64'),
    ).toString('hex');
    expect(opened).toBe(SHA256_DIGEST_INFO + createHash('sha256').update(message).digest('hex'));
    expect(verifySignature(publicKey, message, signature)).toBe(true);
  });

  it('rejects a signature over another message, by another key, or malformed', () => {
    const signature = signMessage(privateKey, 'a\n');
    expect(verifySignature(publicKey, 'b\n', signature)).toBe(false);
    expect(verifySignature(other.publicKey, 'a\n', signature)).toBe(false);
    expect(verifySignature(publicKey, 'a\n', 'not base64 !!')).toBe(false);
    expect(verifySignature(publicKey, 'a\n', '')).toBe(false);
  });

  it('writes and reads back the Authorization header', () => {
    const header = authorizationHeader({
      mchid: '1900000001',
      serialNo: 'ABC123',
      nonce: 'N',
      timestamp: '1700000000',
      signature: 'c2ln+/=',
    });
    expect(header).toBe(
      'WECHATPAY2-SHA256-RSA2048 mchid="1900000001",nonce_str="N",signature="c2ln+/=",timestamp="1700000000",serial_no="ABC123"',
    );
    expect(parseAuthorizationHeader(header)).toEqual({
      mchid: '1900000001',
      nonce_str: 'N',
      signature: 'c2ln+/=',
      timestamp: '1700000000',
      serial_no: 'ABC123',
    });
    expect(parseAuthorizationHeader('Bearer x')).toBeNull();
  });

  it('makes 32-character alphanumeric nonces', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => randomNonce()));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[0-9A-Za-z]{32}$/);
  });

  it('builds requestPayment params whose paySign verifies with the merchant public key', () => {
    const params = buildRequestPaymentParams({
      appId: 'wxtestmall0000001',
      prepayId: 'wx201410272009395522657a690389285100',
      privateKey,
      now: new Date('2026-06-01T04:00:00Z'),
      nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
    });
    expect(params).toMatchObject({
      appId: 'wxtestmall0000001',
      timeStamp: '1780286400',
      nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
      package: 'prepay_id=wx201410272009395522657a690389285100',
      signType: 'RSA',
    });
    const message =
      'wxtestmall0000001\n1780286400\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n';
    expect(verifySignature(publicKey, message, params.paySign)).toBe(true);
  });
});

describe('AEAD_AES_256_GCM resource decryption', () => {
  // Vector made with Python's `cryptography` (AESGCM), an implementation independent of node's.
  const vector = {
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: 'Eu6myr+6GaECeJdOZPZ6BX5m9i2JsllrKI4PrOJs/tpd6ozeTzmd1iQOspp1sfOy6jTQloFvC4YMe04klsgp/Pv2kkcDm1OJ',
    associated_data: 'transaction',
    nonce: 'abcdefghijkl',
  };
  const key = '0123456789abcdef0123456789abcdef';

  it('decrypts a known vector', () => {
    expect(decryptResource(vector, key)).toBe('{"out_trade_no":"WM20260601000001","amount":{"total":1}}');
  });

  it('refuses a flipped ciphertext bit, other associated data, another nonce or key', () => {
    const bytes = Buffer.from(vector.ciphertext, 'base64');
    bytes[3] = (bytes[3] ?? 0) ^ 1;
    expect(() => decryptResource({ ...vector, ciphertext: bytes.toString('base64') }, key)).toThrow();
    expect(() => decryptResource({ ...vector, associated_data: 'refund' }, key)).toThrow();
    expect(() => decryptResource({ ...vector, nonce: 'abcdefghijkm' }, key)).toThrow();
    expect(() => decryptResource(vector, 'X123456789abcdef0123456789abcdef')).toThrow();
    expect(() => decryptResource({ ...vector, algorithm: 'AES_128' }, key)).toThrow(/unsupported/);
    expect(() => decryptResource({ ...vector, ciphertext: 'AAAA' }, key)).toThrow(/too short/);
  });
});
