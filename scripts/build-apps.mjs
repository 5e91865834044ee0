#!/usr/bin/env node
// `npm run build:weapp` / `npm run build:h5`: production builds of the three Taro apps, one
// after another (two cores: parallel builds only fight over them), each timed. The weapp
// build then writes the package size report and fails above budget; the H5 build writes
// .br / .gz copies of its text files and prints each app's JS size after gzip.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bold, fail, formatDuration, green, info, red } from './lib/log.mjs';
import { APPS, appDir, ROOT } from './lib/paths.mjs';
import { precompressDir } from './lib/precompress.mjs';
import { run } from './lib/proc.mjs';
import { measureH5 } from './size/h5-size.mjs';
import { buildSizeReport, measureApp, readPreviousReport, weappDir, writeSizeReport } from './size/size-report.mjs';
import { describeViolation, formatBytes, renderLargestFiles, renderSizeTable } from './size/size-report-format.mjs';

const USAGE = `node scripts/build-apps.mjs <weapp|h5> [app...] [--app mall|campaign|tools|all] [--size-only]
  app / --app   build only these apps (repeat, or comma-separate); default all three
  --size-only   skip the builds: only measure the existing output (weapp: and check the budget)
Env: WECHAT_<APP>_APPID, when set, becomes the appid in the app's output project.config.json.`;

const REPORTS = join(ROOT, 'reports');

function parseArgs(argv) {
  const [type, ...rest] = argv;
  if (type === '--help' || type === '-h') return { help: true };
  if (type !== 'weapp' && type !== 'h5') throw new Error(`first argument must be weapp or h5, got "${type ?? ''}"`);
  const names = [];
  let sizeOnly = false;
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i];
    if (arg === '--size-only') sizeOnly = true;
    else if (arg === '--app') names.push(...(rest[++i] ?? '').split(','));
    else if (arg.startsWith('--app=')) names.push(...arg.slice('--app='.length).split(','));
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else names.push(...arg.split(','));
  }
  const wanted = names.filter(Boolean);
  const apps = wanted.length === 0 || wanted.includes('all') ? APPS : [...new Set(wanted)];
  const unknown = apps.filter((app) => !APPS.includes(app));
  if (unknown.length > 0) throw new Error(`unknown app ${unknown.join(', ')}; expected ${APPS.join(', ')} or all`);
  return { type, apps, sizeOnly };
}

/** Builds one app; resolves with { code, ms }. Output dir is cleared first so no stale file is counted. */
async function buildApp(app, type) {
  const env = { ...process.env, NODE_ENV: 'production' };
  const appid = process.env[`WECHAT_${app.toUpperCase()}_APPID`];
  // Taro writes TARO_APP_ID into dist/weapp/project.config.json; the release sets it again anyway.
  if (type === 'weapp' && appid) env.TARO_APP_ID = appid;
  rmSync(join(appDir(app), 'dist', type), { recursive: true, force: true });
  info(`Building ${bold(app)} (${type}, production)`);
  const started = Date.now();
  const code = await run(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', type], {
    cwd: appDir(app),
    env,
  });
  return { code, ms: Date.now() - started };
}

async function buildAll(apps, type) {
  const results = [];
  for (const app of apps) {
    const { code, ms } = await buildApp(app, type);
    results.push({ app, code, ms });
    if (code === 0) info(`${app} ${type} built in ${formatDuration(ms)}`);
    else fail(`${app} ${type} build failed (exit ${code}) after ${formatDuration(ms)}`);
  }
  console.log(`\n${bold(`${type} builds`)}`);
  for (const r of results) {
    console.log(
      `  ${r.app.padEnd(10)}${(r.code === 0 ? green('ok') : red('FAILED')).padEnd(8)} ${formatDuration(r.ms)}`,
    );
  }
  return results;
}

function weappSizeCheck(apps, buildMs) {
  const measured = [];
  const missing = [];
  for (const app of apps) {
    const dir = weappDir(ROOT, app);
    if (existsSync(join(dir, 'app.json'))) measured.push(measureApp(app, dir));
    else missing.push(app);
  }
  for (const app of missing) fail(`${app}: no weapp output at ${weappDir(ROOT, app)}, nothing to measure`);
  if (measured.length === 0) return false;

  const report = buildSizeReport(measured, {
    previousReport: readPreviousReport(REPORTS),
    generatedAt: new Date().toISOString(),
    buildMs,
  });
  const written = writeSizeReport(REPORTS, report);
  console.log(`\n${bold('weapp package sizes')}\n${renderSizeTable(report)}\n\n${renderLargestFiles(report)}\n`);
  info(`size report: ${written.md} (and .json)`);
  for (const violation of report.violations) fail(describeViolation(violation));
  if (report.violations.length === 0) info(green('all packages within budget'));
  return report.violations.length === 0 && missing.length === 0;
}

function h5SizeSummary(apps) {
  const rows = [];
  for (const app of apps) {
    try {
      rows.push(measureH5(app, join(appDir(app), 'dist', 'h5')));
    } catch (error) {
      fail(`${app}: ${error.message}`);
    }
  }
  if (rows.length === 0) return;
  console.log(`\n${bold('H5 bundle sizes (gzip)')}`);
  console.log(
    `  ${'app'.padEnd(10)}${'JS total'.padStart(12)}${'JS first load'.padStart(16)}${'CSS total'.padStart(12)}`,
  );
  for (const r of rows) {
    console.log(
      `  ${r.app.padEnd(10)}${formatBytes(r.jsGzipBytes).padStart(12)}${formatBytes(r.initialJsGzipBytes).padStart(16)}${formatBytes(r.cssGzipBytes).padStart(12)}`,
    );
  }
  mkdirSync(REPORTS, { recursive: true });
  writeFileSync(join(REPORTS, 'h5-size-report.json'), `${JSON.stringify(rows, null, 2)}\n`);
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    fail(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const { type, apps, sizeOnly } = options;
  const results = sizeOnly ? apps.map((app) => ({ app, code: 0, ms: undefined })) : await buildAll(apps, type);
  const built = results.filter((r) => r.code === 0).map((r) => r.app);
  const buildsOk = built.length === apps.length;

  if (type === 'weapp') {
    const buildMs = Object.fromEntries(results.filter((r) => r.ms !== undefined).map((r) => [r.app, r.ms]));
    const sizesOk = weappSizeCheck(built, buildMs);
    return buildsOk && sizesOk ? 0 : 1;
  }
  // The API serves these by Accept-Encoding (apps/api/src/http/static-files.ts).
  for (const app of built) {
    if (!existsSync(join(appDir(app), 'dist', 'h5', 'index.html'))) continue;
    const { files, rawBytes, brBytes } = precompressDir(join(appDir(app), 'dist', 'h5'));
    info(`${app}: ${files} files precompressed (.br/.gz), ${formatBytes(rawBytes)} -> ${formatBytes(brBytes)} br`);
  }
  h5SizeSummary(built);
  return buildsOk ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  // Unreadable output (bad app.json, permissions): one clear line, not a stack.
  fail(error.message);
  process.exitCode = 1;
}
