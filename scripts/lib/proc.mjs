import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ROOT } from './paths.mjs';

const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

// Commands started by run() that are still running.
const runChildren = new Set();
// Set by onShutdownSignal(): the script then decides when to exit.
let customShutdown = false;
let forwardingInstalled = false;
// Once we are shutting down, run() starts nothing new (a build loop would go on otherwise).
let receivedSignal = null;

/**
 * A Ctrl-C in a terminal reaches every process of the foreground group, but a signal sent
 * to our pid alone (npm forwarding, a CI timeout, `kill`) does not reach the commands we
 * run: pass it on, so no build or test run outlives us. Without a shutdown handler of the
 * script's own, then exit the way the signal would have made us (128 + n).
 */
function installSignalForwarding() {
  if (forwardingInstalled) return;
  forwardingInstalled = true;
  for (const signal of SHUTDOWN_SIGNALS) {
    process.on(signal, () => {
      receivedSignal ??= signal;
      const children = [...runChildren];
      for (const child of children) child.kill(signal);
      if (customShutdown) return;
      const gone = children.map((child) => new Promise((resolve) => child.once('exit', resolve)));
      const timer = setTimeout(() => {
        for (const child of children) child.kill('SIGKILL');
      }, 5_000);
      Promise.all(gone).then(() => {
        clearTimeout(timer);
        process.exit(128 + signalNumber(signal));
      });
    });
  }
}

/** Resolves once every command started by run() has exited (SIGKILL after `graceMs`). */
export async function settleRunningCommands(graceMs = 5_000) {
  const children = [...runChildren];
  const timer = setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
  }, graceMs);
  await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve))));
  clearTimeout(timer);
}

/**
 * Runs a command to completion with its output streamed to ours; resolves with the exit
 * code (never rejects, so callers can time and tabulate failures).
 */
export function run(command, args, { cwd = ROOT, env = process.env } = {}) {
  installSignalForwarding();
  if (receivedSignal) return Promise.resolve(128 + signalNumber(receivedSignal));
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    runChildren.add(child);
    child.on('error', (error) => {
      runChildren.delete(child);
      console.error(`cannot start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      runChildren.delete(child);
      resolve(code ?? (signal ? 128 + signalNumber(signal) : 1));
    });
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
  live.add(child.pid);
  const exited = new Promise((resolve) => {
    child.on('error', (error) => {
      write(`cannot start: ${error.message}`);
      exitInfo = { code: 127, signal: null };
      resolve(exitInfo);
    });
    child.on('close', (code, signal) => {
      exitInfo = { code, signal };
      live.delete(child.pid);
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

// Process groups we started and have not seen exit. If this process exits without stopping
// them (an uncaught error, process.exit in a test runner), they are killed on the way out:
// a detached group would otherwise outlive us.
const live = new Set();
process.on('exit', () => {
  for (const pid of live) signalGroup(pid, 'SIGKILL');
});

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
 * Calls `handler('parent exited')` when the process that started us goes away (e.g. npm
 * killed with SIGKILL): we are then reparented, and nobody would ever stop our services.
 */
export function onParentExit(handler, intervalMs = 1_000) {
  // process.ppid is read once at startup, so ask whether that process still exists.
  const parent = process.ppid;
  const timer = setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch (error) {
      if (error.code !== 'ESRCH') return;
      clearInterval(timer);
      handler('parent exited');
    }
  }, intervalMs);
  timer.unref();
}

/**
 * Calls `handler(signal)` once on the first SIGINT / SIGTERM / SIGHUP. Later signals (npm
 * forwards Ctrl-C, and the terminal sends it too) are ignored while the handler runs.
 * Commands started by run() get the signal passed on; the handler stops services and exits.
 */
export function onShutdownSignal(handler) {
  customShutdown = true;
  installSignalForwarding();
  let called = false;
  for (const signal of SHUTDOWN_SIGNALS) {
    process.on(signal, () => {
      if (called) return;
      called = true;
      handler(signal);
    });
  }
}
