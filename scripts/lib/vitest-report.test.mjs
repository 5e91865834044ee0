import { describe, expect, it } from 'vitest';
import { summarizeVitestJson } from './vitest-report.mjs';

describe('summarizeVitestJson', () => {
  it('reads passed, failed and skipped counts', () => {
    const report = { numPassedTests: 10, numFailedTests: 2, numPendingTests: 3, numTodoTests: 1, testResults: [] };
    expect(summarizeVitestJson(report)).toEqual({ passed: 10, failed: 2, skipped: 4 });
  });

  it('counts a file that broke before its tests ran as a failure', () => {
    const report = {
      numPassedTests: 5,
      numFailedTests: 0,
      testResults: [
        { status: 'failed', assertionResults: [] },
        { status: 'passed', assertionResults: [{ status: 'passed' }] },
      ],
    };
    expect(summarizeVitestJson(report).failed).toBe(1);
  });

  it('does not double-count a file whose failed tests are already counted', () => {
    const report = {
      numPassedTests: 1,
      numFailedTests: 1,
      testResults: [{ status: 'failed', assertionResults: [{ status: 'failed' }, { status: 'passed' }] }],
    };
    expect(summarizeVitestJson(report).failed).toBe(1);
  });
});
