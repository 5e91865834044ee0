import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject, onTestFailed } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/ensure-chromium.mjs';
import { ROOT } from '../../scripts/lib/paths.mjs';

export type AppName = 'mall' | 'campaign' | 'tools';

export const SCREENSHOT_DIR = join(ROOT, 'reports', 'screenshots');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Origin of the API that serves the three H5 apps (from the global setup). */
export function baseUrl(): string {
  return inject('baseUrl');
}

/** H5 URL of an app page: each app sits under /<app>/ with a hash router. */
export function appUrl(app: AppName, page = '/pages/index/index', query = ''): string {
  return `${baseUrl()}/${app}/#${page}${query ? `?${query}` : ''}`;
}

export interface Shopper {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors, shown when a test fails. */
  errors: string[];
}

/**
 * A phone-sized browser profile: its own storage, so each one is a different person.
 * On a failed test it saves a screenshot of the page and prints what the page logged.
 */
export async function newShopper(browser: Browser, label: string): Promise<Shopper> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  const testName = expect.getState().currentTestName ?? 'setup';
  onTestFailed(async () => {
    const file = await saveScreenshot(page, `failed-${testName}-${label}`);
    console.error(`[${label}] screenshot: ${file}\n[${label}] url: ${page.url()}`);
    if (errors.length > 0) console.error(`[${label}] page errors:\n  ${errors.slice(-10).join('\n  ')}`);
  });
  return { context, page, errors };
}

/** Saves a full-page screenshot under reports/screenshots/ and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-').slice(0, 100)}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  return file;
}
