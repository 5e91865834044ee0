import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ROOT } from './paths.mjs';

/**
 * Runs a command to completion with its output streamed to ours; resolves with the exit
 * code (never rejects, so callers can time and tabulate failures).
 */
export function run(command, args, { cwd = ROOT, env = process.env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`cannot start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + signalNumber(signal) : 1)));
  });
}

function signalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal] ?? 1;
}

/**
 * Starts a long-running service in its own process group (detached), so stopping it also
 * stops whatever it spawned (tsx, workers) and a Ctrl-C in the terminal reaches only us:
 * we then stop services in order instead of racing them.
 *
 * Output goes line by line to our stdout with a `[name]` prefix, or to `logFile` (tests keep
 * the console quiet and print the log only when something fails). `format` rewrites console
 * lines (pretty-printing JSON logs).
 */
export function startService({
  name,
  command,
  args,
  env,
  cwd = ROOT,
  prefix = `[${name}]`,
  logFile,
  format = (line) => line,
}) {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const file = logFile ? createWriteStream(logFile, { flags: 'a' }) : null;
  const write = (line) => (file ? file.write(`${line}\n`) : process.stdout.write(`${prefix} ${format(line)}\n`));
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', write);
  }

  let exitInfo = null;
  const exited = new Promise((resolve) => {
    child.on('error', (error) => {
      write(`cannot start: ${error.message}`);
      exitInfo = { code: 127, signal: null };
      resolve(exitInfo);
    });
    child.on('close', (code, signal) => {
      exitInfo = { code, signal };
      file?.end();
      resolve(exitInfo);
    });
  });

  return {
    name,
    pid: child.pid,
    exited,
    isDead: () => exitInfo !== null,
    exitInfo: () => exitInfo,
    /** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves once the leader is gone. */
    async stop(graceMs = 5_000) {
      if (exitInfo || !child.pid) return;
      signalGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      // The leader is gone; anything it left in its group goes too.
      signalGroup(child.pid, 'SIGKILL');
    },
  };
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

/** Stops services in reverse start order (the API before the sandbox it calls). */
export async function stopServices(services, graceMs) {
  for (const service of [...services].reverse()) await service.stop(graceMs);
}

/**
 * Calls `handler(signal)` once on the first SIGINT / SIGTERM / SIGHUP. Later signals (npm
 * forwards Ctrl-C, and the terminal sends it too) are ignored while the handler runs.
 */
export function onShutdownSignal(handler) {
  let called = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (called) return;
      called = true;
      handler(signal);
    });
  }
}
