// Reads what the description needs from git; outside a checkout (or without git) everything is null.
import { execFileSync } from 'node:child_process';

function git(args, cwd) {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}

/** @returns {{ tag: string | null, shortCommit: string | null }} tag: the newest tag pointing at HEAD */
export function readGitInfo(cwd) {
  const shortCommit = git(['rev-parse', '--short', 'HEAD'], cwd);
  const tags = shortCommit ? git(['tag', '--points-at', 'HEAD', '--sort=-v:refname'], cwd) : null;
  return { tag: tags ? tags.split('\n')[0] : null, shortCommit };
}

/** True when git would ignore `path` (so a key file there cannot be committed by accident). */
export function isGitIgnored(path, cwd) {
  try {
    execFileSync('git', ['check-ignore', '-q', path], { cwd, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
