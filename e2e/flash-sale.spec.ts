import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAddressOf, orderOf, tokenOf } from './support/api';
import { appUrl, baseUrl, launchChromium, newShopper, saveScreenshot } from './support/browser';
import { signInAs, visible, waitForCount } from './support/ui';

// 秒杀 in the campaign app: a shopper opens 限时秒杀 from the list, claims the demo slot
// (demo-flash-sneaker, seeded with the demo catalog), places the order with her default
// address, pays on the sandbox's WeChat Pay page, and the mall shows the order 待发货.
// A second test serves made-up sessions (network stubs) to see every tab and button state
// and the words for each refusal, which the single demo slot cannot show.

const SHOPPER = 'laowang';
const DEMO_SLOT = 'demo-flash-sneaker';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  // Given 老王 has a default delivery address
  await ensureAddressOf(SHOPPER);
});
afterAll(async () => {
  await browser?.close();
});

async function api<T>(method: string, path: string, token?: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl()}/api${path}`, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as T };
}

interface SlotBody {
  id: string;
  title: string;
  stock: number;
  remaining: number;
  status: string;
}

const slotCard = (page: Page, slotId: string) => visible(page, `.wm-flash-slot[data-slot="${slotId}"]`).first();

describe('秒杀: claim, order, pay', () => {
  it('claims the demo slot, pays in the sandbox, and the order is 待发货', async () => {
    const { page } = await newShopper(browser, SHOPPER);
    const before = (await api<{ slots: SlotBody[] }>('GET', '/flash-sales')).body.slots.find((s) => s.id === DEMO_SLOT);
    expect(before?.status).toBe('live');

    // When 老王 opens the campaign app and taps the 限时秒杀 entry
    await page.goto(appUrl('campaign'));
    await waitForCount(page, '.wm-campaign-card');
    await signInAs(page, SHOPPER);
    await visible(page, '.wm-flash-entry').first().click();

    // Then the 秒杀 page shows the session tab, a server-time countdown and the demo slot
    await page.waitForURL(/pkg-flash\/flash-sale/);
    await visible(page, '.wm-flash-tab--live').first().waitFor();
    const card = slotCard(page, DEMO_SLOT);
    await card.waitFor();
    expect(await card.textContent()).toContain(before?.title ?? '');
    await expect.poll(async () => (await card.locator('.wm-flash-action').textContent())?.trim()).toBe('立即抢购');
    expect(await card.locator('.wm-flash-stock').textContent()).toMatch(/已抢 \d+%/);
    const clock = await visible(page, '.wm-flash-countdown').first().textContent();
    expect(clock?.replace(/\s/g, '')).toMatch(/(\d+天)?\d{2}:\d{2}:\d{2}$/);
    await card.locator('.flash-card__image').first().waitFor();
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'flash-sale-live');

    // When he taps 立即抢购
    await card.locator('.wm-flash-action--claim').click();

    // Then the claim holds a unit for him and the 确认订单 sheet shows his default address
    const sheet = visible(page, '.wm-flash-sheet').first();
    await sheet.waitFor();
    await visible(page, '.wm-flash-address').first().waitFor();
    const total = (await visible(page, '.wm-flash-total').first().textContent())?.replace(/\s/g, '');
    expect(total).toBe('¥299.00');
    const afterClaim = (await api<{ slots: SlotBody[] }>('GET', '/flash-sales')).body.slots.find(
      (s) => s.id === DEMO_SLOT,
    );
    expect(afterClaim?.remaining).toBe((before?.remaining ?? 0) - 1);
    await page.waitForTimeout(600); // the sheet's slide-in
    await saveScreenshot(page, 'flash-sale-claimed');

    // And claiming again is refused (per-shopper limit), nothing more taken
    const again = await fetch(`${baseUrl()}/api/flash-sales/${DEMO_SLOT}/claim`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenOf(SHOPPER)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ quantity: 1 }),
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('FLASH_SALE_LIMIT_REACHED');

    // When he closes the sheet and reloads, the card remembers the claim: 已抢到 去支付, which reopens it
    await page.mouse.click(187, 120); // the overlay above the sheet
    await sheet.waitFor({ state: 'hidden' });
    await page.reload();
    const held = slotCard(page, DEMO_SLOT).locator('.wm-flash-action--pay');
    await held.waitFor();
    expect(await held.textContent()).toMatch(/已抢到 去支付\d{2}:\d{2} 后释放/);
    await held.click();
    await visible(page, '.wm-flash-total').first().waitFor();

    // When he submits the order, the sandbox's WeChat Pay page asks for ¥299.00, and he pays
    await visible(page, '.wm-flash-submit').first().click();
    await page.waitForURL(/\/sandbox\/pay\//, { timeout: 20_000 });
    await expect
      .poll(async () => (await page.locator('.amount').textContent())?.replace(/\s/g, ''))
      .toContain('299.00');
    await page.locator('button.pay').click();

    // Then he is back on the 秒杀 page: paid, and the slot's button reads 已抢到
    await page.waitForURL(/\/campaign\/.*pkg-flash\/flash-sale/, { timeout: 20_000 });
    await visible(page, '.wm-flash-paid').first().waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await slotCard(page, DEMO_SLOT).locator('.wm-flash-action').textContent())?.trim())
      .toContain('已抢到');
    const orderId = decodeURIComponent(page.url().match(/[?&]order=([^&]+)/)?.[1] ?? '');
    expect(orderId).not.toBe('');
    await page.waitForTimeout(400);
    await saveScreenshot(page, 'flash-sale-paid');

    // And the API agrees: paid at the flash price, one line of the slot's SKU
    const order = await orderOf(SHOPPER, orderId);
    expect(order.status).toBe('paid');
    expect(order.totalFen).toBe(29900);

    // And 查看订单 opens the order in the mall, 待发货
    await visible(page, '.wm-flash-view-order').first().click();
    await page.waitForURL(/\/mall\/.*pkg-order\/detail/, { timeout: 20_000 });
    await visible(page, '.wm-order-status').filter({ hasText: '待发货' }).first().waitFor({ timeout: 20_000 });
    await saveScreenshot(page, 'flash-sale-order-in-mall');

    // And the mall's order list under 待发货 has it, at ¥299.00
    await page.goto(appUrl('mall', '/pkg-order/list/index', 'status=paid'));
    await waitForCount(page, '.wm-order-card');
    const cards = await visible(page, '.wm-order-card').allTextContents();
    expect(cards.some((text) => text.includes('待发货') && text.includes('经典百搭小白鞋'))).toBe(true);
  });
});

// ---- every state and refusal, on made-up sessions ----

const HOUR = 3_600_000;

function fakeSlots(now: number) {
  const iso = (ms: number) => new Date(ms).toISOString();
  const slot = (over: Record<string, unknown>) => ({
    campaignId: null,
    perUserLimit: 1,
    ...over,
  });
  const liveStart = iso(now - HOUR);
  const liveEnd = iso(now + HOUR);
  return {
    serverTime: iso(now),
    slots: [
      slot({
        id: 'fake-live',
        productId: 'p-shoes-01',
        skuId: 'sku-shoes-01-4',
        title: '整点秒杀 · 经典小白鞋 白绿 38',
        priceFen: 29900,
        startsAt: liveStart,
        endsAt: liveEnd,
        stock: 50,
        remaining: 12,
        status: 'live',
      }),
      slot({
        id: 'fake-sold-out',
        productId: 'p-women-01',
        skuId: 'sku-women-01-2',
        title: '整点秒杀 · 双面呢大衣 燕麦色 M',
        priceFen: 69900,
        startsAt: liveStart,
        endsAt: liveEnd,
        stock: 20,
        remaining: 0,
        status: 'sold_out',
      }),
      slot({
        id: 'fake-upcoming',
        productId: 'p-women-01',
        skuId: 'sku-women-01-6',
        title: '周末秒杀 · 双面呢大衣 雾霾蓝 M',
        priceFen: 99900,
        perUserLimit: 2,
        startsAt: iso(now + 2 * HOUR),
        endsAt: iso(now + 4 * HOUR),
        stock: 30,
        remaining: 30,
        status: 'upcoming',
      }),
    ],
  };
}

describe('秒杀: states and refusals (stubbed sessions)', () => {
  it('shows 已开抢 / 即将开始 tabs, every button state, and a clear message for each refusal', async () => {
    const { page } = await newShopper(browser, SHOPPER);
    const now = Date.now();
    await page.route('**/api/flash-sales', (route) =>
      route.request().method() === 'GET' ? route.fulfill({ json: fakeSlots(now) }) : route.fallback(),
    );
    const refusals: Record<string, { status: number; code: string; message: string }> = {
      first: { status: 503, code: 'FLASH_SALE_UNAVAILABLE', message: '抢购人数过多，请稍后再试' },
      second: { status: 409, code: 'FLASH_SALE_SOLD_OUT', message: '已抢光' },
      third: { status: 409, code: 'FLASH_SALE_NOT_LIVE', message: '秒杀未开始或已结束' },
    };
    const queue = [refusals.first, refusals.second, refusals.third];
    await page.route('**/api/flash-sales/*/claim', (route) => {
      const next = queue.shift() ?? refusals.first;
      return route.fulfill({
        status: next?.status ?? 503,
        json: { code: next?.code, message: next?.message, messageEn: 'stub' },
      });
    });

    await page.goto(appUrl('campaign'));
    await waitForCount(page, '.wm-campaign-card');
    await signInAs(page, SHOPPER);
    await page.goto(appUrl('campaign', '/pkg-flash/flash-sale/index'));

    // Then the live session is chosen: a live card (已抢 76%) and a sold-out one (已抢光)
    await slotCard(page, 'fake-live').waitFor();
    expect(await visible(page, '.wm-flash-tab').count()).toBe(2);
    expect(await visible(page, '.wm-flash-tab--live').first().textContent()).toContain('已开抢');
    expect(await slotCard(page, 'fake-live').locator('.wm-flash-stock').textContent()).toContain('已抢 76%');
    expect((await slotCard(page, 'fake-sold-out').locator('.wm-flash-action').textContent())?.trim()).toBe('已抢光');
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'flash-sale-session-tabs');

    // And each refusal reads as a clear Chinese message
    for (const expected of ['系统繁忙，请稍后再试', '手慢了，本场已抢光', '秒杀还没开始或已经结束，以页面时间为准']) {
      await slotCard(page, 'fake-live').locator('.wm-flash-action--claim').click();
      await page.getByText(expected).first().waitFor({ timeout: 5000 });
      if (expected === '系统繁忙，请稍后再试') await saveScreenshot(page, 'flash-sale-busy');
      await page.getByText(expected).first().waitFor({ state: 'hidden', timeout: 5000 });
    }
    // (nothing was claimed: no sheet)
    expect(await visible(page, '.wm-flash-sheet').count()).toBe(0);

    // When a claim succeeds for a shopper with no address, the sheet sends him to the mall's address book
    await page.unroute('**/api/flash-sales/*/claim');
    await page.route('**/api/flash-sales/*/claim', (route) =>
      route.fulfill({
        status: 201,
        json: {
          claimId: '00000000-0000-4000-8000-000000000001',
          slotId: 'fake-live',
          quantity: 1,
          holdUntil: new Date(Date.now() + 15 * 60_000).toISOString(),
        },
      }),
    );
    await page.route('**/api/me/addresses', (route) => route.fulfill({ json: { items: [], max: 20 } }));
    await slotCard(page, 'fake-live').locator('.wm-flash-action--claim').click();
    const addAddress = visible(page, '.wm-flash-add-address').first();
    await addAddress.waitFor();
    expect(await addAddress.textContent()).toContain('还没有收货地址，去商城添加');
    expect(await visible(page, '.wm-flash-submit').first().getAttribute('class')).toContain('flash-sheet__submit--off');
    await page.waitForTimeout(500);
    await saveScreenshot(page, 'flash-sale-no-address');
    await addAddress.click();
    await page.waitForURL(/\/mall\/.*pkg-member\/address\/list/);
    await page.goBack();
    await page.waitForURL(/pkg-flash\/flash-sale/);

    // When he opens the next session's tab: 即将开始, a countdown to the start, no stock bar
    await visible(page, '.wm-flash-tab--upcoming').first().click();
    const upcoming = slotCard(page, 'fake-upcoming');
    await upcoming.waitFor();
    expect(await visible(page, '.wm-flash-tab--upcoming').first().textContent()).toContain('即将开始');
    expect((await upcoming.locator('.wm-flash-action').textContent())?.trim()).toBe('即将开始');
    expect(await upcoming.locator('.wm-flash-stock').count()).toBe(0);
    expect(await page.getByText('距开抢').first().isVisible()).toBe(true);
    await page.waitForTimeout(300);
    await saveScreenshot(page, 'flash-sale-upcoming');
  });
});
