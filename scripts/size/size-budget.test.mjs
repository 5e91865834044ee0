import { describe, expect, it } from 'vitest';
import { isUploaded, measurePackages, normalizeRoot, packageOf, subpackageRoots } from './package-sizes.mjs';
import { checkSizes, limitsFor, suspectFiles } from './size-budget.mjs';
import { MB, SIZE_BUDGET, WECHAT_LIMITS } from './size-limits.config.mjs';

const appJson = { pages: ['pages/index/index'], subPackages: [{ root: 'pkg-order', pages: ['list/index'] }] };
const f = (path, bytes) => ({ path, bytes });

describe('package membership', () => {
  it.each([
    ['pkg-a', 'pkg-a/'],
    ['./pkg-a/', 'pkg-a/'],
    ['/pkg-a', 'pkg-a/'],
    ['', ''],
  ])('normalizes root %j to %j', (root, expected) => {
    expect(normalizeRoot(root)).toBe(expected);
  });

  it('reads both subPackages and subpackages spellings, once each', () => {
    expect(subpackageRoots({ subPackages: [{ root: 'a' }], subpackages: [{ root: 'b/' }, { root: './a' }] })).toEqual([
      'a/',
      'b/',
    ]);
    expect(subpackageRoots({ pages: [] })).toEqual([]);
  });

  it('does not count pkg-ab/ as part of pkg-a/', () => {
    expect(packageOf('pkg-a/x.js', ['pkg-a/'])).toBe('pkg-a/');
    expect(packageOf('pkg-ab/x.js', ['pkg-a/'])).toBe('');
    expect(packageOf('app.js', ['pkg-a/'])).toBe('');
  });
});

describe('measurePackages', () => {
  it('sums main, each subpackage and the total, and lists the largest files', () => {
    const sizes = measurePackages({
      app: 'mall',
      appJson,
      files: [
        f('app.js', 100),
        f('taro.js', 900),
        f('pkg-order/list/index.js', 300),
        f('pkg-order/sub-vendors.js', 50),
      ],
      largestFilesCount: 2,
    });
    expect(sizes.main).toEqual({ root: '', bytes: 1000, fileCount: 2 });
    expect(sizes.subpackages).toEqual([{ root: 'pkg-order/', bytes: 350, fileCount: 2 }]);
    expect(sizes.totalBytes).toBe(1350);
    expect(sizes.largestFiles).toEqual([
      { path: 'taro.js', bytes: 900, package: 'main' },
      { path: 'pkg-order/list/index.js', bytes: 300, package: 'pkg-order/' },
    ]);
  });

  it('leaves out file types WeChat does not pack, as miniprogram-ci does', () => {
    const sizes = measurePackages({
      app: 'mall',
      appJson,
      files: [f('vendors.js', 10), f('vendors.js.LICENSE.txt', 7)],
    });
    expect(sizes.main.bytes).toBe(10);
    expect(sizes.notUploaded).toEqual([f('vendors.js.LICENSE.txt', 7)]);
    expect([isUploaded('a/B.PNG'), isUploaded('a.wxss'), isUploaded('README'), isUploaded('.json')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('keeps an empty declared subpackage visible with zero bytes', () => {
    const sizes = measurePackages({ app: 'mall', appJson, files: [f('app.js', 1)] });
    expect(sizes.subpackages).toEqual([{ root: 'pkg-order/', bytes: 0, fileCount: 0 }]);
  });
});

const measure = (files) => measurePackages({ app: 'mall', appJson, files });

describe('checkSizes', () => {
  it('passes an app under every limit', () => {
    expect(checkSizes(measure([f('app.js', 500 * 1024), f('pkg-order/a.js', 1.5 * MB)]))).toEqual([]);
  });

  it('fails an oversized asset in the main package against the mall 700 KB budget and names it', () => {
    const sizes = measure([f('app.js', 300 * 1024), f('assets/hero.png', 800 * 1024)]);
    const [violation, ...rest] = checkSizes(sizes);
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({ app: 'mall', package: 'main', kind: 'budget', limitBytes: 700 * 1024 });
    expect(violation.suspects[0].path).toBe('assets/hero.png');
  });

  it("reports WeChat's limit (not the budget) when the main package passes 2 MB", () => {
    const [violation] = checkSizes(measure([f('vendors.js', 2 * MB + 1)]));
    expect(violation).toMatchObject({ package: 'main', kind: 'wechat', limitBytes: WECHAT_LIMITS.mainPackageBytes });
  });

  it('fails a subpackage above 2 MB even though the main package is small', () => {
    const violations = checkSizes(measure([f('app.js', 10), f('pkg-order/video.mp4', 2 * MB + 1)]));
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ package: 'pkg-order/', kind: 'wechat' });
  });

  it('uses 30 MB total, or 20 MB when a service provider develops the app', () => {
    const bigApp = {
      app: 'mall',
      appJson: { subPackages: Array.from({ length: 13 }, (_, i) => ({ root: `p${i}` })) },
      files: Array.from({ length: 13 }, (_, i) => f(`p${i}/a.js`, 1.9 * MB)),
    };
    const sizes = measurePackages(bigApp); // 24.7 MB in total
    expect(checkSizes(sizes)).toEqual([]);
    const provider = { ...SIZE_BUDGET, developedByServiceProvider: true };
    expect(checkSizes(sizes, { budget: provider })).toMatchObject([{ package: 'total', kind: 'wechat' }]);
  });

  it('applies a per-app budget override', () => {
    const budget = { ...SIZE_BUDGET, perApp: { mall: { mainPackageBytes: 100 } } };
    expect(limitsFor('mall', { budget }).mainBudgetBytes).toBe(100);
    expect(limitsFor('tools', { budget }).mainBudgetBytes).toBe(SIZE_BUDGET.mainPackageBytes);
    expect(checkSizes(measure([f('app.js', 101)]), { budget })).toHaveLength(1);
  });

  it('names the files that grew since the previous report, biggest growth first', () => {
    const previous = measure([f('app.js', 100), f('taro.js', 600 * 1024), f('pages/a.js', 200 * 1024)]);
    const current = measure([
      f('app.js', 100),
      f('taro.js', 620 * 1024),
      f('pages/a.js', 200 * 1024),
      f('assets/banner.png', 300 * 1024),
    ]);
    const [violation] = checkSizes(current, { previous });
    expect(violation.comparedWithPrevious).toBe(true);
    expect(violation.suspects.map((s) => [s.path, s.previousBytes, s.deltaBytes])).toEqual([
      ['assets/banner.png', null, 300 * 1024],
      ['taro.js', 600 * 1024, 20 * 1024],
    ]);
  });
});

describe('suspectFiles', () => {
  it('without a previous report lists the largest files', () => {
    expect(suspectFiles([f('a', 1), f('b', 3), f('c', 2)], null, 2).map((s) => s.path)).toEqual(['b', 'c']);
  });
  it('ignores files that shrank or stayed the same', () => {
    const previous = { files: [f('a', 10), f('b', 10)] };
    expect(suspectFiles([f('a', 5), f('b', 10)], previous)).toEqual([]);
  });
});
