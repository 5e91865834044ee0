import { serverClockOffsetMs } from '@wematrix/shared';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Countdowns on the SERVER's clock: every answer's `serverTime` (with when the request left and
 * the answer arrived) gives the device's offset; the clock then ticks locally once a second on
 * `Date.now() + offset`, so a phone whose clock is wrong still shows the right time left.
 */
export function useServerClock() {
  const [offsetMs, setOffsetMs] = useState(0);
  const [deviceNow, setDeviceNow] = useState(() => Date.now());
  const synced = useRef(false);

  useEffect(() => {
    const timer = setInterval(() => setDeviceNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  /** Wraps a call whose answer has `serverTime`, and syncs the offset from it. */
  const timed = useCallback(async <T extends { serverTime: string }>(request: () => Promise<T>): Promise<T> => {
    const sentAt = new Date();
    const answer = await request();
    const receivedAt = new Date();
    setOffsetMs(serverClockOffsetMs({ serverTime: new Date(answer.serverTime), sentAt, receivedAt }));
    synced.current = true;
    return answer;
  }, []);

  const serverNow = deviceNow + offsetMs;
  /** Whole seconds left until `iso` on the server's clock (0 once passed). */
  const secondsUntil = useCallback(
    (iso: string) => Math.max(0, Math.ceil((Date.parse(iso) - serverNow) / 1000)),
    [serverNow],
  );
  return { serverNow, timed, secondsUntil };
}
