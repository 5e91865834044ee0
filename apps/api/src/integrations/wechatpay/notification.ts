import { z } from 'zod';
import { decryptResource } from './aead';
import type { PlatformVerifier } from './platform-keys';
import { NotificationRejectedError } from './wechatpay.errors';
import { responseSignMessage, verifySignature } from './wechatpay-signing';

/** WeChat's rule: a notification whose timestamp is more than 5 minutes off is refused (replay guard). */
export const NOTIFICATION_MAX_SKEW_MS = 5 * 60 * 1000;

const envelopeSchema = z.object({
  id: z.string().min(1).max(64),
  create_time: z.string(),
  event_type: z.string(),
  resource_type: z.string(),
  summary: z.string().optional(),
  resource: z.object({
    algorithm: z.string(),
    ciphertext: z.string(),
    associated_data: z.string().optional(),
    original_type: z.string().optional(),
    nonce: z.string(),
  }),
});

/** A notification that passed every check, with its resource decrypted (still untyped JSON). */
export interface VerifiedNotification {
  id: string;
  eventType: string;
  createTime: string;
  resource: unknown;
}

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Verifies a Pay v3 notification over the exact bytes received, then decrypts its resource:
 * headers present → timestamp within 5 minutes of `now` → serial known → signature good →
 * body well formed → AEAD tag good. Throws NotificationRejectedError naming the first failure.
 */
export async function verifyNotification(input: {
  headers: Headers;
  rawBody: Buffer | undefined;
  now: Date;
  verifier: PlatformVerifier;
  apiV3Key: string;
}): Promise<VerifiedNotification> {
  const signature = header(input.headers, 'wechatpay-signature');
  const timestamp = header(input.headers, 'wechatpay-timestamp');
  const nonce = header(input.headers, 'wechatpay-nonce');
  const serial = header(input.headers, 'wechatpay-serial');
  if (!signature || !timestamp || !nonce || !serial || !input.rawBody) {
    throw new NotificationRejectedError('missing_headers');
  }
  const seconds = Number(timestamp);
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(input.now.getTime() - seconds * 1000) > NOTIFICATION_MAX_SKEW_MS) {
    throw new NotificationRejectedError('stale_timestamp');
  }
  const key = await input.verifier.keyFor(serial);
  if (!key) throw new NotificationRejectedError('unknown_serial');
  if (!verifySignature(key, responseSignMessage({ timestamp, nonce, body: input.rawBody }), signature)) {
    throw new NotificationRejectedError('bad_signature');
  }
  let envelope: z.output<typeof envelopeSchema>;
  try {
    envelope = envelopeSchema.parse(JSON.parse(input.rawBody.toString('utf8')));
  } catch (error) {
    throw new NotificationRejectedError('malformed_body', { cause: error });
  }
  let resource: unknown;
  try {
    resource = JSON.parse(decryptResource(envelope.resource, input.apiV3Key));
  } catch (error) {
    throw new NotificationRejectedError('decrypt_failed', { cause: error });
  }
  return { id: envelope.id, eventType: envelope.event_type, createTime: envelope.create_time, resource };
}
