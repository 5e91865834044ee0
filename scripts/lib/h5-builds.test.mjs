import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newestMtime } from './h5-builds.mjs';

describe('newestMtime', () => {
  let dir;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function file(path, seconds) {
    const full = join(dir, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, 'x');
    utimesSync(full, seconds, seconds);
  }

  it('finds the newest source file and ignores build output and node_modules', () => {
    dir = mkdtempSync(join(tmpdir(), 'wm-mtime-'));
    file('src/pages/index.tsx', 1_000);
    file('src/app.ts', 2_000);
    file('dist/h5/index.html', 9_000);
    file('node_modules/x/index.js', 9_000);
    expect(newestMtime(dir)).toBe(2_000_000);
  });

  it('is 0 for a path that does not exist', () => {
    dir = mkdtempSync(join(tmpdir(), 'wm-mtime-'));
    expect(newestMtime(join(dir, 'missing'))).toBe(0);
  });
});
