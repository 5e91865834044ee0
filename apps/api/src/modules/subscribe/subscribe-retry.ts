/**
 * What a failed send leads to. WeChat's own "no" is final: 43101 (the shopper refused or has
 * no quota left at WeChat), 40003 / 40037 / 47003 / 41030 (openid, template, data, page: our
 * configuration, which a retry cannot fix). Busy answers (-1, 45009 / 45011 limits) and no
 * answer at all (errcode null: network, timeout) are tried again later, at most
 * SUBSCRIBE_MAX_ATTEMPTS times in all, further apart each time.
 */
export const SUBSCRIBE_MAX_ATTEMPTS = 5;
const RETRY_AFTER_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000];
const TRANSIENT_ERRCODES: readonly number[] = [-1, 40001, 42001, 40014, 45009, 45011];

export type SendFailureOutcome = { status: 'failed' } | { status: 'pending'; retryAt: Date };

export function sendFailureOutcome(input: { errcode: number | null; attempts: number; now: Date }): SendFailureOutcome {
  const transient = input.errcode === null || TRANSIENT_ERRCODES.includes(input.errcode);
  if (!transient || input.attempts >= SUBSCRIBE_MAX_ATTEMPTS) return { status: 'failed' };
  const delay = RETRY_AFTER_MS[Math.min(input.attempts, RETRY_AFTER_MS.length) - 1] ?? 60_000;
  return { status: 'pending', retryAt: new Date(input.now.getTime() + delay) };
}
