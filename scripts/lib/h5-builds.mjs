import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { info } from './log.mjs';
import { APPS, appDir, h5DistDir, ROOT } from './paths.mjs';
import { run } from './proc.mjs';

const SKIP_DIRS = new Set(['node_modules', 'dist', '.swc', '.turbo', 'coverage']);

/** Newest modification time of any file under `path` (0 when it does not exist). */
export function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isDirectory() && SKIP_DIRS.has(entry.name)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** Everything an app's H5 bundle is made from: its own folder and the shared code it bundles. */
export function h5Inputs(app) {
  return [
    appDir(app),
    join(ROOT, 'packages', 'shared', 'src'),
    join(ROOT, 'packages', 'ui', 'src'),
    join(ROOT, 'config'),
  ];
}

/** True when the app's H5 build exists and is newer than every input file. */
export function isH5BuildFresh(app) {
  const index = join(h5DistDir(app), 'index.html');
  if (!existsSync(index)) return false;
  const builtAt = statSync(index).mtimeMs;
  return h5Inputs(app).every((input) => newestMtime(input) <= builtAt);
}

/**
 * Builds the H5 output of `apps` through the build script (which also reports sizes) when it
 * exists, else straight through each app's `taro build`. Returns the exit code.
 */
export async function buildH5(apps = APPS) {
  if (apps.length === 0) return 0;
  if (existsSync(join(ROOT, 'scripts', 'build-apps.mjs'))) {
    return run(process.execPath, [join(ROOT, 'scripts', 'build-apps.mjs'), 'h5', ...apps]);
  }
  for (const app of apps) {
    info(`Building ${app} (H5)`);
    const code = await run(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5'], { cwd: appDir(app) });
    if (code !== 0) return code;
  }
  return 0;
}
