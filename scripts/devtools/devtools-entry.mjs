/**
 * The root project.config.json is WeChat DevTools' entry when a developer opens the repo
 * folder: it points `miniprogramRoot` at one app's `dist/weapp`. This switches it.
 *
 *   npm run devtools -- campaign     # point DevTools at apps/campaign/dist/weapp/
 *
 * The appid stays `touristappid`; a developer's real appid belongs in
 * project.private.config.json (DevTools' per-machine file, ignored by git).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APPS = ['mall', 'campaign', 'tools'];
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ROOT_CONFIG = join(ROOT, 'project.config.json');

/** The root config with DevTools pointed at `app`'s weapp build (pure). */
export function pointAt(config, app) {
  if (!APPS.includes(app)) throw new Error(`unknown app "${app}": use one of ${APPS.join(', ')}`);
  return { ...config, projectname: `wematrix-${app}`, miniprogramRoot: `apps/${app}/dist/weapp/` };
}

/** Which app the root config opens, read back from its miniprogramRoot. */
export function currentApp(config) {
  return /^apps\/([a-z]+)\/dist\/weapp\/?$/.exec(config.miniprogramRoot ?? '')?.[1] ?? null;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const app = process.argv[2];
  const config = JSON.parse(readFileSync(ROOT_CONFIG, 'utf8'));
  if (!app) {
    console.log(`WeChat DevTools opens: ${currentApp(config) ?? config.miniprogramRoot}`);
    process.exit(0);
  }
  try {
    writeFileSync(ROOT_CONFIG, `${JSON.stringify(pointAt(config, app), null, 2)}\n`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  console.log(`WeChat DevTools now opens apps/${app}/dist/weapp/ (build it with \`npm run build:weapp\`).`);
}
