import type { Locator, Page } from 'playwright-core';

/**
 * Taro's H5 router keeps earlier pages of the stack in the DOM (hidden), so every lookup
 * takes the visible match only.
 */
export function visible(page: Page, selector: string): Locator {
  return page.locator(selector).filter({ visible: true });
}

/** Waits until at least `min` visible elements match, and returns how many there are. */
export async function waitForCount(page: Page, selector: string, min = 1, timeoutMs = 20_000): Promise<number> {
  const locator = visible(page, selector);
  const deadline = Date.now() + timeoutMs;
  let count = 0;
  while (Date.now() < deadline) {
    count = await locator.count();
    if (count >= min) return count;
    await page.waitForTimeout(200);
  }
  throw new Error(`expected at least ${min} visible "${selector}", found ${count} after ${timeoutMs / 1000} s`);
}

/**
 * The number on the visible cart entry. Read through the entry (the cart icon), not the
 * badge itself: a zero badge may be styled away, its number is still there.
 */
export async function cartCount(page: Page): Promise<number> {
  const text = (await visible(page, '.wm-cart-entry').first().locator('.wm-cart-count').textContent())?.trim() ?? '';
  const count = Number(text);
  if (!Number.isInteger(count)) throw new Error(`cart count "${text}" is not a number`);
  return count;
}

/** Waits for the cart entry to read `expected` (the cart comes from the server, a moment later). */
export async function waitForCartCount(page: Page, expected: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: number | string = 'no cart entry';
  while (Date.now() < deadline) {
    if ((await visible(page, '.wm-cart-entry').count()) > 0) {
      last = await cartCount(page).catch((error: Error) => error.message);
      if (last === expected) return;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`expected the cart count to read ${expected}, it reads ${last}`);
}

/**
 * H5 demo sign-in, the way a person does it: open the account switch, pick the shopper,
 * wait until the header shows who is signed in and the app has fetched their cart (until
 * then the badge still reads the signed-out 0, which would prove nothing).
 */
export async function signInAs(page: Page, shopperKey: string): Promise<string> {
  await visible(page, '.wm-signin-open').first().click();
  const shopper = visible(page, `.wm-signin-shopper--${shopperKey}`);
  await shopper.waitFor();
  const nickname = (await shopper.locator('.wm-signin-shopper__name').textContent())?.trim() ?? '';
  const cartFetched = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === '/api/cart' &&
      response.request().method() === 'GET' &&
      response.request().headers().authorization !== undefined,
  );
  await shopper.click();
  await visible(page, '.wm-current-user').filter({ hasText: nickname }).first().waitFor();
  await visible(page, '.wm-signin-shopper').first().waitFor({ state: 'hidden' });
  const response = await cartFetched;
  if (!response.ok()) throw new Error(`GET /api/cart after signing in as ${shopperKey}: HTTP ${response.status()}`);
  return nickname;
}

/**
 * Adds the open product to the cart: "加入购物车", then, when the product has several
 * SKUs, the spec sheet: first available value of each group, then confirm.
 */
export async function addOpenProductToCart(page: Page): Promise<void> {
  await visible(page, '.wm-add-to-cart').first().click();
  await confirmSpecSheetIfShown(page);
}

/**
 * After 加入购物车 or 立即购买: a single-SKU product acts at once, others open the spec sheet,
 * where this picks the first available value of each group and confirms.
 */
export async function confirmSpecSheetIfShown(page: Page): Promise<void> {
  const sheet = visible(page, '.wm-spec-confirm');
  // Single-SKU products go straight in; others open the spec sheet.
  const opened = await sheet
    .first()
    .waitFor({ timeout: 3_000 })
    .then(() => true)
    .catch(() => false);
  if (!opened) return;
  const groups = visible(page, '.spec-sheet__group');
  for (let i = 0; i < (await groups.count()); i++) {
    const group = groups.nth(i);
    if ((await group.locator('.wm-spec-value--active').count()) > 0) continue;
    await group.locator('.wm-spec-value:not(.wm-spec-value--disabled)').first().click();
  }
  await sheet.first().click();
}
