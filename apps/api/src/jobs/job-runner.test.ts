import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJobRunner, type JobLogger } from './job-runner';

const at = new Date('2026-06-01T04:00:00.000Z');

function setup() {
  const errors: Array<{ details: object; message: string }> = [];
  const logger: JobLogger = { error: (details, message) => errors.push({ details, message }) };
  const runner = createJobRunner({ clock: () => at, logger });
  return { runner, errors };
}

describe('job runner', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs every job once per tick at the given instant and answers rows changed per job', async () => {
    const { runner } = setup();
    const seen: Array<[string, Date]> = [];
    const job = (name: string, changed: number) => ({
      name,
      run: async (now: Date) => {
        seen.push([name, now]);
        return changed;
      },
    });
    runner.register(job('a', 2));
    runner.register(job('b', 0));
    const later = new Date(at.getTime() + 60_000);

    expect(await runner.tick(later)).toEqual({ a: 2, b: 0 });
    expect(seen).toEqual([
      ['a', later],
      ['b', later],
    ]);
    // Without an instant, the clock's.
    await runner.tick();
    expect(seen[2]).toEqual(['a', at]);
  });

  it('logs a failing job and still runs the others', async () => {
    const { runner, errors } = setup();
    runner.register({
      name: 'broken',
      run: async () => {
        throw new Error('connection lost');
      },
    });
    runner.register({ name: 'fine', run: async () => 1 });

    expect(await runner.tick()).toEqual({ fine: 1 });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.details).toMatchObject({ job: 'broken' });
  });

  it('refuses a second job with the same name', () => {
    const { runner } = setup();
    runner.register({ name: 'a', run: async () => 0 });
    expect(() => runner.register({ name: 'a', run: async () => 0 })).toThrow(/twice/);
  });

  it('ticks on its interval without overlapping, and stop() waits for the tick in flight', async () => {
    vi.useFakeTimers();
    const { runner } = setup();
    let calls = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    let finished = 0;
    runner.register({
      name: 'slow',
      run: async () => {
        calls += 1;
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        // Takes three intervals: the next tick must wait for it.
        await new Promise((resolve) => setTimeout(resolve, 300));
        inFlight -= 1;
        finished += 1;
        return 0;
      },
    });
    runner.start(100);
    await vi.advanceTimersByTimeAsync(99);
    expect(calls).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(350);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toBe(2);
    expect(maxInFlight).toBe(1);

    const stopping = runner.stop();
    let stopped = false;
    void stopping.then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(300);
    expect(stopped).toBe(true);
    expect(finished).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(2);
  });

  it('refuses an interval that is not a positive whole number of milliseconds', () => {
    const { runner } = setup();
    expect(() => runner.start(0)).toThrow();
    expect(() => runner.start(1.5)).toThrow();
  });
});
