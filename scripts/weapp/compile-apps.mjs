#!/usr/bin/env node
// `npm run compile:weapp`: WeChat's own compiler over each app's production output
// (apps/<app>/dist/weapp), offline. Fails with file, line and column of each error; also says
// whether the size report counts the same files WeChat's compiler packs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bold, fail, formatDuration, green, info, red } from '../lib/log.mjs';
import { APPS, appDir } from '../lib/paths.mjs';
import { formatBytes } from '../size/size-report-format.mjs';
import { listPackageFiles } from '../size/size-scan.mjs';
import { compareCompiledFiles } from './compiled-files.mjs';
import { compileWithWeChat, formatCompileError } from './wechat-compile.mjs';

/**
 * Compiles one app's dist/weapp; returns true when WeChat's compiler accepts it.
 * @param {string} app
 * @param {string} [dir]
 */
export async function compileApp(app, dir = join(appDir(app), 'dist', 'weapp')) {
  if (!existsSync(join(dir, 'app.json'))) {
    fail(`${app}: no weapp build at ${dir} (run npm run build:weapp)`);
    return false;
  }
  const outcome = await compileWithWeChat(dir);
  if (!outcome.ok) {
    fail(`${app}: WeChat's compiler refused the build (${formatDuration(outcome.ms)})`);
    for (const error of outcome.errors) console.error(red(`  ${join(dir, formatCompileError(error))}`));
    return false;
  }
  const compared = compareCompiledFiles(listPackageFiles(dir), outcome.files);
  info(
    `${app}: ${green('compiled')} by WeChat's compiler in ${formatDuration(outcome.ms)}, ` +
      `${outcome.files.length} files; size report counts ${formatBytes(compared.builtBytes)}, ` +
      `compiled result ${formatBytes(compared.compiledBytes)}` +
      (compared.sameFiles ? ', same files' : ''),
  );
  if (!compared.sameFiles) {
    // Not fatal: the upload is still valid; the size report needs its extension list updated.
    const list = (files) => files.slice(0, 5).join(', ') + (files.length > 5 ? `, … (${files.length})` : '');
    if (compared.onlyCompiled.length > 0) console.warn(`  added by WeChat's compiler: ${list(compared.onlyCompiled)}`);
    if (compared.onlyBuilt.length > 0) console.warn(`  counted but not packed: ${list(compared.onlyBuilt)}`);
  }
  return true;
}

async function main(argv) {
  const wanted = argv.filter((arg) => !arg.startsWith('-')).flatMap((arg) => arg.split(','));
  const apps = wanted.length === 0 || wanted.includes('all') ? APPS : wanted;
  const unknown = apps.filter((app) => !APPS.includes(app));
  if (unknown.length > 0) {
    fail(`unknown app ${unknown.join(', ')}; expected ${APPS.join(', ')} or all`);
    return 2;
  }
  const results = [];
  for (const app of apps) results.push({ app, ok: await compileApp(app) });
  console.log(`\n${bold("WeChat's compiler")}`);
  for (const r of results) console.log(`  ${r.app.padEnd(10)}${r.ok ? green('ok') : red('REFUSED')}`);
  return results.every((r) => r.ok) ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
