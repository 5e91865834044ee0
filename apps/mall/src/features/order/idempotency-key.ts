/**
 * A key for one submit attempt (the API's Idempotency-Key: 8-64 of [A-Za-z0-9_.:-]). A retry
 * of the same attempt (a timeout, a double tap) reuses it, so the API creates one order.
 * Not a secret, only unique per shopper: time plus randomness is enough.
 */
export function newIdempotencyKey(): string {
  const random = Array.from({ length: 3 }, () => Math.random().toString(36).slice(2, 10)).join('');
  return `wm-${Date.now().toString(36)}-${random}`.slice(0, 64);
}

/** Hands out one key per distinct request body: same body again -> same key. */
export function createSubmitKeys(): (body: unknown) => string {
  let last: { body: string; key: string } | null = null;
  return (body) => {
    const text = JSON.stringify(body);
    if (last?.body !== text) last = { body: text, key: newIdempotencyKey() };
    return last.key;
  };
}
