#!/usr/bin/env node
// `npm start`: install if needed, build the three H5 apps if stale, start the WeChat sandbox
// and the API (which serves the apps), print where to click. Ctrl-C stops everything.
import { join } from 'node:path';
import { ensureDeps } from './ensure-deps.mjs';
import { buildH5, isH5BuildFresh } from './lib/h5-builds.mjs';
import { bold, cyan, dim, fail, green, info, magenta } from './lib/log.mjs';
import { isPortFree } from './lib/net.mjs';
import { APPS, ROOT } from './lib/paths.mjs';
import { prettyLogLine } from './lib/pretty-log.mjs';
import { onParentExit, onShutdownSignal, settleRunningCommands, stopServices } from './lib/proc.mjs';
import { missingH5Builds, prepareWebRoot, startStack } from './lib/stack.mjs';

const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log(`npm start [-- --rebuild]

Starts the WeChat sandbox and the API, which serves the mall, campaign and tools H5 apps.
  --rebuild   rebuild the H5 apps even when their builds are newer than their sources
Env: PORT (API, default 3000), HOST (default 127.0.0.1), WECHAT_SANDBOX_PORT (default 3100),
     DATABASE_URL (PostgreSQL; default embedded PGlite in PGLITE_DIR, default .data/pglite),
     PUBLIC_BASE_URL, SESSION_SECRET, WECHAT_{MALL,CAMPAIGN,TOOLS}_{APPID,SECRET}.`);
  process.exit(0);
}

const DATA_DIR = join(ROOT, '.data');
const apiPort = Number(process.env.PORT || 3000);
const sandboxPort = Number(process.env.WECHAT_SANDBOX_PORT || 3100);
const host = process.env.HOST || '127.0.0.1';
const publicBaseUrl = process.env.PUBLIC_BASE_URL || `http://localhost:${apiPort}`;

const services = [];
let stopping = false;

async function shutdown(code, reason) {
  if (stopping) return;
  stopping = true;
  if (services.length > 0) info(`${reason}: stopping ${services.map((s) => s.name).join(' and ')}…`);
  // A build in progress got the signal from run(); wait for it as well as for the services.
  await Promise.all([stopServices(services), settleRunningCommands()]);
  if (services.length > 0) info('Stopped. Nothing left running.');
  process.exit(code);
}

onShutdownSignal((signal) => shutdown(0, `Got ${signal}`));
onParentExit((why) => shutdown(0, `The ${why}`));

async function checkPorts() {
  const busy = [];
  if (!(await isPortFree(apiPort, host)))
    busy.push(`port ${apiPort} (API and apps) is already in use. Free it, or choose another: PORT=3001 npm start`);
  if (!(await isPortFree(sandboxPort, '127.0.0.1')))
    busy.push(
      `port ${sandboxPort} (WeChat sandbox) is already in use. Free it, or choose another: WECHAT_SANDBOX_PORT=3101 npm start`,
    );
  if (busy.length > 0) {
    for (const line of busy) fail(line);
    fail('Is another `npm start` still running? (ss -ltnp shows who holds a port)');
    process.exit(1);
  }
}

function banner() {
  const base = publicBaseUrl.replace(/\/$/, '');
  const rows = [
    ['商城 Mall', `${base}/mall/`],
    ['活动 Campaign', `${base}/campaign/`],
    ['工具 Tools', `${base}/tools/`],
    ['API', `${base}/api/health`],
    ['WeChat sandbox', `http://localhost:${sandboxPort}/sandbox/health`],
  ];
  const storage = process.env.DATABASE_URL
    ? 'PostgreSQL (DATABASE_URL)'
    : `PGlite in ${process.env.PGLITE_DIR || '.data/pglite'}`;
  console.log(`
${bold(green('  WeMatrix is running'))}

${rows.map(([label, url]) => `  ${label.padEnd(16)}${cyan(url)}`).join('\n')}

  ${dim(`Data: ${storage}. Sign in on H5 as a demo shopper (dev sign-in).`)}
  ${dim('Press Ctrl-C to stop.')}
`);
}

try {
  await ensureDeps();
  await checkPorts();

  const stale = args.includes('--rebuild') ? APPS : APPS.filter((app) => !isH5BuildFresh(app));
  if (stale.length > 0) {
    info(`Building H5: ${stale.join(', ')} (first start takes a minute or two; later starts reuse fresh builds)`);
    const code = await buildH5(stale);
    if (code !== 0) throw new Error(`H5 build failed (exit ${code}); see the output above`);
  } else {
    info('H5 builds are up to date (npm start -- --rebuild to force)');
  }
  const missing = missingH5Builds();
  if (missing.length > 0) throw new Error(`no H5 build for ${missing.join(', ')} after building`);

  const webRoot = prepareWebRoot(join(DATA_DIR, 'web-root'));
  info('Starting the WeChat sandbox and the API…');
  await startStack({
    apiPort,
    sandboxPort,
    host,
    publicBaseUrl,
    webRoot,
    pgliteDir: process.env.PGLITE_DIR || join(DATA_DIR, 'pglite'),
    databaseUrl: process.env.DATABASE_URL,
    prefixes: { sandbox: magenta('[sandbox]'), api: cyan('[api]    ') },
    format: prettyLogLine,
    services,
  });
  if (stopping) await new Promise(() => {}); // Ctrl-C arrived while starting: shutdown() exits.
  banner();

  // A service that dies on its own takes the other one down too: half a stack only confuses.
  const first = await Promise.race(services.map((s) => s.exited.then((exit) => ({ name: s.name, ...exit }))));
  if (!stopping) {
    fail(`${first.name} exited unexpectedly (${first.signal ?? `code ${first.code}`})`);
    await shutdown(1, 'A service stopped');
  }
} catch (error) {
  if (!stopping) {
    fail(error.message);
    await shutdown(1, 'Start failed');
  }
}
