import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialAssets } from './h5-size.mjs';
import { MB, SIZE_BUDGET } from './size-limits.config.mjs';
import { buildSizeReport, measureApp, readPreviousReport, writeSizeReport } from './size-report.mjs';
import { describeViolation, formatBytes, renderSizeMarkdown, renderSizeTable } from './size-report-format.mjs';
import { globToRegExp, listPackageFiles } from './size-scan.mjs';

let dir;
const write = (path, bytes) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), Buffer.alloc(bytes, 'x'));
};

/** A synthetic weapp build: what Taro writes, at sizes we choose. */
function fakeBuild() {
  writeFileSync(
    join(dir, 'app.json'),
    JSON.stringify({ pages: ['pages/index/index'], subPackages: [{ root: 'pkg-order', pages: ['list/index'] }] }),
  );
  write('app.js', 2000);
  write('taro.js', 130 * 1024);
  write('vendors.js', 160 * 1024);
  write('pages/index/index.js', 10 * 1024);
  write('pkg-order/list/index.js', 8 * 1024);
  write('node_modules/some-dep/index.js', 5 * MB); // ignored like miniprogram-ci's `ignores`
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'size-report-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}-reports`, { recursive: true, force: true });
});

describe('size report over a build on disk', () => {
  it('measures the build, leaving out ignored files, and passes', () => {
    fakeBuild();
    const sizes = measureApp('mall', dir);
    expect(sizes.files.some((file) => file.path.startsWith('node_modules/'))).toBe(false);
    expect(sizes.subpackages).toEqual([{ root: 'pkg-order/', bytes: 8 * 1024, fileCount: 1 }]);
    const report = buildSizeReport([sizes], { generatedAt: '2026-11-28T00:00:00Z' });
    expect(report.violations).toEqual([]);
    expect(renderSizeTable(report)).toMatch(/mall\s+main\s+5\s+.*ok/);
  });

  it('fails when an oversized asset lands in the main package, naming the app, package and file', () => {
    fakeBuild();
    const reports = `${dir}-reports`; // outside the build, or the reports would count as package files
    writeSizeReport(reports, buildSizeReport([measureApp('mall', dir)], { generatedAt: 'before' }));

    // Given a 900 KB hero image added to the main package
    write('assets/hero.png', 900 * 1024);
    // When the report is rebuilt against the previous one
    const report = buildSizeReport([measureApp('mall', dir)], {
      generatedAt: 'after',
      previousReport: readPreviousReport(reports),
    });
    // Then the main package breaks the mall's 700 KB budget and the new image is blamed
    expect(report.violations).toHaveLength(1);
    const message = describeViolation(report.violations[0]);
    expect(message).toContain('mall: main package');
    expect(message).toContain('exceeds our budget of 700.0 KB');
    expect(message).toContain('grew since the previous report: assets/hero.png new (900.0 KB)');
    expect(renderSizeTable(report)).toContain('OVER (budget)');
    expect(renderSizeMarkdown(report)).toContain('**Over budget:**');
  });

  it('keeps blaming the growth on the next run: failed reports do not become the baseline', () => {
    fakeBuild();
    const reports = `${dir}-reports`; // outside the build, or the reports would count as package files
    writeSizeReport(reports, buildSizeReport([measureApp('mall', dir)], { generatedAt: 'passing' }));
    write('assets/hero.png', 900 * 1024);
    const rebuild = () =>
      buildSizeReport([measureApp('mall', dir)], {
        generatedAt: 'failing',
        previousReport: readPreviousReport(reports),
      });
    writeSizeReport(reports, rebuild());
    expect(readPreviousReport(reports).generatedAt).toBe('passing');
    expect(rebuild().violations[0].suspects.map((file) => file.path)).toEqual(['assets/hero.png']);
  });

  it('falls back to the largest files when nothing grew (e.g. the budget was lowered)', () => {
    fakeBuild();
    const sizes = measureApp('mall', dir);
    const budget = { ...SIZE_BUDGET, mainPackageBytes: 100 * 1024, perApp: {} };
    const report = buildSizeReport([sizes], { generatedAt: 'now', previousReport: { apps: [sizes] }, budget });
    const [violation] = report.violations;
    expect(violation.comparedWithPrevious).toBe(false);
    expect(describeViolation(violation)).toContain('no file grew since the previous report; largest files: vendors.js');
    const [first] = buildSizeReport([sizes], { generatedAt: 'now', budget }).violations;
    expect(describeViolation(first)).toContain('largest files (no previous report to compare): vendors.js');
  });

  it('reads no previous report when there is none or it is unreadable', () => {
    expect(readPreviousReport(dir)).toBeNull();
    writeFileSync(join(dir, 'size-report.json'), '{not json');
    expect(readPreviousReport(dir)).toBeNull();
  });

  it('throws a readable error when the build is missing', () => {
    expect(() => measureApp('mall', join(dir, 'nope'))).toThrow(/no build output: .*app\.json does not exist/);
  });

  it('lists nested files with / separators', () => {
    write('a/b/c.js', 3);
    expect(listPackageFiles(dir)).toEqual([{ path: 'a/b/c.js', bytes: 3 }]);
  });
});

describe('helpers', () => {
  it.each([
    ['node_modules/**/*', 'node_modules/a/b.js', true],
    ['node_modules/**/*', 'pages/node_modules.js', false],
    ['**/*.map', 'pages/a.js.map', true],
    ['**/*.map', 'a.js.map', true],
    ['*.txt', 'vendors.js.LICENSE.txt', true],
    ['*.txt', 'a/b.txt', false],
  ])('glob %s matches %s: %s', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });

  it('formats bytes in KB and MB of 1024', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(2 * MB)).toBe('2.00 MB');
  });

  it('finds the H5 first-load assets in index.html under the public path', () => {
    const html =
      '<link href="/mall/css/app.1.css" rel="stylesheet"><script defer="defer" src="/mall/js/app.2.js"></script>' +
      '<script src="https://cdn.example.com/x.js"></script>';
    expect(initialAssets(html, '/mall/')).toEqual(['js/app.2.js', 'css/app.1.css']);
  });
});
