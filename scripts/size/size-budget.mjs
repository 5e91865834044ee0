// Pure: checks measured package sizes against WeChat's limits and our budget, and names what grew.
import { packageLabel, packageOf } from './package-sizes.mjs';
import { SIZE_BUDGET, WECHAT_LIMITS } from './size-limits.config.mjs';

/**
 * @typedef {import('./package-sizes.mjs').AppSizes} AppSizes
 * @typedef {{ path: string, bytes: number, previousBytes: number | null, deltaBytes: number }} GrownFile
 * @typedef {{
 *   app: string,
 *   package: string,            'main', a subpackage root, or 'total'
 *   kind: 'budget' | 'wechat',  our budget, or WeChat's hard limit
 *   bytes: number,
 *   limitBytes: number,
 *   suspects: GrownFile[],      files that grew since the previous report, else the largest ones
 *   comparedWithPrevious: boolean,  true when `suspects` are files that grew
 *   hadPrevious: boolean,           a previous report existed (even if no file grew)
 * }} Violation
 */

/** The limits that apply to one app: WeChat's and ours, with per-app overrides resolved. */
export function limitsFor(app, { limits = WECHAT_LIMITS, budget = SIZE_BUDGET } = {}) {
  const override = budget.perApp?.[app] ?? {};
  return {
    mainBudgetBytes: override.mainPackageBytes ?? budget.mainPackageBytes,
    mainLimitBytes: limits.mainPackageBytes,
    subpackageLimitBytes: limits.subpackageBytes,
    totalLimitBytes: budget.developedByServiceProvider ? limits.totalBytesServiceProvider : limits.totalBytes,
  };
}

/**
 * Every limit an app breaks. An empty array means the app is within budget.
 * @param {AppSizes} sizes
 * @param {{ limits?: typeof WECHAT_LIMITS, budget?: typeof SIZE_BUDGET, previous?: AppSizes | null }} [options]
 *   `previous`: the same app from the last report, to name the files that grew.
 * @returns {Violation[]}
 */
export function checkSizes(sizes, options = {}) {
  const applicable = limitsFor(sizes.app, options);
  const previous = options.previous ?? null;
  const roots = sizes.subpackages.map((pkg) => pkg.root);
  const violations = [];
  const add = (root, kind, bytes, limitBytes) => {
    const files = root === null ? sizes.files : sizes.files.filter((file) => packageOf(file.path, roots) === root);
    const grown = previous ? suspectFiles(files, previous) : [];
    // Nothing grew (e.g. the budget was lowered): the largest files are still the place to look.
    const comparedWithPrevious = grown.length > 0;
    violations.push({
      app: sizes.app,
      package: root === null ? 'total' : packageLabel(root),
      kind,
      bytes,
      limitBytes,
      suspects: comparedWithPrevious ? grown : suspectFiles(files, null),
      comparedWithPrevious,
      hadPrevious: previous !== null,
    });
  };

  // Report WeChat's hard limit rather than our budget when both are broken: it is the one that blocks upload.
  if (sizes.main.bytes > applicable.mainLimitBytes) add('', 'wechat', sizes.main.bytes, applicable.mainLimitBytes);
  else if (sizes.main.bytes > applicable.mainBudgetBytes)
    add('', 'budget', sizes.main.bytes, applicable.mainBudgetBytes);
  for (const pkg of sizes.subpackages) {
    if (pkg.bytes > applicable.subpackageLimitBytes)
      add(pkg.root, 'wechat', pkg.bytes, applicable.subpackageLimitBytes);
  }
  if (sizes.totalBytes > applicable.totalLimitBytes) add(null, 'wechat', sizes.totalBytes, applicable.totalLimitBytes);
  return violations;
}

/**
 * The files to blame, up to `count`: those that grew (or are new) since `previous`, biggest
 * growth first; without a previous report, simply the largest files of the package.
 * @param {{ path: string, bytes: number }[]} files
 * @param {AppSizes | null} previous
 * @returns {GrownFile[]}
 */
export function suspectFiles(files, previous, count = 5) {
  if (!previous) {
    return [...files]
      .sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path))
      .slice(0, count)
      .map((file) => ({ path: file.path, bytes: file.bytes, previousBytes: null, deltaBytes: file.bytes }));
  }
  const before = new Map(previous.files.map((file) => [file.path, file.bytes]));
  return files
    .map((file) => {
      const previousBytes = before.get(file.path) ?? null;
      return { path: file.path, bytes: file.bytes, previousBytes, deltaBytes: file.bytes - (previousBytes ?? 0) };
    })
    .filter((file) => file.deltaBytes > 0)
    .sort((a, b) => b.deltaBytes - a.deltaBytes || a.path.localeCompare(b.path))
    .slice(0, count);
}
