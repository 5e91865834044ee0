// miniprogram-ci's Project without WeChat's servers, for compiling and inspecting offline.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A miniprogram-ci Project that never asks WeChat for the project's attributes.
 *
 * Why: before compiling, miniprogram-ci 2.1.42 fetches the project's attributes (package size
 * limits, sandbox flags) from servicewechat.com with the upload key; offline that fails with
 * ENOTFOUND (code 20001). `Project.attr()` uses an `attr` function from the constructor options
 * when one is given, so we hand it the defaults miniprogram-ci exports (`DefaultProjectAttr`: the
 * public limits, 2 MB main package). Nothing is signed or sent; the key only has to parse.
 * @param {typeof import('miniprogram-ci')} ci
 * @param {{ projectPath: string, appid: string, privateKeyPath: string, ignores?: string[] }} options
 */
export function offlineProject(ci, options) {
  return new ci.Project({
    type: 'miniProgram',
    ignores: [],
    ...options,
    attr: async () => ci.DefaultProjectAttr,
  });
}

/**
 * A throwaway RSA key file for offline compiles (miniprogram-ci refuses a Project without one).
 * @returns {{ path: string, remove: () => void }}
 */
export function throwawayKey() {
  const dir = mkdtempSync(join(tmpdir(), 'wematrix-wxkey-'));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const path = join(dir, 'private.key');
  writeFileSync(path, privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 });
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
