import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressCountOf } from './support/api';
import { appUrl, launchChromium, newShopper, saveScreenshot } from './support/browser';
import { signInAs, visible, waitForCount } from './support/ui';

// Personal data only after consent: a shopper adding her first address is asked to agree to the
// privacy policy before the form, then picks the region level by level and finds the address
// listed with a masked phone number.

const SHOPPER = 'anna';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('address book with privacy consent', () => {
  it('asks consent first, saves the address, lists it masked', async () => {
    const { page } = await newShopper(browser, SHOPPER);
    await page.goto(appUrl('mall', '/pages/me/index'));
    await signInAs(page, SHOPPER);
    const before = await addressCountOf(SHOPPER);

    // When she opens 收货地址 and taps 新增
    await visible(page, '.wm-open-addresses').first().click();
    await visible(page, '.address-list__add').first().click();

    // Then the privacy sheet comes before anything is typed
    await visible(page, '.wm-privacy-agree').first().waitFor();
    await page.waitForTimeout(400);
    await saveScreenshot(page, 'mall-privacy-consent');
    await visible(page, '.wm-privacy-agree').first().click();
    await visible(page, '.wm-privacy-agree').first().waitFor({ state: 'hidden' });

    // When she fills the form, picking 广东省 / 深圳市 / 南山区
    await visible(page, '.address-edit__recipient input').first().fill('林小满');
    await visible(page, '.address-edit__phone input').first().fill('13800138000');
    await visible(page, '.address-edit__region').first().click();
    for (const name of ['广东省', '深圳市', '南山区']) {
      await page.getByText(name, { exact: true }).filter({ visible: true }).first().click();
    }
    await visible(page, '.address-edit__detail textarea').first().fill('科技园南区 8 栋 1203');
    await visible(page, '.address-edit__save').first().click();

    // Then it is in her book, listed with the phone masked, and saved once
    await waitForCount(page, '.address-card');
    const card = visible(page, '.address-card').filter({ hasText: '林小满' }).first();
    await expect.poll(async () => (await card.textContent()) ?? '').toContain('138****8000');
    expect(await card.textContent()).toContain('广东省 深圳市 南山区');
    expect(await addressCountOf(SHOPPER)).toBe(before + 1);
    await saveScreenshot(page, 'mall-address-list');
  });
});
