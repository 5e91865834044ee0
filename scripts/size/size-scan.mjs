// Reads a built mini-program from disk: its files with sizes, and its app.json.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PACKAGE_IGNORES } from './size-limits.config.mjs';

/** 'node_modules/**\/*' -> a RegExp over '/'-separated relative paths (the subset of glob we use). */
export function globToRegExp(glob) {
  let pattern = '';
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      pattern += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') pattern += '[^/]*';
    else if (char === '?') pattern += '[^/]';
    else pattern += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

/**
 * Every file under `dir` that would be part of the uploaded package, with its size.
 * @returns {{ path: string, bytes: number }[]}
 */
export function listPackageFiles(dir, ignores = PACKAGE_IGNORES) {
  const ignored = ignores.map(globToRegExp);
  const files = [];
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const path = relative(dir, full).split(sep).join('/');
        if (!ignored.some((re) => re.test(path))) files.push({ path, bytes: statSync(full).size });
      }
    }
  };
  walk(dir);
  return files;
}

/** app.json of a built mini-program; throws a readable error when the build is missing. */
export function readAppJson(dir) {
  const file = join(dir, 'app.json');
  if (!existsSync(file)) throw new Error(`no build output: ${file} does not exist`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${error.message}`);
  }
}
