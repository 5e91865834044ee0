import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress.mjs';

describe('precompressDir', () => {
  let dir;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes .br and .gz beside large text files only, and they decompress to the original', () => {
    dir = mkdtempSync(join(tmpdir(), 'precompress-'));
    mkdirSync(join(dir, 'js'));
    const js = 'console.log("你好，WeMatrix");\n'.repeat(200);
    writeFileSync(join(dir, 'js', 'app.1a2b3c4d.js'), js);
    writeFileSync(join(dir, 'index.html'), `<!doctype html>${'<div></div>'.repeat(200)}`);
    writeFileSync(join(dir, 'tiny.css'), 'a{}');
    writeFileSync(join(dir, 'logo.png'), Buffer.alloc(4096));

    const summary = precompressDir(dir);

    expect(summary.files).toBe(2);
    const path = join(dir, 'js', 'app.1a2b3c4d.js');
    expect(brotliDecompressSync(readFileSync(`${path}.br`)).toString()).toBe(js);
    expect(gunzipSync(readFileSync(`${path}.gz`)).toString()).toBe(js);
    expect(existsSync(join(dir, 'index.html.br'))).toBe(true);
    expect(existsSync(join(dir, 'tiny.css.br'))).toBe(false);
    expect(existsSync(join(dir, 'logo.png.br'))).toBe(false);
    expect(summary.brBytes).toBeLessThan(summary.rawBytes / 10);
  });
});
