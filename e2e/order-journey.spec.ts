import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approveAfterSaleOf,
  cartCountOf,
  claimAllCouponsOf,
  emptyCartOf,
  ensureAddressOf,
  orderLinesOf,
  orderOf,
  reviewCountOf,
  sandboxRefundsOf,
  shipOrder,
  skuStock,
  skuStocks,
} from './support/api';
import { appUrl, launchChromium, newShopper, saveScreenshot } from './support/browser';
import {
  addOpenProductToCart,
  confirmSpecSheetIfShown,
  signInAs,
  visible,
  waitForCartCount,
  waitForCount,
} from './support/ui';

// A whole order's life in the mall: found by search, bought from the cart with a coupon and
// points, paid, shipped by an operator, received, reviewed with a photo; and an after-sale refund
// of another order. Each state is read from the screen and checked against the API (and, for the
// refund, against what the WeChat Pay sandbox itself recorded).

const SHOPPER = 'xiaoyu';
/** A real JPEG from the demo catalog stands in for a phone photo. */
const PHOTO = join(import.meta.dirname, '..', 'apps', 'api', 'assets', 'products', 'p-body-01.jpg');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  // Given 小雨 has a delivery address, the shop's coupons and an empty cart (points: the demo seed's)
  await ensureAddressOf(SHOPPER);
  await claimAllCouponsOf(SHOPPER);
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

    // Then checkout applies her best coupon, and her points come off too when she switches them on
    await expect
      .poll(async () => (await visible(page, '.wm-checkout-coupon').first().textContent()) ?? '')
      .toMatch(/-¥/);
    const withCoupon = await visible(page, '.wm-checkout-total').first().textContent();
    await visible(page, '.wm-checkout-points').first().click();
    await expect.poll(() => visible(page, '.wm-checkout-total').first().textContent()).not.toBe(withCoupon);
    const paying = (await visible(page, '.wm-checkout-total').first().textContent())?.replace(/\s/g, '') ?? '';

    // And pays on WeChat Pay's sheet
    await visible(page, '.wm-checkout-submit').first().click();
    await page.waitForURL(/\/sandbox\/pay\//, { timeout: 20_000 });
    await page.locator('button.pay').click();
    await page.waitForURL(/pkg-order\/detail/, { timeout: 20_000 });
    await visible(page, '.wm-order-status').filter({ hasText: '待发货' }).first().waitFor({ timeout: 20_000 });
    const orderId = decodeURIComponent(page.url().match(/#.*[?&]id=([^&]+)/)?.[1] ?? '');
    expect(`¥${((await orderOf(SHOPPER, orderId)).totalFen / 100).toFixed(2)}`).toBe(paying);

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

    // When she reviews it with words and a photo
    const [line] = await orderLinesOf(SHOPPER, orderId);
    const reviewsBefore = await reviewCountOf(line?.productId ?? '');
    await visible(page, '.wm-order-review').first().click();
    await visible(page, '.wm-review-line').first().waitFor();
    await visible(page, '.wm-review-text textarea').first().fill('质地很轻薄，不闷痘，出门通勤刚好。');
    const chooser = page.waitForEvent('filechooser');
    await visible(page, '.wm-photo-add').first().click();
    await (await chooser).setFiles(PHOTO);
    await visible(page, '.wm-photo').first().waitFor();
    await page.waitForTimeout(300);
    await saveScreenshot(page, 'mall-review');
    await visible(page, '.wm-review-submit').first().click();

    // Then it is on the product's reviews, photo included, and the order asks for no more
    await expect.poll(() => reviewCountOf(line?.productId ?? '')).toBe(reviewsBefore + 1);
    await visible(page, '.wm-order-status').filter({ hasText: '已完成' }).first().waitFor();
    await expect.poll(() => visible(page, '.wm-order-review').count()).toBe(0);

    // And 再次购买 puts the same product back in her cart
    await visible(page, '.wm-order-again').first().click();
    await page.waitForURL(/pages\/cart/);
    await expect.poll(() => cartCountOf(SHOPPER)).toBe(1);
  });

  it('an after-sale after delivery is refunded through WeChat Pay, with the stock back for a return', async () => {
    const { page } = await newShopper(browser, SHOPPER);
    await page.goto(appUrl('mall'));
    await waitForCount(page, '.wm-product-card');
    await signInAs(page, SHOPPER);

    // Given a paid and shipped order for one product
    await visible(page, '.wm-product-card').first().click();
    await visible(page, '.wm-product-title').first().waitFor();
    const productId = decodeURIComponent(page.url().match(/#.*[?&]id=([^&]+)/)?.[1] ?? '');
    const stockBefore = await skuStocks(productId);
    await visible(page, '.wm-buy-now').first().click();
    await confirmSpecSheetIfShown(page);
    await visible(page, '.wm-checkout-submit').first().click();
    await page.waitForURL(/\/sandbox\/pay\//, { timeout: 20_000 });
    await page.locator('button.pay').click();
    await visible(page, '.wm-order-status').filter({ hasText: '待发货' }).first().waitFor({ timeout: 20_000 });
    const orderId = decodeURIComponent(page.url().match(/#.*[?&]id=([^&]+)/)?.[1] ?? '');
    const [line] = await orderLinesOf(SHOPPER, orderId);
    if (!line) throw new Error('the order has no line');
    await shipOrder(orderId);
    await page.reload();
    await visible(page, '.wm-order-status').filter({ hasText: '待收货' }).first().waitFor();

    // When she asks for 退货退款 with a reason
    await visible(page, '.wm-order-after-sale').first().click();
    await visible(page, '.wm-after-sale-kind').filter({ hasText: '退货退款' }).first().click();
    await visible(page, '.wm-after-sale-reason').filter({ hasText: '商品质量问题' }).first().click();
    await page.waitForTimeout(300);
    await saveScreenshot(page, 'mall-after-sale');
    await visible(page, '.wm-after-sale-submit').first().click();
    await visible(page, '.wm-order-status').filter({ hasText: '售后中' }).first().waitFor();
    await visible(page, '.wm-after-sale-status').filter({ hasText: '待处理' }).first().waitFor();

    // And the shop approves it once the goods are back
    await approveAfterSaleOf(SHOPPER, orderId);

    // Then WeChat Pay's refund notification makes the order 已退款 and the units sellable again
    await expect.poll(async () => (await orderOf(SHOPPER, orderId)).status, { timeout: 20_000 }).toBe('refunded');
    // (and WeChat Pay, here the sandbox, holds one successful refund of the whole amount)
    const refunded = await orderOf(SHOPPER, orderId);
    expect(await sandboxRefundsOf(refunded.orderNo)).toEqual([{ refundFen: refunded.totalFen, status: 'SUCCESS' }]);
    // (the product API caches public reads for CATALOG_CACHE_TTL_MS and order-driven stock moves
    // do not invalidate it, so compare with the stock before the order, allowing that long)
    await expect
      .poll(() => skuStock(line.productId, line.skuId), { timeout: 12_000, interval: 1_000 })
      .toBe(stockBefore[line.skuId]);
    await page.reload();
    await visible(page, '.wm-order-status').filter({ hasText: '已退款' }).first().waitFor();
    await visible(page, '.wm-after-sale-status').filter({ hasText: '已退款' }).first().waitFor();
    await saveScreenshot(page, 'mall-order-refunded');
  });
});
