// What an app's home page costs on first load, from the requests chromium saw: pure, so the
// browser part (first-load-browser.mjs) stays thin and this part is unit-tested.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { H5_FIRST_LOAD_BUDGET } from './size-limits.config.mjs';

/**
 * @typedef {{ url: string, type: string, status: number, contentEncoding: string | null,
 *             encodedBytes: number, decodedBytes: number }} LoadedRequest
 *   One network request: `encodedBytes` is the body as transferred (compressed when
 *   `contentEncoding` is set, headers excluded), `decodedBytes` the body after decoding.
 */

/** A script, by chromium's resource type or, failing that, by its path. */
export function isScript(request) {
  return request.type === 'Script' || /\.m?js$/i.test(new URL(request.url).pathname);
}

/**
 * Sums one page load. `jsCompressedBytes` is what the budget checks.
 * @param {string} app
 * @param {LoadedRequest[]} requests  http(s) requests only (data: URLs transfer nothing)
 */
export function summarizeFirstLoad(app, requests) {
  const scripts = requests.filter(isScript);
  const sum = (list, key) => list.reduce((total, r) => total + r[key], 0);
  return {
    app,
    jsCompressedBytes: sum(scripts, 'encodedBytes'),
    jsRawBytes: sum(scripts, 'decodedBytes'),
    jsRequests: scripts.length,
    totalCompressedBytes: sum(requests, 'encodedBytes'),
    requests: requests.length,
    /** The encodings the JS came in, e.g. ['br']: a plain entry means something was sent uncompressed. */
    jsEncodings: [...new Set(scripts.map((r) => r.contentEncoding ?? 'identity'))].sort(),
    scripts: scripts
      .map((r) => ({ path: new URL(r.url).pathname, compressedBytes: r.encodedBytes, rawBytes: r.decodedBytes }))
      .sort((a, b) => b.compressedBytes - a.compressedBytes),
  };
}

/** Budget problems of one summary, as sentences; empty when it fits. */
export function firstLoadViolations(summary, budget = H5_FIRST_LOAD_BUDGET) {
  const limit = budget[summary.app]?.jsCompressedBytes;
  if (limit === undefined) return [`${summary.app}: no first-load budget in size-limits.config.mjs`];
  if (summary.jsCompressedBytes <= limit) return [];
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  return [
    `${summary.app}: home page loads ${kb(summary.jsCompressedBytes)} of JS compressed, budget ${kb(limit)} ` +
      `(+${kb(summary.jsCompressedBytes - limit)}; largest: ${summary.scripts
        .slice(0, 3)
        .map((s) => `${s.path} ${kb(s.compressedBytes)}`)
        .join(', ')})`,
  ];
}

/** Writes reports/h5-first-load.json: the summaries with each app's budget. Returns the path. */
export function writeFirstLoadReport(reportsDir, summaries, { generatedAt = new Date().toISOString() } = {}) {
  const apps = summaries.map((s) => ({
    ...s,
    budgetJsCompressedBytes: H5_FIRST_LOAD_BUDGET[s.app]?.jsCompressedBytes ?? null,
    withinBudget: firstLoadViolations(s).length === 0,
  }));
  mkdirSync(reportsDir, { recursive: true });
  const file = join(reportsDir, 'h5-first-load.json');
  writeFileSync(file, `${JSON.stringify({ generatedAt, apps }, null, 2)}\n`);
  return file;
}

/** The table the script prints: one row per app. */
export function renderFirstLoadTable(summaries, budget = H5_FIRST_LOAD_BUDGET) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const head = ['app', 'JS compressed', 'budget', 'JS raw', 'JS files', 'requests', 'encoding'];
  const rows = summaries.map((s) => [
    s.app,
    kb(s.jsCompressedBytes),
    budget[s.app] ? kb(budget[s.app].jsCompressedBytes) : '—',
    kb(s.jsRawBytes),
    String(s.jsRequests),
    String(s.requests),
    s.jsEncodings.join(', '),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}
