import { createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { decryptResource } from './aead';

/**
 * Who signs WeChat Pay's answers and notifications, found by the `Wechatpay-Serial` header.
 * Two modes, as WeChat offers them to a merchant:
 * - public key (微信支付公钥): one RSA key the merchant downloads from the merchant platform,
 *   named `PUB_KEY_ID_…`; configured, never fetched.
 * - platform certificate (平台证书): certificates fetched from `/v3/certificates`, each
 *   encrypted with the APIv3 key, picked by serial number; rotated by WeChat.
 */
export interface PlatformVerifier {
  readonly mode: 'public_key' | 'certificate';
  /** The key for a serial, or undefined when it is unknown (certificate mode refetches once first). */
  keyFor(serial: string): Promise<KeyObject | undefined>;
}

export function publicKeyVerifier(options: { publicKeyId: string; publicKeyPem: string }): PlatformVerifier {
  const key = createPublicKey(options.publicKeyPem);
  return {
    mode: 'public_key',
    keyFor: async (serial) => (serial === options.publicKeyId ? key : undefined),
  };
}

export const certificatesAnswerSchema = z.object({
  data: z.array(
    z.object({
      serial_no: z.string(),
      effective_time: z.string(),
      expire_time: z.string(),
      encrypt_certificate: z.object({
        algorithm: z.string(),
        nonce: z.string(),
        associated_data: z.string().optional(),
        ciphertext: z.string(),
      }),
    }),
  ),
});
export type CertificatesAnswer = z.output<typeof certificatesAnswerSchema>;

/** A downloaded answer of `/v3/certificates` with the headers that sign it. */
export interface CertificatesDownload {
  answer: CertificatesAnswer;
  /** Checks the answer's signature with a given key (the caller knows the headers and body). */
  signedBy(key: KeyObject, serial: string): boolean;
}

/**
 * Platform certificates by serial. An unknown serial triggers one download (WeChat rotates
 * certificates and announces the new one in this list), but at most one per `minRefreshMs`,
 * so a flood of forged serials cannot turn into a flood of downloads. Expired or not yet
 * valid certificates are not used.
 */
export function certificateVerifier(options: {
  apiV3Key: string;
  download: () => Promise<CertificatesDownload>;
  clock: () => Date;
  minRefreshMs?: number;
}): PlatformVerifier {
  const minRefreshMs = options.minRefreshMs ?? 60_000;
  let keys = new Map<string, X509Certificate>();
  let lastRefresh = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | null = null;

  async function refresh(): Promise<void> {
    const download = await options.download();
    const next = new Map<string, X509Certificate>();
    for (const entry of download.answer.data) {
      const pem = decryptResource(entry.encrypt_certificate, options.apiV3Key);
      const certificate = new X509Certificate(pem);
      // The list's serial must be the certificate's own; X509Certificate prints it in upper-case hex.
      if (certificate.serialNumber.toUpperCase() !== entry.serial_no.toUpperCase()) continue;
      next.set(entry.serial_no.toUpperCase(), certificate);
    }
    // The list is signed by one of the certificates it carries (WeChat's bootstrap rule); an
    // answer no listed certificate vouches for is dropped whole.
    const vouched = [...next.entries()].some(([serial, cert]) => download.signedBy(cert.publicKey, serial));
    if (!vouched) throw new Error('the /v3/certificates answer is not signed by any certificate it lists');
    keys = next;
  }

  function usable(certificate: X509Certificate): boolean {
    const now = options.clock().getTime();
    return Date.parse(certificate.validFrom) <= now && now <= Date.parse(certificate.validTo);
  }

  return {
    mode: 'certificate',
    async keyFor(serial) {
      const wanted = serial.toUpperCase();
      if (!keys.has(wanted) && options.clock().getTime() - lastRefresh >= minRefreshMs) {
        lastRefresh = options.clock().getTime();
        inFlight ??= refresh().finally(() => {
          inFlight = null;
        });
        await inFlight;
      }
      const certificate = keys.get(wanted);
      return certificate && usable(certificate) ? certificate.publicKey : undefined;
    },
  };
}
