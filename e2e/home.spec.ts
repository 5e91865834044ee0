import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, launchChromium, newShopper, saveScreenshot } from './support/browser';
import { visible, waitForCount } from './support/ui';

// One "app boots and home renders" check per app, each leaving a screenshot of the home in
// reports/screenshots/ so a person can see what shipped.

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const PRICE = /^¥\d+\.\d{2}$/;

describe('each app boots and renders its home', () => {
  it('mall: seeded products with ¥ prices', async () => {
    // Given a visitor who has not signed in
    const { page, errors } = await newShopper(browser, 'visitor');
    // When they open the mall
    await page.goto(appUrl('mall'));
    // Then the home lists seeded products, each with a price in yuan
    const cards = await waitForCount(page, '.wm-product-card', 4);
    expect(cards).toBeGreaterThanOrEqual(4);
    const firstCard = visible(page, '.wm-product-card').first();
    expect((await firstCard.locator('.wm-product-card__title').textContent())?.trim()).not.toBe('');
    const prices = await visible(page, '.wm-product-card .wm-price').allTextContents();
    expect(prices.length).toBeGreaterThanOrEqual(4);
    for (const price of prices) expect(price.trim()).toMatch(PRICE);
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'mall-home');
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });

  it('campaign: lists campaigns with their prices', async () => {
    // Given a visitor
    const { page, errors } = await newShopper(browser, 'visitor');
    // When they open the campaign app
    await page.goto(appUrl('campaign'));
    // Then seeded campaigns are listed, each with a campaign price and a countdown
    const cards = await waitForCount(page, '.wm-campaign-card', 2);
    expect(cards).toBeGreaterThanOrEqual(2);
    const first = visible(page, '.wm-campaign-card').first();
    expect((await first.locator('.wm-price').first().textContent())?.trim()).toMatch(PRICE);
    expect((await first.locator('.wm-countdown').textContent())?.trim()).not.toBe('');
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'campaign-home');
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });

  it('tools: the skin test and the size advisor', async () => {
    // Given a visitor
    const { page, errors } = await newShopper(browser, 'visitor');
    // When they open the tools app
    await page.goto(appUrl('tools'));
    // Then both tools are offered, each with its title
    await waitForCount(page, '.wm-tool-card', 2);
    expect(await visible(page, '.wm-tool-card').count()).toBe(2);
    expect(await visible(page, '.wm-tool-card--skin').textContent()).toContain('肤质测试');
    expect(await visible(page, '.wm-tool-card--size').textContent()).toContain('尺码');
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'tools-home');
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
