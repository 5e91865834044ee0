import { createDecipheriv } from 'node:crypto';

/** An encrypted `resource` of a notification, or a certificate of `/v3/certificates`. */
export interface EncryptedResource {
  algorithm: string;
  /** base64 of ciphertext || 16-byte GCM tag. */
  ciphertext: string;
  associated_data?: string;
  nonce: string;
}

const TAG_LENGTH = 16;

/**
 * AEAD_AES_256_GCM with the merchant's APIv3 key (32 bytes of ASCII, used as is) and the
 * resource's nonce and associated data. Throws on any tampering: GCM checks the tag.
 */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new Error(`unsupported algorithm ${resource.algorithm}`);
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new Error('the APIv3 key must be 32 bytes');
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length <= TAG_LENGTH) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(resource.nonce, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - TAG_LENGTH));
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_LENGTH)), decipher.final()]).toString(
    'utf8',
  );
}
