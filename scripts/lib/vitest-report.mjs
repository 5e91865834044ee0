import { existsSync, readFileSync } from 'node:fs';

/**
 * Test counts from Vitest's JSON reporter. A file that fails before any test runs (import
 * error, failing beforeAll) reports no failed test, so it counts as one failure here: the
 * total must never read "0 failed" when something broke.
 */
export function summarizeVitestJson(report) {
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** Reads a report file; null when Vitest wrote none (it crashed before reporting). */
export function readVitestReport(path) {
  if (!existsSync(path)) return null;
  try {
    return summarizeVitestJson(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return null;
  }
}
