#!/usr/bin/env node
// Installs dependencies when they are missing or older than the lockfile. Runs on a fresh
// clone before anything is installed, so it may only use Node's own modules.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { info, warn } from './lib/log.mjs';
import { ROOT } from './lib/paths.mjs';
import { run } from './lib/proc.mjs';

/** Why an install is needed, or null when node_modules matches the lockfile. */
export function installReason(root = ROOT) {
  const lockfile = join(root, 'package-lock.json');
  // npm writes this marker at the end of every successful install.
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(join(root, 'node_modules'))) return 'node_modules is missing';
  if (!existsSync(marker)) return 'node_modules was not installed by npm (no .package-lock.json)';
  if (existsSync(lockfile) && statSync(lockfile).mtimeMs > statSync(marker).mtimeMs) {
    return 'package-lock.json is newer than node_modules';
  }
  return null;
}

export async function ensureDeps() {
  const reason = installReason();
  if (!reason) return;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const started = Date.now();
  let code;
  if (existsSync(join(ROOT, 'package-lock.json'))) {
    info(`Installing dependencies (${reason}): npm ci --no-audit --no-fund`);
    code = await run(npm, ['ci', '--no-audit', '--no-fund']);
    if (code !== 0) {
      // npm ci refuses a lockfile that lacks an optional dependency the registry does not
      // have (e.g. a Windows-only binary); npm install skips it. Say so loudly and go on:
      // the tests are still worth running, the lockfile still needs fixing.
      warn(`npm ci failed (exit ${code}); falling back to npm install. Fix package-lock.json so npm ci passes.`);
      code = await run(npm, ['install', '--no-audit', '--no-fund']);
    }
  } else {
    info(`Installing dependencies (${reason}): npm install --no-audit --no-fund`);
    code = await run(npm, ['install', '--no-audit', '--no-fund']);
  }
  if (code !== 0) throw new Error(`installing dependencies failed with exit code ${code}`);
  info(`Dependencies installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureDeps().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
