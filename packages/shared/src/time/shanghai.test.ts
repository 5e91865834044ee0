import { describe, expect, it } from 'vitest';
import { countdownParts, formatCountdown, formatShanghai } from './shanghai';

describe('Shanghai time display', () => {
  it('formats UTC instants at +08:00, across the date line', () => {
    expect(formatShanghai('2026-11-28T12:00:00.000Z', 'M月D日 HH:mm')).toBe('11月28日 20:00');
    expect(formatShanghai('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30');
  });

  it('splits a countdown and stops at zero', () => {
    const now = Date.parse('2026-11-28T00:00:00Z');
    const parts = countdownParts('2026-11-30T03:04:05Z', now);
    expect(parts).toEqual({ days: 2, hours: 3, minutes: 4, seconds: 5, over: false });
    expect(formatCountdown(parts)).toBe('2天 03:04:05');
    expect(formatCountdown(countdownParts('2026-11-28T00:10:00Z', now))).toBe('00:10:00');
    expect(countdownParts('2026-11-27T00:00:00Z', now).over).toBe(true);
  });
});
