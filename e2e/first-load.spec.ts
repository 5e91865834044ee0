import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../scripts/lib/paths.mjs';
import { firstLoadViolations, writeFirstLoadReport } from '../scripts/size/first-load.mjs';
import { measureFirstLoad } from '../scripts/size/first-load-browser.mjs';
import { type AppName, appUrl, launchChromium } from './support/browser';

// The first-load budget (issue 8): each home page, opened in a fresh profile, may transfer
// at most its budget of JS (compressed, as served) before the network is idle. Budgets live
// in scripts/size/size-limits.config.mjs; `npm run size:h5` measures the same way.

let browser: Browser;
const summaries: Awaited<ReturnType<typeof measureFirstLoad>>[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  if (summaries.length > 0) writeFirstLoadReport(`${ROOT}/reports`, summaries);
});

describe('first load of each home page', () => {
  it.each<AppName>(['mall', 'campaign', 'tools'])('%s stays within its JS budget, compressed', async (app) => {
    // Given a phone with an empty cache
    // When it opens the app's home page and the network goes idle
    const summary = await measureFirstLoad(browser, { app, url: appUrl(app) });
    summaries.push(summary);
    // Then the JS it transferred came compressed and fits the budget
    expect(summary.jsRequests).toBeGreaterThan(0);
    expect(summary.jsEncodings).not.toContain('identity');
    expect(firstLoadViolations(summary)).toEqual([]);
  });
});
