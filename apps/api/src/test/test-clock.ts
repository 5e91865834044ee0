import type { Clock } from '../clock';

export interface TestClock {
  clock: Clock;
  advance(ms: number): void;
  set(at: Date): void;
}

/** A clock tests move by hand; starts at a fixed instant so runs are repeatable. */
export function createTestClock(start = new Date('2026-06-01T04:00:00.000Z')): TestClock {
  let now = start.getTime();
  return {
    clock: () => new Date(now),
    advance(ms) {
      now += ms;
    },
    set(at) {
      now = at.getTime();
    },
  };
}
