// The size report of the weapp builds: measure each app, check it, write reports/size-report.{json,md}.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measurePackages } from './package-sizes.mjs';
import { checkSizes, limitsFor } from './size-budget.mjs';
import { SIZE_BUDGET, WECHAT_LIMITS } from './size-limits.config.mjs';
import { renderSizeMarkdown } from './size-report-format.mjs';
import { listPackageFiles, readAppJson } from './size-scan.mjs';

/** @typedef {import('./size-report-format.mjs').SizeReport} SizeReport */

export const SIZE_REPORT_JSON = 'size-report.json';
export const SIZE_REPORT_MD = 'size-report.md';
/** The last report in which every app was within budget: what "grew" is measured against. */
export const SIZE_BASELINE_JSON = 'size-baseline.json';

/** Where `taro build --type weapp` writes an app (config/taro-config.js: outputRoot dist/<platform>). */
export function weappDir(root, app) {
  return join(root, 'apps', app, 'dist', 'weapp');
}

/** Measures one built app from disk. Throws when the build output is missing. */
export function measureApp(app, dir, budget = SIZE_BUDGET) {
  const appJson = readAppJson(dir);
  return measurePackages({ app, files: listPackageFiles(dir), appJson, largestFilesCount: budget.largestFilesCount });
}

/**
 * Pure: assembles the report from measured apps, checking each against the limits and naming
 * the files that grew since `previousReport`.
 * @param {import('./package-sizes.mjs').AppSizes[]} measured
 * @param {{ previousReport?: SizeReport | null, generatedAt: string, buildMs?: Record<string, number>,
 *           limits?: typeof WECHAT_LIMITS, budget?: typeof SIZE_BUDGET }} options
 * @returns {SizeReport}
 */
export function buildSizeReport(measured, options) {
  const { previousReport = null, generatedAt, buildMs = {}, limits = WECHAT_LIMITS, budget = SIZE_BUDGET } = options;
  const apps = measured.map((sizes) => {
    const previous = previousReport?.apps?.find((app) => app.app === sizes.app && Array.isArray(app.files)) ?? null;
    const violations = checkSizes(sizes, { limits, budget, previous });
    const timing = buildMs[sizes.app] === undefined ? {} : { buildMs: buildMs[sizes.app] };
    return { ...sizes, ...timing, limits: limitsFor(sizes.app, { limits, budget }), violations };
  });
  return {
    generatedAt,
    developedByServiceProvider: budget.developedByServiceProvider,
    apps,
    violations: apps.flatMap((app) => app.violations),
  };
}

/**
 * The report to compare with: the last one within budget, else the last one written. Comparing
 * with a failed report would hide the growth that broke the budget on the next run.
 * Null when there is none or it cannot be read (then there is simply nothing to compare).
 */
export function readPreviousReport(reportsDir) {
  for (const name of [SIZE_BASELINE_JSON, SIZE_REPORT_JSON]) {
    const file = join(reportsDir, name);
    if (!existsSync(file)) continue;
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      // unreadable: try the next one
    }
  }
  return null;
}

/**
 * Writes reports/size-report.json (with every file, for the next comparison) and .md; a report
 * within budget also becomes the baseline.
 */
export function writeSizeReport(reportsDir, report) {
  mkdirSync(reportsDir, { recursive: true });
  const json = join(reportsDir, SIZE_REPORT_JSON);
  const md = join(reportsDir, SIZE_REPORT_MD);
  const text = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(json, text);
  writeFileSync(md, renderSizeMarkdown(report));
  if (report.violations.length === 0) writeFileSync(join(reportsDir, SIZE_BASELINE_JSON), text);
  return { json, md };
}
