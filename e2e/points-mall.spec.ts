import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, launchChromium, newShopper, saveScreenshot } from './support/browser';
import { signInAs, visible, waitForCount } from './support/ui';

// 积分商城: a shopper sees her member card on 我的, goes from 我的积分 to the points mall,
// exchanges points for a coupon (with a confirm), and finds the coupon under 我的优惠券 可使用.

const SHOPPER = 'anna';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('points mall', () => {
  it('exchanges points for a coupon that shows up under 可使用', async () => {
    const { page } = await newShopper(browser, SHOPPER);
    await page.goto(appUrl('mall', '/pages/me/index'));
    await signInAs(page, SHOPPER);

    // Given her member card on 我的: a level and the way to the next one
    await visible(page, '.wm-member-level').filter({ hasText: /会员/ }).first().waitFor();
    expect(await visible(page, '.wm-member-next').first().textContent()).toMatch(/再消费 ¥[\d,.]+ 升级|已是最高等级/);
    await page.waitForTimeout(300);
    await saveScreenshot(page, 'mall-me-member-card');

    // And the coupons she holds before
    await visible(page, '.wm-open-coupons').first().click();
    await visible(page, '.coupons__tabs').first().waitFor();
    await page.waitForTimeout(800);
    const couponsBefore = await visible(page, '.coupons__tabs ~ .coupon-card').count();

    // When she opens 我的积分 and follows the link to 积分商城
    await page.goto(appUrl('mall', '/pages/me/index'));
    await visible(page, '.wm-open-points').first().click();
    await visible(page, '.wm-open-points-mall').first().waitFor();
    await page.waitForTimeout(500);
    await saveScreenshot(page, 'mall-points-mall-link');
    await visible(page, '.wm-open-points-mall').first().click();
    await waitForCount(page, '.wm-mall-item');
    await visible(page, '.wm-mall-balance').filter({ hasText: /\d/ }).first().waitFor();
    await page.waitForTimeout(500);
    await saveScreenshot(page, 'mall-points-mall');

    // And exchanges whatever she can, one item at a time, confirming each in the dialog
    const exchangeable = () =>
      visible(page, '.wm-mall-item').filter({ has: page.locator('.wm-mall-exchange', { hasText: /^\s*兑换\s*$/ }) });
    let exchanged = 0;
    while ((await exchangeable().count()) > 0 && exchanged < 5) {
      const balance = Number(await visible(page, '.wm-mall-balance').first().textContent());
      const item = exchangeable().first();
      const cost = Number((await item.locator('.points-mall__price').textContent())?.replace(/\D/g, ''));
      expect(balance).toBeGreaterThanOrEqual(cost);
      await item.locator('.wm-mall-exchange').click();
      await page.locator('.taro__modal .taro-model__confirm').filter({ visible: true }).click();
      // Then the balance drops by the price
      await expect
        .poll(() => visible(page, '.wm-mall-balance').first().textContent(), { timeout: 15_000 })
        .toBe(String(balance - cost));
      exchanged += 1;
      if (exchanged === 1) {
        await page.waitForTimeout(300);
        await saveScreenshot(page, 'mall-points-mall-exchanged');
      }
      await page.waitForTimeout(300);
    }
    expect(exchanged).toBeGreaterThan(0);

    // Then no button offers 兑换 any more: each says why (积分不足 / 已兑换 / 已兑完) and is disabled
    const buttons = visible(page, '.wm-mall-exchange');
    for (let i = 0; i < (await buttons.count()); i += 1) {
      expect((await buttons.nth(i).textContent())?.trim()).toMatch(/^(积分不足|已兑换|已兑完)$/);
      expect(await buttons.nth(i).evaluate((el) => el.className)).toMatch(/disabled/);
    }
    await page.waitForTimeout(1500);
    await saveScreenshot(page, 'mall-points-mall-spent');

    // And the coupon is under 我的优惠券 可使用
    await visible(page, '.wm-open-my-coupons').first().click();
    await visible(page, '.coupons__tabs').first().waitFor();
    await expect
      .poll(() => visible(page, '.coupons__tabs ~ .coupon-card').count(), { timeout: 15_000 })
      .toBe(couponsBefore + exchanged);
    await page.waitForTimeout(300);
    await saveScreenshot(page, 'mall-coupons-after-exchange');
  });
});
