import type { Clock } from '../clock';

/**
 * One kind of due work, e.g. "cancel unpaid orders past their deadline". `run(now)` applies
 * every deadline that has passed at `now` with conditional updates and answers how many rows
 * it changed. It must be safe to run on several API instances at once (sweep with
 * `FOR UPDATE SKIP LOCKED`, change a row only `WHERE status = <the state it expects>`), and
 * safe to run again after a crash halfway: whatever it did not commit, the next tick redoes.
 */
export interface Job {
  name: string;
  run(now: Date): Promise<number>;
}

/** Where job failures go: the app's pino logger in the server, anything with `error` in tests. */
export interface JobLogger {
  error(details: object, message: string): void;
}

export interface JobRunner {
  /** Adds a job; names are unique (the tick result is keyed by name). */
  register(job: Job): void;
  /**
   * Runs every job once, one after another, at `now` (default: the clock). Answers the rows
   * changed per job; a job that threw is logged and left out, and the others still run.
   * `only` limits the tick to the named jobs (the ops test hook).
   */
  tick(now?: Date, only?: readonly string[]): Promise<Record<string, number>>;
  /** The registered jobs' names, in run order. */
  names(): string[];
  /** Ticks every `intervalMs` until stop(); a tick never overlaps the previous one. */
  start(intervalMs: number): void;
  /** No further ticks; resolves once a tick in flight has finished (before the database closes). */
  stop(): Promise<void>;
}

/**
 * The API's deadline runner (ARCHITECTURE.md "Deadlines and jobs"). Each deadline is a column;
 * each job sweeps the rows past theirs. Every instance of the API runs the same runner: the
 * jobs' own locking makes that safe, so there is no leader to elect and no queue to run.
 * Tests never start the timer; they call `tick(now)` with the injected clock's time.
 */
export function createJobRunner(deps: { clock: Clock; logger: JobLogger }): JobRunner {
  const jobs: Job[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = true;

  async function tick(now: Date = deps.clock(), only?: readonly string[]): Promise<Record<string, number>> {
    const changed: Record<string, number> = {};
    for (const job of jobs) {
      if (only && !only.includes(job.name)) continue;
      try {
        changed[job.name] = await job.run(now);
      } catch (error) {
        // One failing job (a lost connection, a bug in one sweep) must not stop the others,
        // nor the process: its rows stay due and the next tick tries again.
        deps.logger.error({ err: error, job: job.name }, 'job failed');
      }
    }
    return changed;
  }

  function schedule(intervalMs: number): void {
    timer = setTimeout(() => {
      timer = null;
      running = tick().finally(() => {
        running = null;
        if (!stopped) schedule(intervalMs);
      });
    }, intervalMs);
    // The timer alone never keeps the process alive; the HTTP server does.
    timer.unref();
  }

  return {
    register(job) {
      if (jobs.some((j) => j.name === job.name)) throw new Error(`job "${job.name}" is registered twice`);
      jobs.push(job);
    },
    tick,
    names: () => jobs.map((job) => job.name),
    start(intervalMs) {
      if (!Number.isInteger(intervalMs) || intervalMs <= 0)
        throw new Error(`job interval must be > 0 ms, got ${intervalMs}`);
      if (!stopped) return;
      stopped = false;
      schedule(intervalMs);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
