#!/usr/bin/env node
// Makes sure the Debian chromium the browser tests drive is installed, with CJK fonts so the
// screenshots show Chinese. Playwright's own browser download is not reachable here, and not
// needed: playwright-core drives the system chromium.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { info } from './lib/log.mjs';
import { run } from './lib/proc.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Launch flags for the Debian chromium on a headless box: no sandbox (we run as root), no
 * GPU, and nothing that phones home (the machines reach no network besides our own servers).
 * Every script that drives chromium uses these: `chromium.launch({ executablePath:
 * CHROMIUM_PATH, args: CHROMIUM_ARGS })`.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function hasChineseFont() {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false; // no fontconfig at all: fonts are missing too
  }
}

/** Debian packages still missing; empty when the browser tests can run. */
export function missingPackages() {
  const missing = [];
  if (!existsSync(CHROMIUM_PATH)) missing.push('chromium');
  if (!hasChineseFont()) missing.push('fonts-noto-cjk');
  return missing;
}

export async function ensureChromium() {
  const missing = missingPackages();
  if (missing.length === 0) return;
  const install = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Browser tests need ${missing.join(' and ')}. Install with:\n  sudo sh -c '${install}'\n` +
        '(or set CHROMIUM_PATH to a Chromium/Chrome binary).',
    );
  }
  info(`Installing ${missing.join(', ')} for the browser tests`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if ((await run('apt-get', ['update'], { env })) !== 0) throw new Error('apt-get update failed');
  const code = await run('apt-get', ['install', '-y', ...missing], { env });
  if (code !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed`);
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`chromium installed but ${CHROMIUM_PATH} is missing`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureChromium().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
