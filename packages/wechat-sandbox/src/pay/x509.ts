import { createPrivateKey, createPublicKey, type KeyObject, sign } from 'node:crypto';

/**
 * Just enough DER to issue a self-signed RSA X.509 v3 certificate with node:crypto, so the
 * sandbox can serve `/v3/certificates` without a certificate library. node:crypto's
 * X509Certificate parses and checks what this writes (see pay.test.ts).
 */
function tlv(tag: number, content: Buffer): Buffer {
  const length = content.length;
  if (length < 0x80) return Buffer.concat([Buffer.from([tag, length]), content]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.concat([Buffer.from([tag, 0x80 | bytes.length, ...bytes]), content]);
}

const sequence = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
const utf8 = (text: string): Buffer => tlv(0x0c, Buffer.from(text, 'utf8'));
const printable = (text: string): Buffer => tlv(0x13, Buffer.from(text, 'ascii'));
const NULL = Buffer.from([0x05, 0x00]);

function integer(value: Buffer): Buffer {
  // DER integers are signed: a leading 1 bit needs a zero byte in front.
  return tlv(0x02, (value[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), value]) : value);
}

function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * first + second];
  for (const part of rest) {
    const chunk = [part & 0x7f];
    for (let v = part >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function utcTime(at: Date): Buffer {
  const iso = at.toISOString(); // 2026-06-01T04:00:00.000Z -> 260601040000Z
  return tlv(
    0x17,
    Buffer.from(
      `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`,
    ),
  );
}

function name(commonName: string): Buffer {
  return sequence(
    set(sequence(oid('2.5.4.6'), printable('CN'))),
    set(sequence(oid('2.5.4.10'), utf8('Tenpay.com'))),
    set(sequence(oid('2.5.4.3'), utf8(commonName))),
  );
}

/** A PEM certificate for `publicKey`, signed by `privateKey` (self-signed when they pair). */
export function selfSignedCertificate(options: {
  privateKey: KeyObject | string;
  publicKey?: KeyObject | string;
  /** Hex, at most 20 bytes, first digit 1-7 so the DER integer stays positive and unpadded. */
  serialHex: string;
  commonName: string;
  notBefore: Date;
  notAfter: Date;
}): string {
  const privateKey = typeof options.privateKey === 'string' ? createPrivateKey(options.privateKey) : options.privateKey;
  const publicKey = createPublicKey(options.publicKey ?? privateKey);
  const sha256WithRsa = sequence(oid('1.2.840.113549.1.1.11'), NULL);
  const issuer = name(options.commonName);
  const tbs = sequence(
    tlv(0xa0, integer(Buffer.from([2]))),
    integer(Buffer.from(options.serialHex, 'hex')),
    sha256WithRsa,
    issuer,
    sequence(utcTime(options.notBefore), utcTime(options.notAfter)),
    issuer,
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = sequence(tbs, sha256WithRsa, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const base64 = der.toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${base64}${base64.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`;
}
