// The upload key on disk: load it, prove it is an RSA private key, and give miniprogram-ci a
// file path (an inline CI secret is written to a private temp file and removed afterwards).
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { isGitIgnored } from './release-git.mjs';

/** @typedef {import('./release-credentials.mjs').KeySource} KeySource */

/**
 * The key's PEM text and what it is, or a one-line problem naming the variable.
 * @param {KeySource} key
 * @returns {{ pem: string, description: string } | { problem: string }}
 */
export function loadRsaKey(key) {
  let pem;
  if (key.source === 'path') {
    try {
      pem = readFileSync(key.path, 'utf8');
    } catch (error) {
      const reason =
        error.code === 'ENOENT' ? 'no such file' : error.code === 'EACCES' ? 'permission denied' : error.message;
      return { problem: `${key.envName}: cannot read ${key.path} (${reason})` };
    }
  } else {
    pem = key.pem;
  }
  try {
    const keyObject = createPrivateKey(pem);
    if (keyObject.asymmetricKeyType !== 'rsa') {
      return { problem: `${key.envName}: expected an RSA private key, got ${keyObject.asymmetricKeyType}` };
    }
    return { pem, description: `RSA ${keyObject.asymmetricKeyDetails?.modulusLength ?? '?'} bit` };
  } catch (error) {
    const where = key.source === 'path' ? `${key.path} is` : 'the value is';
    return { problem: `${key.envName}: ${where} not a readable PEM private key (${firstLine(error.message)})` };
  }
}

function firstLine(message) {
  return String(message).split('\n')[0];
}

/**
 * A warning when the key file sits in the working tree where git could pick it up.
 * @returns {string | null}
 */
export function keyFileWarning(key, root) {
  if (key.source !== 'path') return null;
  const path = resolve(key.path);
  const rel = relative(root, path);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  if (!inside || isGitIgnored(path, root)) return null;
  return `${key.envName}: ${rel} is inside the repository and not ignored by git; keep upload keys outside git`;
}

/**
 * A path miniprogram-ci can read. For an inline key: a new 0700 directory holding a 0600 file,
 * removed by `cleanup()` (call it in a finally).
 * @param {KeySource} key
 * @returns {{ path: string, cleanup: () => void }}
 */
export function keyFileFor(key) {
  if (key.source === 'path') return { path: key.path, cleanup: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'wematrix-release-'));
  const path = join(dir, 'upload.key');
  writeFileSync(path, key.pem, { mode: 0o600 });
  return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
