import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cartCountOf, emptyCartOf, ensureAddressOf, orderOf, shipOrder } from './support/api';
import { appUrl, launchChromium, newShopper, saveScreenshot } from './support/browser';
import { addOpenProductToCart, signInAs, visible, waitForCartCount, waitForCount } from './support/ui';

// A whole order's life in the mall: found by search, bought from the cart, paid, shipped by an
// operator, received. Each state is read from the screen and checked against the API.

const SHOPPER = 'xiaoyu';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  // Given 小雨 has a delivery address and an empty cart
  await ensureAddressOf(SHOPPER);
  await emptyCartOf(SHOPPER);
});
afterAll(async () => {
  await browser?.close();
});

describe('search -> cart -> pay -> shipped -> received', () => {
  it('follows one order from 防晒 to 已完成', async () => {
    const { page } = await newShopper(browser, SHOPPER);
    await page.goto(appUrl('mall'));
    await waitForCount(page, '.wm-product-card');
    await signInAs(page, SHOPPER);

    // When she searches 防晒 from the home page
    await visible(page, '.wm-search').first().click();
    await page.waitForURL(/pkg-goods\/search/);
    await visible(page, '.wm-search-hot').first().waitFor();
    await page.waitForTimeout(500);
    await saveScreenshot(page, 'mall-search-suggest');
    await visible(page, '.wm-search-input input').first().fill('防晒');
    await visible(page, '.wm-search-go').first().click();

    // Then the sunscreen whose title only contains the word is found
    await visible(page, '.wm-product-card').filter({ hasText: '轻透防晒乳' }).first().waitFor();
    await page.waitForTimeout(400);
    await saveScreenshot(page, 'mall-search-results');

    // When she puts it in the cart and checks out from the cart
    await visible(page, '.wm-product-card').filter({ hasText: '轻透防晒乳' }).first().click();
    await visible(page, '.wm-product-title').first().waitFor();
    await addOpenProductToCart(page);
    await waitForCartCount(page, 1);
    await page.goto(appUrl('mall', '/pages/cart/index'));
    await visible(page, '.wm-checkout').first().click();
    await visible(page, '.wm-checkout-total').first().waitFor();

    // And pays on WeChat Pay's sheet
    await visible(page, '.wm-checkout-submit').first().click();
    await page.waitForURL(/\/sandbox\/pay\//, { timeout: 20_000 });
    await page.locator('button.pay').click();
    await page.waitForURL(/pkg-order\/detail/, { timeout: 20_000 });
    await visible(page, '.wm-order-status').filter({ hasText: '待发货' }).first().waitFor({ timeout: 20_000 });
    const orderId = decodeURIComponent(page.url().match(/#.*[?&]id=([^&]+)/)?.[1] ?? '');

    // Then the ordered line has left her cart
    expect(await cartCountOf(SHOPPER)).toBe(0);

    // When the shop ships it, she sees 待收货 with the carrier and an auto-confirm countdown
    await shipOrder(orderId);
    await page.reload();
    await visible(page, '.wm-order-status').filter({ hasText: '待收货' }).first().waitFor();
    expect(await visible(page, '.order-detail__shipment').first().textContent()).toContain('顺丰速运');
    expect(await visible(page, '.order-detail__countdown').first().textContent()).toContain('自动确认收货');
    await saveScreenshot(page, 'mall-order-shipped');

    // When she confirms receipt, the order is 已完成, on screen and in the API
    await visible(page, '.wm-order-confirm').first().click();
    await page.locator('.taro__modal .taro-model__confirm').filter({ visible: true }).click();
    await visible(page, '.wm-order-status').filter({ hasText: '已完成' }).first().waitFor();
    expect((await orderOf(SHOPPER, orderId)).status).toBe('completed');
    await saveScreenshot(page, 'mall-order-completed');

    // And 再次购买 puts the same product back in her cart
    await visible(page, '.wm-order-again').first().click();
    await page.waitForURL(/pages\/cart/);
    await expect.poll(() => cartCountOf(SHOPPER)).toBe(1);
  });
});
