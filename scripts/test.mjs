#!/usr/bin/env node
// `npm test`: everything CI checks, in order, each step timed, then a summary table and the
// line CI reads: `tests: <n> passed, <m> failed` (Vitest unit/API tests + browser tests).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runE2e } from './e2e.mjs';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensureDeps } from './ensure-deps.mjs';
import { bold, dim, formatDuration, green, red, yellow } from './lib/log.mjs';
import { ROOT } from './lib/paths.mjs';
import { run } from './lib/proc.mjs';
import { readVitestReport } from './lib/vitest-report.mjs';

const USAGE = `npm test [-- options]
  --only <group>   run one group: check | unit | build | e2e
  --skip-build     skip the weapp/H5 builds (e2e still builds a missing or stale H5 app)
Env: DATABASE_URL also runs the API tests (and e2e) on PostgreSQL; REDIS_URL is passed through.`;

const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : null;
if (only && !['check', 'unit', 'build', 'e2e'].includes(only)) {
  console.error(`unknown --only group "${only}"\n\n${USAGE}`);
  process.exit(2);
}
const skipBuild = args.includes('--skip-build');
const wants = (group) => (only ? only === group : !(group === 'build' && skipBuild));

const REPORTS = join(ROOT, 'reports');
mkdirSync(REPORTS, { recursive: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = [];

/** Runs one step; `fn` resolves to an exit code or { code, tests }. Never throws. */
async function step(name, fn, { needs = [] } = {}) {
  const blocker = needs.find((n) => results.find((r) => r.name === n && r.status !== 'ok'));
  if (blocker) {
    results.push({ name, status: 'skipped', ms: 0, note: `needs ${blocker}` });
    return;
  }
  console.log(`\n${bold(`━━ ${name} ━━`)}`);
  const started = Date.now();
  let outcome;
  try {
    outcome = await fn();
  } catch (error) {
    console.error(red(error.message));
    outcome = 1;
  }
  const { code, tests } = typeof outcome === 'number' ? { code: outcome } : outcome;
  const note = code === 0 ? undefined : `exit ${code}, see its output above`;
  results.push({ name, status: code === 0 ? 'ok' : 'FAILED', ms: Date.now() - started, tests, note });
}

/**
 * A Vitest run with the JSON report next to the console one; counts come from the JSON.
 * `runVitest(reporterArgs)` starts Vitest (directly, or through the e2e runner).
 */
async function vitest(reportName, runVitest) {
  const reportFile = join(REPORTS, `${reportName}.json`);
  rmSync(reportFile, { force: true });
  const code = await runVitest(['--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`]);
  const tests = readVitestReport(reportFile) ?? { passed: 0, failed: 0, skipped: 0 };
  // Vitest failed without counting a failed test (crash, config error): still one failure.
  if (code !== 0 && tests.failed === 0) tests.failed = 1;
  return { code, tests };
}

const vitestBin = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const WEAPP_RENDER_CONFIG = join(ROOT, 'scripts', 'weapp', 'vitest.render.config.mts');

const started = Date.now();
await step('deps', async () => {
  await ensureDeps();
  return 0;
});
const depsOk = results[0].status === 'ok';

if (depsOk) {
  if (wants('check')) await step('check', () => run(npm, ['run', 'check']));
  if (wants('unit'))
    await step('unit + API', () =>
      vitest('vitest-unit', (reporters) => run(process.execPath, [vitestBin, 'run', ...reporters])),
    );
  if (wants('build')) {
    await step('build:weapp', () => run(npm, ['run', 'build:weapp']));
    // WeChat's own compiler over the production output: a build can pass and still be refused.
    await step('compile:weapp', () => run(npm, ['run', 'compile:weapp']), { needs: ['build:weapp'] });
    // Every page of every app rendered from that output with WeChat's template compiler.
    await step(
      'weapp render',
      () =>
        vitest('vitest-weapp-render', (reporters) =>
          run(process.execPath, [vitestBin, 'run', '--config', WEAPP_RENDER_CONFIG, ...reporters]),
        ),
      { needs: ['build:weapp'] },
    );
    await step('build:h5', () => run(npm, ['run', 'build:h5']));
  }
  if (wants('e2e')) {
    await step('chromium', async () => {
      await ensureChromium();
      return 0;
    });
    await step('e2e', () => vitest('vitest-e2e', (reporters) => runE2e({ vitestArgs: reporters })), {
      needs: ['chromium', 'build:h5'],
    });
  }
}

const totals = results.reduce(
  (sum, r) => ({ passed: sum.passed + (r.tests?.passed ?? 0), failed: sum.failed + (r.tests?.failed ?? 0) }),
  { passed: 0, failed: 0 },
);
const failedSteps = results.filter((r) => r.status === 'FAILED');

console.log(`\n${bold('Summary')}`);
console.log(dim(`  ${'step'.padEnd(14)}${'result'.padEnd(10)}${'time'.padStart(12)}   tests`));
for (const r of results) {
  const status =
    r.status === 'ok'
      ? green('ok'.padEnd(10))
      : r.status === 'FAILED'
        ? red('FAILED'.padEnd(10))
        : yellow(r.status.padEnd(10));
  const counts = r.tests
    ? `${r.tests.passed} passed, ${r.tests.failed} failed${r.tests.skipped ? `, ${r.tests.skipped} skipped` : ''}`
    : '';
  const tests = [counts, r.note].filter(Boolean).join('; ');
  console.log(`  ${r.name.padEnd(14)}${status}${formatDuration(r.ms).padStart(12)}   ${tests}`);
}
console.log(`  ${'total'.padEnd(24)}${formatDuration(Date.now() - started).padStart(12)}`);
if (failedSteps.length > 0) console.log(red(`\nFailed: ${failedSteps.map((r) => r.name).join(', ')}`));
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedSteps.length > 0 || totals.failed > 0 || !depsOk ? 1 : 0);
