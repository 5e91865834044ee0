import { randomUUID } from 'node:crypto';
import type { SandboxClock } from '../sandbox-app';
import { aeadEncrypt, shanghaiTime, signedHeaders } from './pay-crypto';
import type { SandboxMerchant, SandboxPlatform } from './pay-keys';

export type PayVerifyMode = 'public_key' | 'certificate';

/** A notification as WeChat Pay POSTs it: headers and the exact body bytes it signed. */
export interface SignedNotification {
  id: string;
  eventType: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface NotificationRecord {
  id: string;
  eventType: string;
  url: string;
  /** The plaintext resource, for replay and for the sandbox's state page. */
  resource: Record<string, unknown>;
  originalType: 'transaction' | 'refund' | 'mch_payment';
  summary: string;
  deliveries: Array<{ at: string; status: number | null; error?: string }>;
}

/**
 * Builds, signs and delivers WeChat Pay notifications: AEAD_AES_256_GCM with the merchant's
 * APIv3 key, then the envelope signed with the platform key (serial per the merchant's
 * verification mode). Deliveries run in the background; `settle()` waits for them (tests).
 */
export class PayNotifier {
  readonly records = new Map<string, NotificationRecord>();
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly deps: {
      merchant: SandboxMerchant;
      platform: SandboxPlatform;
      clock: SandboxClock;
      mode: () => PayVerifyMode;
      fetch?: typeof fetch;
      log?: (message: string, details: Record<string, unknown>) => void;
    },
  ) {}

  /** Records a new notification and sends it in the background. */
  notify(input: Omit<NotificationRecord, 'id' | 'deliveries'>): NotificationRecord {
    const record: NotificationRecord = { ...input, id: randomUUID(), deliveries: [] };
    this.records.set(record.id, record);
    this.track(this.deliver(record));
    return record;
  }

  /** A fresh signature (timestamp now) over the same notification id and resource. */
  sign(record: NotificationRecord): SignedNotification {
    const now = this.deps.clock();
    const envelope = {
      id: record.id,
      create_time: shanghaiTime(now),
      resource_type: 'encrypt-resource',
      event_type: record.eventType,
      summary: record.summary,
      resource: {
        original_type: record.originalType,
        ...aeadEncrypt(JSON.stringify(record.resource), this.deps.merchant.apiV3Key, record.originalType),
      },
    };
    const body = JSON.stringify(envelope);
    const serial =
      this.deps.mode() === 'public_key' ? this.deps.platform.publicKeyId : this.deps.platform.certificateSerial;
    const headers = {
      'content-type': 'application/json',
      ...signedHeaders(this.deps.platform.privateKey, serial, body, now),
    };
    return { id: record.id, eventType: record.eventType, url: record.url, headers, body };
  }

  /** Sends a recorded notification again (WeChat's retry), re-signed now; resolves to the HTTP status. */
  async replay(id: string): Promise<number | null> {
    const record = this.records.get(id);
    if (!record) throw new Error(`no notification ${id}`);
    return this.track(this.deliver(record));
  }

  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise)).catch(() => undefined);
    return promise;
  }

  private async deliver(record: NotificationRecord): Promise<number | null> {
    const signed = this.sign(record);
    const at = this.deps.clock().toISOString();
    try {
      const response = await (this.deps.fetch ?? fetch)(signed.url, {
        method: 'POST',
        headers: signed.headers,
        body: signed.body,
        signal: AbortSignal.timeout(5000),
      });
      await response.arrayBuffer();
      record.deliveries.push({ at, status: response.status });
      this.deps.log?.('notification delivered', { id: record.id, status: response.status });
      return response.status;
    } catch (error) {
      record.deliveries.push({ at, status: null, error: (error as Error).message });
      this.deps.log?.('notification delivery failed', { id: record.id, error: (error as Error).message });
      return null;
    }
  }
}
