#!/usr/bin/env node
// `npm run test:e2e`: browser tests over the H5 builds. Builds a missing or stale H5 app,
// makes sure chromium is there, then runs Vitest with e2e/vitest.config.mts, whose global
// setup starts the sandbox and the API on free ports with a throwaway database.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureChromium } from './ensure-chromium.mjs';
import { buildH5, isH5BuildFresh } from './lib/h5-builds.mjs';
import { info } from './lib/log.mjs';
import { APPS, ROOT } from './lib/paths.mjs';
import { run } from './lib/proc.mjs';

/** Runs the browser tests; resolves with Vitest's exit code. `vitestArgs` go straight to Vitest. */
export async function runE2e({ vitestArgs = [], build = true } = {}) {
  if (build) {
    const stale = APPS.filter((app) => !isH5BuildFresh(app));
    if (stale.length > 0) {
      info(`H5 build missing or older than its sources: ${stale.join(', ')}; building first`);
      const code = await buildH5(stale);
      if (code !== 0) return code;
    }
  }
  await ensureChromium();
  return run(process.execPath, [
    join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--config',
    join(ROOT, 'e2e', 'vitest.config.mts'),
    ...vitestArgs,
  ]);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const build = !args.includes('--no-build');
  runE2e({ build, vitestArgs: args.filter((a) => a !== '--no-build') })
    .then((code) => process.exit(code))
    .catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
}
