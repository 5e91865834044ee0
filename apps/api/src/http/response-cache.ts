import { createHash } from 'node:crypto';

/** A serialized JSON answer and its validator. */
export interface CachedResponse {
  body: string;
  etag: string;
}

export interface ResponseCache {
  /** The answer for `key`: from memory while fresh, else `compute()`'s, serialized once. */
  get(key: string, compute: () => Promise<unknown>): Promise<CachedResponse>;
  /** Forgets every answer: called by any write that can change one. */
  invalidate(): void;
}

interface Entry {
  expiresAt: number;
  response: Promise<CachedResponse>;
}

function toCached(value: unknown): CachedResponse {
  const body = JSON.stringify(value);
  // Weak: the same JSON is sent gzip, br or plain, which are different bytes.
  return { body, etag: `W/"${createHash('sha1').update(body).digest('base64url')}"` };
}

/**
 * In-process, short-lived cache of public reads. Requests that miss together share one
 * query (the pending promise is the entry), which is what keeps a burst on a hot page off
 * the database. Each API instance has its own copy: `invalidate()` makes this instance's
 * next read fresh at once, and the TTL bounds how stale another instance can be.
 */
export function createResponseCache(options: { ttlMs: number; maxEntries: number; now: () => number }): ResponseCache {
  const entries = new Map<string, Entry>();
  return {
    get(key, compute) {
      const now = options.now();
      const hit = entries.get(key);
      if (hit && hit.expiresAt > now) return hit.response;
      const response = compute().then(toCached);
      if (options.ttlMs <= 0) return response;
      entries.delete(key);
      // Map keeps insertion order, so the first key is the oldest entry.
      if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value as string);
      const entry: Entry = { expiresAt: now + options.ttlMs, response };
      entries.set(key, entry);
      // A failure is answered once, never cached.
      response.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return response;
    },
    invalidate() {
      entries.clear();
    },
  };
}
