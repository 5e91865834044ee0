import { describe, expect, it } from 'vitest';
import { SUBSCRIBE_MAX_ATTEMPTS, sendFailureOutcome } from './subscribe-retry';

const NOW = new Date('2026-12-06T04:00:00Z');

describe('subscribe send retries', () => {
  it.each([43101, 40003, 40037, 47003, 41030])('gives up at once on errcode %d', (errcode) => {
    expect(sendFailureOutcome({ errcode, attempts: 1, now: NOW })).toEqual({ status: 'failed' });
  });

  it('retries busy answers and network failures later, further apart, then gives up', () => {
    expect(sendFailureOutcome({ errcode: null, attempts: 1, now: NOW })).toEqual({
      status: 'pending',
      retryAt: new Date(NOW.getTime() + 60_000),
    });
    expect(sendFailureOutcome({ errcode: -1, attempts: 2, now: NOW })).toEqual({
      status: 'pending',
      retryAt: new Date(NOW.getTime() + 5 * 60_000),
    });
    expect(sendFailureOutcome({ errcode: 45009, attempts: SUBSCRIBE_MAX_ATTEMPTS - 1, now: NOW })).toMatchObject({
      status: 'pending',
    });
    expect(sendFailureOutcome({ errcode: null, attempts: SUBSCRIBE_MAX_ATTEMPTS, now: NOW })).toEqual({
      status: 'failed',
    });
  });
});
