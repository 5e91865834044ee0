import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * People read times in China Standard Time. Shanghai has a fixed +08:00 offset (no DST),
 * so a fixed offset is exact and avoids depending on Intl time-zone data, which some
 * mini-program runtimes lack.
 */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** `formatShanghai('2026-11-28T12:00:00Z', 'M月D日 HH:mm')` -> "11月28日 20:00". */
export function formatShanghai(iso: string, pattern = 'YYYY-MM-DD HH:mm'): string {
  return dayjs.utc(iso).utcOffset(SHANGHAI_OFFSET_MINUTES).format(pattern);
}

export interface CountdownParts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  /** True once the target time is reached. */
  over: boolean;
}

/** Time left from `nowMs` until `targetIso`, split for a "2天 03:04:05" display. */
export function countdownParts(targetIso: string, nowMs: number): CountdownParts {
  const left = Math.max(0, Math.floor((Date.parse(targetIso) - nowMs) / 1000));
  return {
    days: Math.floor(left / 86_400),
    hours: Math.floor((left % 86_400) / 3600),
    minutes: Math.floor((left % 3600) / 60),
    seconds: left % 60,
    over: left === 0,
  };
}

/** "2天 03:04:05" or "03:04:05" under a day. */
export function formatCountdown(parts: CountdownParts): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const clock = `${pad(parts.hours)}:${pad(parts.minutes)}:${pad(parts.seconds)}`;
  return parts.days > 0 ? `${parts.days}天 ${clock}` : clock;
}
