import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimAllCouponsOf, emptyCartOf, ensureAddressOf, orderCountsOf, orderOf } from './support/api';
import { appUrl, launchChromium, newShopper, saveScreenshot } from './support/browser';
import { confirmSpecSheetIfShown, signInAs, visible, waitForCount } from './support/ui';

// Where money moves: a shopper buys one product, pays on WeChat Pay's (sandbox) sheet and the
// order is paid because WeChat Pay told the API so (a signed notification), not because the
// browser came back.

const SHOPPER = 'meimei';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  // Given 美美 has a delivery address, the shop's coupons and an empty cart (points: the demo seed's)
  await ensureAddressOf(SHOPPER);
  await claimAllCouponsOf(SHOPPER);
  await emptyCartOf(SHOPPER);
});
afterAll(async () => {
  await browser?.close();
});

const yuanOf = (text: string) => Number(text.replace('¥', ''));

describe('buy now, pay with WeChat Pay, follow the order', () => {
  it('a paid order shows 待发货 and the API agrees', async () => {
    const { page } = await newShopper(browser, SHOPPER);
    const totalOnScreen = async () =>
      (await visible(page, '.wm-checkout-total').first().textContent())?.replace(/\s/g, '') ?? '';
    await page.goto(appUrl('mall'));
    await waitForCount(page, '.wm-product-card');
    await signInAs(page, SHOPPER);

    // When she opens a product and taps 立即购买 (choosing a SKU if asked)
    await visible(page, '.wm-product-card').first().click();
    await visible(page, '.wm-product-title').first().waitFor();
    await visible(page, '.wm-buy-now').first().click();
    await confirmSpecSheetIfShown(page);

    // Then the checkout shows her address and a total
    await visible(page, '.wm-checkout-address').first().waitFor();
    await visible(page, '.wm-checkout-total').first().waitFor();
    const before = (await visible(page, '.wm-checkout-total').first().textContent())?.replace(/\s/g, '') ?? '';
    expect(before).toMatch(/^¥\d+\.\d{2}$/);
    await page.waitForTimeout(800); // let the page's slide-in finish before the picture
    await saveScreenshot(page, 'mall-checkout');
    // And the coupon sheet lists her coupons with what each takes off, or why not
    await visible(page, '.wm-checkout-coupon').first().click();
    await waitForCount(page, '.wm-coupon-option');
    await page.waitForTimeout(500);
    await saveScreenshot(page, 'mall-checkout-coupons');
    // (the best usable one was applied for her: the total is under the goods' price)
    await visible(page, '.wm-coupon-none').first().click();
    await visible(page, '.wm-coupon-option').first().waitFor({ state: 'hidden' });
    await expect.poll(() => totalOnScreen()).not.toBe(before);
    const withoutCoupon = await totalOnScreen();
    expect(yuanOf(withoutCoupon)).toBeGreaterThan(yuanOf(before));

    // And with her points switched on instead, the total drops
    await visible(page, '.wm-checkout-points').first().click();
    await expect.poll(() => totalOnScreen()).not.toBe(withoutCoupon);
    const totalText = await totalOnScreen();
    expect(yuanOf(totalText)).toBeLessThan(yuanOf(withoutCoupon));
    await page.waitForTimeout(300);
    await saveScreenshot(page, 'mall-checkout-discounts');

    // When she submits, WeChat Pay's sheet (the sandbox's H5 stand-in) asks her to pay
    await visible(page, '.wm-checkout-submit').first().click();
    await page.waitForURL(/\/sandbox\/pay\//, { timeout: 20_000 });
    await expect
      .poll(async () => (await page.locator('.amount').textContent())?.replace(/\s/g, ''))
      .toContain(totalText.replace('¥', ''));
    await page.locator('button.pay').click();

    // Then she is back on her order, which the API marked paid on WeChat Pay's notification
    await page.waitForURL(/\/mall\/.*pkg-order\/detail/, { timeout: 20_000 });
    await visible(page, '.wm-order-status').filter({ hasText: '待发货' }).first().waitFor({ timeout: 20_000 });
    await saveScreenshot(page, 'mall-order-paid');
    const orderId = decodeURIComponent(page.url().match(/#.*[?&]id=([^&]+)/)?.[1] ?? '');
    const order = await orderOf(SHOPPER, orderId);
    expect(order.status).toBe('paid');
    expect(`¥${(order.totalFen / 100).toFixed(2)}`).toBe(totalText);

    // And 我的 counts it under 待发货, whose list shows it
    await page.goto(appUrl('mall', '/pages/me/index'));
    const toShip = visible(page, '.wm-order-entry').filter({ hasText: '待发货' }).first();
    // Other journeys also pay as demo shoppers, so the badge is compared with the API's count
    // (at least this order), read again on every try.
    await expect
      .poll(async () => {
        const shown = (await toShip.locator('.me__order-num').textContent())?.trim();
        const paid = (await orderCountsOf(SHOPPER)).paid ?? 0;
        return paid >= 1 && shown === String(paid);
      })
      .toBe(true);
    await toShip.click();
    await waitForCount(page, '.wm-order-card');
    await page.waitForTimeout(500);
    await saveScreenshot(page, 'mall-order-list');
    expect(await visible(page, '.wm-order-card').first().textContent()).toContain('待发货');
  });
});
