import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { emptyCartOf } from './support/api';
import { appUrl, launchChromium, newShopper } from './support/browser';
import { addOpenProductToCart, signInAs, visible, waitForCartCount, waitForCount } from './support/ui';

// The promise of the matrix: one shopper, one cart, whichever mini-program they are in.
// In H5 each app is a separate page load, so this only holds if the cart comes from the server.

const SHOPPER = 'xiaoming';
const OTHER_SHOPPER = 'xiaohong';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  // Given both demo shoppers start with empty carts (the database may outlive one run)
  await emptyCartOf(SHOPPER);
  await emptyCartOf(OTHER_SHOPPER);
});
afterAll(async () => {
  await browser?.close();
});

describe('one cart across the mall and the campaign app', () => {
  it('a product added in the mall shows in the campaign app for the same shopper', async () => {
    const { page } = await newShopper(browser, SHOPPER);

    // Given 小明 signs in to the mall with the H5 demo sign-in
    await page.goto(appUrl('mall'));
    await waitForCount(page, '.wm-product-card');
    await signInAs(page, SHOPPER);
    await waitForCartCount(page, 0);

    // When he opens a product and adds it to the cart
    await visible(page, '.wm-product-card').first().click();
    await visible(page, '.wm-product-title').first().waitFor();
    await addOpenProductToCart(page);

    // Then the mall's cart entry counts it
    await waitForCartCount(page, 1);

    // When he follows the mall's link to the campaign app (我的 -> 活动会场)
    await page.goto(appUrl('mall', '/pages/me/index'));
    await visible(page, '.wm-open-campaign').first().click();
    await page.waitForURL(/\/campaign\//);
    await waitForCount(page, '.wm-campaign-card');

    // Then the campaign app knows him and shows the same cart count
    await visible(page, '.wm-current-user').first().waitFor();
    await waitForCartCount(page, 1);
  });

  it('another shopper, in another browser, has their own empty cart', async () => {
    // Given 小明's cart holds something (from the journey above), seen on his phone
    const first = await newShopper(browser, SHOPPER);
    await first.page.goto(appUrl('campaign'));
    await waitForCount(first.page, '.wm-campaign-card');
    await signInAs(first.page, SHOPPER);
    // (the count arrives from the server just after sign-in, so wait for it)
    await waitForCartCount(first.page, 1);

    // When 小红 opens the campaign app on her own phone and signs in
    const second = await newShopper(browser, OTHER_SHOPPER);
    await second.page.goto(appUrl('campaign'));
    await waitForCount(second.page, '.wm-campaign-card');
    await signInAs(second.page, OTHER_SHOPPER);

    // Then she sees her own empty cart, not his
    await waitForCartCount(second.page, 0);
    // And his count is unchanged
    await first.page.reload();
    await waitForCartCount(first.page, 1);
  });
});
