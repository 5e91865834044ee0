import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, launchChromium, newShopper, saveScreenshot } from './support/browser';
import { signInAs, visible, waitForCount } from './support/ui';

// 我的: a shopper claims a coupon in the 领券中心 and finds it under 可使用; her points page
// shows the balance and where it came from.

const SHOPPER = 'dawei';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('member centre', () => {
  it('claims a coupon and reads the points history', async () => {
    const { page } = await newShopper(browser, SHOPPER);
    await page.goto(appUrl('mall', '/pages/me/index'));
    await signInAs(page, SHOPPER);
    await page.waitForTimeout(500);
    await saveScreenshot(page, 'mall-member-centre');

    // When he opens 优惠券 and claims the first offer of the 领券中心
    await visible(page, '.wm-open-coupons').first().click();
    await waitForCount(page, '.wm-coupon-claim');
    const offers = await visible(page, '.wm-coupon-claim').count();
    const mineBefore = await visible(page, '.coupons__tabs ~ .coupon-card').count();
    await visible(page, '.wm-coupon-claim').first().click();

    // Then it is one offer fewer on top and one more coupon under 可使用
    await expect.poll(() => visible(page, '.wm-coupon-claim').count()).toBe(offers - 1);
    await expect.poll(() => visible(page, '.coupons__tabs ~ .coupon-card').count()).toBe(mineBefore + 1);
    await page.waitForTimeout(300);
    await saveScreenshot(page, 'mall-coupons');

    // When he opens 我的积分 (from 我的), the demo grant is there
    await page.goto(appUrl('mall', '/pages/me/index'));
    await visible(page, '.wm-open-points').first().click();
    await visible(page, '.wm-points-balance').filter({ hasText: /\d/ }).first().waitFor();
    expect(Number(await visible(page, '.wm-points-balance').first().textContent())).toBeGreaterThan(0);
    await waitForCount(page, '.points__row');
    await page.waitForTimeout(300);
    await saveScreenshot(page, 'mall-points');
  });
});
