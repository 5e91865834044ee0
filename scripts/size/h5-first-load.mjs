#!/usr/bin/env node
// `npm run size:h5`: opens each app's H5 home page in chromium, sums the JS actually
// transferred until the network is idle, writes reports/h5-first-load.json and fails over
// budget (scripts/size/size-limits.config.mjs). Serves the current builds on a scratch
// stack unless --base-url points at a running API.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ensureChromium } from '../ensure-chromium.mjs';
import { bold, fail, green, info } from '../lib/log.mjs';
import { freePort } from '../lib/net.mjs';
import { APPS, ROOT } from '../lib/paths.mjs';
import { missingH5Builds, prepareWebRoot, startStack } from '../lib/stack.mjs';
import { firstLoadViolations, renderFirstLoadTable, writeFirstLoadReport } from './first-load.mjs';
import { measureFirstLoad } from './first-load-browser.mjs';

const USAGE = `npm run size:h5 [-- --base-url http://127.0.0.1:3000] [--app mall,campaign,tools]
  --base-url  measure a running API that serves the apps (default: start one on the current builds)
  --app       only these apps (default all three)`;

function parseArgs(argv) {
  const options = { baseUrl: null, apps: APPS };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => (arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i]);
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg.startsWith('--base-url')) options.baseUrl = value()?.replace(/\/$/, '');
    else if (arg.startsWith('--app')) options.apps = value()?.split(',').filter(Boolean) ?? [];
    else throw new Error(`unknown argument ${arg}`);
  }
  const unknown = options.apps.filter((app) => !APPS.includes(app));
  if (unknown.length > 0) throw new Error(`unknown app ${unknown.join(', ')}; expected ${APPS.join(', ')}`);
  return options;
}

/** A sandbox + API on free ports and a throwaway PGlite, serving apps/<app>/dist/h5. */
async function scratchStack() {
  const missing = missingH5Builds();
  if (missing.length > 0) throw new Error(`no H5 build for ${missing.join(', ')}: run \`npm run build:h5\` first`);
  const tmp = mkdtempSync(join(tmpdir(), 'wematrix-first-load-'));
  const logDir = join(tmp, 'logs');
  mkdirSync(logDir);
  const apiPort = await freePort();
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const stack = await startStack({
    apiPort,
    sandboxPort: await freePort(),
    publicBaseUrl: `http://127.0.0.1:${apiPort}`,
    webRoot: prepareWebRoot(join(tmp, 'web')),
    pgliteDir: join(tmp, 'pglite'),
    sessionSecret: randomBytes(32).toString('hex'),
    extraEnv: { LOG_LEVEL: 'warn' },
    logDir,
  }).catch((error) => {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  });
  return {
    baseUrl: stack.apiUrl,
    stop: async () => {
      await stack.stop();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  await ensureChromium();
  const server = options.baseUrl ? { baseUrl: options.baseUrl, stop: async () => {} } : await scratchStack();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const summaries = [];
    for (const app of options.apps) {
      info(`Opening ${app}'s home page`);
      summaries.push(await measureFirstLoad(browser, { app, url: `${server.baseUrl}/${app}/#/pages/index/index` }));
    }
    console.log(`\n${bold('H5 first load (until network idle)')}\n${renderFirstLoadTable(summaries)}\n`);
    info(`report: ${writeFirstLoadReport(join(ROOT, 'reports'), summaries)}`);
    const violations = summaries.flatMap((s) => firstLoadViolations(s));
    for (const violation of violations) fail(violation);
    if (violations.length === 0) info(green('every home page within its first-load budget'));
    return violations.length === 0 ? 0 : 1;
  } finally {
    await browser.close();
    await server.stop();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  fail(`${error.message}\n\n${USAGE}`);
  process.exitCode = 1;
}
