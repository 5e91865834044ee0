// Pure: renders a size report as a console table, as Markdown, and violations as one-line messages.
import { KB, MB } from './size-limits.config.mjs';

/**
 * @typedef {import('./size-budget.mjs').Violation} Violation
 * @typedef {import('./package-sizes.mjs').AppSizes & {
 *   limits: ReturnType<typeof import('./size-budget.mjs').limitsFor>,
 *   violations: Violation[],
 *   buildMs?: number,
 * }} AppReport
 * @typedef {{ generatedAt: string, apps: AppReport[], violations: Violation[], developedByServiceProvider: boolean }} SizeReport
 */

/** 1536 -> '1.5 KB', 2097152 -> '2.00 MB'. */
export function formatBytes(bytes) {
  if (bytes >= MB) return `${(bytes / MB).toFixed(2)} MB`;
  if (bytes >= KB) return `${(bytes / KB).toFixed(1)} KB`;
  return `${bytes} B`;
}

function percent(bytes, limit) {
  return `${Math.round((bytes / limit) * 100)}%`;
}

/** One row per package: app, package, files, size, our budget, WeChat's limit, status. */
export function sizeRows(report) {
  const rows = [];
  for (const app of report.apps) {
    const { limits } = app;
    const broken = (pkg) => app.violations.find((v) => v.package === pkg);
    const status = (pkg, bytes, limit) => (broken(pkg) ? `OVER (${broken(pkg).kind})` : `ok ${percent(bytes, limit)}`);
    rows.push([
      app.app,
      'main',
      String(app.main.fileCount),
      formatBytes(app.main.bytes),
      formatBytes(limits.mainBudgetBytes),
      formatBytes(limits.mainLimitBytes),
      status('main', app.main.bytes, limits.mainBudgetBytes),
    ]);
    for (const pkg of app.subpackages) {
      rows.push([
        '',
        pkg.root,
        String(pkg.fileCount),
        formatBytes(pkg.bytes),
        '-',
        formatBytes(limits.subpackageLimitBytes),
        status(pkg.root, pkg.bytes, limits.subpackageLimitBytes),
      ]);
    }
    rows.push([
      '',
      'total',
      String(app.fileCount),
      formatBytes(app.totalBytes),
      '-',
      formatBytes(limits.totalLimitBytes),
      status('total', app.totalBytes, limits.totalLimitBytes),
    ]);
  }
  return rows;
}

const HEADER = ['app', 'package', 'files', 'size', 'budget', 'WeChat limit', 'status'];

/** Plain-text table for the console (columns padded, sizes right-aligned). */
export function renderSizeTable(report) {
  const rows = [HEADER, ...sizeRows(report)];
  const widths = HEADER.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const rightAligned = new Set([2, 3, 4, 5]);
  const line = (row) =>
    row
      .map((cell, column) => (rightAligned.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), ...rows.slice(1).map(line)].join('\n');
}

/** The largest files of each app, for the console. */
export function renderLargestFiles(report) {
  return report.apps
    .map((app) => {
      const lines = app.largestFiles.map(
        (file) =>
          `  ${formatBytes(file.bytes).padStart(10)}  ${file.path}${file.package === 'main' ? '' : `  [${file.package}]`}`,
      );
      return [`${app.app}: largest files`, ...lines].join('\n');
    })
    .join('\n');
}

/** One line naming the app, the package, the limit and the files to look at. */
export function describeViolation(violation) {
  const limitName = violation.kind === 'budget' ? 'our budget' : "WeChat's limit";
  const what = violation.package === 'total' ? 'total size' : `${violation.package} package`;
  const suspects = violation.suspects
    .map((file) =>
      violation.comparedWithPrevious
        ? `${file.path} ${file.previousBytes === null ? 'new' : `+${formatBytes(file.deltaBytes)}`} (${formatBytes(file.bytes)})`
        : `${file.path} (${formatBytes(file.bytes)})`,
    )
    .join(', ');
  const blame = violation.comparedWithPrevious
    ? `grew since the previous report: ${suspects}`
    : violation.hadPrevious
      ? `no file grew since the previous report; largest files: ${suspects}`
      : `largest files (no previous report to compare): ${suspects}`;
  return `${violation.app}: ${what} ${formatBytes(violation.bytes)} exceeds ${limitName} of ${formatBytes(violation.limitBytes)}; ${blame}`;
}

/** The report as Markdown, for reports/size-report.md and CI artifacts. */
export function renderSizeMarkdown(report) {
  const rows = sizeRows(report);
  const table = [
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map((_, i) => ([2, 3, 4, 5].includes(i) ? '---:' : '---')).join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
  const totalNote = report.developedByServiceProvider
    ? 'Total limit 20 MB: developed by a service provider.'
    : 'Total limit 30 MB (20 MB when a service provider develops the mini-program).';
  const sections = report.apps.map((app) => {
    const build = app.buildMs === undefined ? '' : ` (built in ${(app.buildMs / 1000).toFixed(1)} s)`;
    const files = app.largestFiles.map((file) => `| ${file.path} | ${file.package} | ${formatBytes(file.bytes)} |`);
    const skipped = (app.notUploaded ?? []).map((file) => `${file.path} (${formatBytes(file.bytes)})`).join(', ');
    const note = skipped ? ['', `Not packed by WeChat (file type not on its list): ${skipped}`] : [];
    return [`### ${app.app}${build}`, '', '| file | package | size |', '|---|---|---:|', ...files, ...note].join('\n');
  });
  const verdict =
    report.violations.length === 0
      ? 'All apps are within budget.'
      : ['**Over budget:**', '', ...report.violations.map((v) => `- ${describeViolation(v)}`)].join('\n');
  return [
    '# Mini-program package sizes',
    '',
    `Generated ${report.generatedAt}. Sizes in KB/MB of 1024. ${totalNote}`,
    '',
    table,
    '',
    verdict,
    '',
    '## Largest files',
    '',
    sections.join('\n\n'),
    '',
  ].join('\n');
}
