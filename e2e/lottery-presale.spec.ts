import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureAddressOf, orderOf, tokenOf } from './support/api';
import { appUrl, baseUrl, launchChromium, newShopper, SCREENSHOT_DIR, saveScreenshot } from './support/browser';
import { signInAs, visible, waitForCount } from './support/ui';

// 抽奖 and 预售 in the campaign app. A shopper opens the demo lottery from its card, draws
// (whatever the pool gives: 24% is 谢谢参与), sees the draws left go down and the odds add up
// to 100%, makes the lottery's poster; then opens the demo presale from its card, books one at
// the first rung (限量预售 ¥299), pays on the sandbox's WeChat Pay page, and the order is 待发货.

const SHOPPER = 'meimei';
const LOTTERY = 'demo-lottery-candle';
const PRESALE = 'demo-presale-perfume';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
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

const drawsLeft = async (page: Page): Promise<number> =>
  Number((await visible(page, '.wm-lottery-draws-left').first().textContent())?.trim());

/** Opens the poster sheet and answers the 下载海报 link's href once drawn. */
async function posterHref(page: Page, button: string): Promise<string> {
  await visible(page, button).first().click();
  const link = visible(page, '.wm-poster-download').first();
  await link.waitFor({ timeout: 20_000 });
  await visible(page, '.wm-poster-image').first().waitFor();
  return (await link.getAttribute('href')) ?? '';
}

/** The poster itself, as the shopper downloads it, next to the page screenshots. */
function savePoster(dataUrl: string, name: string): void {
  writeFileSync(
    join(SCREENSHOT_DIR, `${name}.png`),
    Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'),
  );
}

describe('抽奖 and 预售 in the campaign app', () => {
  it('draws in the demo lottery, books the demo presale at the first rung and pays; posters download as PNG', async () => {
    const { page } = await newShopper(browser, SHOPPER);
    const token = await tokenOf(SHOPPER);

    // When 美美 opens the campaign app, signs in and taps the lottery campaign's card
    await page.goto(appUrl('campaign'));
    await waitForCount(page, '.wm-campaign-card');
    await signInAs(page, SHOPPER);
    await visible(page, '.wm-campaign-card--lottery').first().click();

    // Then the lottery page shows the 九宫格, the draws left today and the odds (概率公示)
    await page.waitForURL(new RegExp(`pkg-lottery/lottery/index\\?id=${LOTTERY}`));
    await waitForCount(page, '.wm-lottery-cell', 8);
    const view = (await api<{ dailyDraws: number; drawsLeftToday: number }>('GET', `/lotteries/${LOTTERY}`, token))
      .body;
    const before = await drawsLeft(page);
    expect(before).toBe(view.drawsLeftToday);
    expect(before).toBeGreaterThan(0);
    const odds = await visible(page, '.wm-lottery-odds-percent').allTextContents();
    expect(odds.length).toBe(6); // five prizes and 谢谢参与
    const sumPpm = odds.reduce((sum, text) => sum + Math.round(Number.parseFloat(text) * 10_000), 0);
    expect(sumPpm).toBe(1_000_000);
    expect(await visible(page, '.wm-lottery-odds-row').last().textContent()).toMatch(/^谢谢参与.*24%$/);
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'lottery-before-draw');

    // When she taps 抽奖: the highlight runs, stops, and the result dialog says what came
    const drawAnswer = page.waitForResponse(
      (r) => r.url().endsWith(`/api/lotteries/${LOTTERY}/draw`) && r.request().method() === 'POST',
    );
    await visible(page, '.wm-lottery-draw').first().click();
    const drawn = (await (await drawAnswer).json()) as { status: string; prize: { title: string } | null };
    const result = visible(page, '.wm-lottery-result').first();
    await result.waitFor({ timeout: 15_000 });
    const title = (await result.locator('.wm-lottery-result-title').textContent())?.trim();
    if (drawn.prize) {
      expect(title).toBe('恭喜中奖');
      expect(await result.textContent()).toContain(drawn.prize.title);
    } else {
      expect(title).toBe('谢谢参与');
    }
    await page.waitForTimeout(400);
    await saveScreenshot(page, 'lottery-after-draw');

    // And the draws left went down by one, on the page and in the API
    await visible(page, '.wm-lottery-result-close').first().click();
    await result.waitFor({ state: 'hidden' });
    expect(await drawsLeft(page)).toBe(before - 1);
    const after = (await api<{ drawsLeftToday: number }>('GET', `/lotteries/${LOTTERY}`, token)).body;
    expect(after.drawsLeftToday).toBe(before - 1);

    // And a prize is listed under 我的奖品 (a miss is not)
    const mine = (await api<{ items: unknown[] }>('GET', `/lotteries/${LOTTERY}/my-prizes`, token)).body.items;
    expect(await visible(page, '.wm-lottery-my-prize').count()).toBe(mine.length);
    if (drawn.prize) expect(mine.length).toBeGreaterThan(0);
    await visible(page, '.wm-lottery-odds').first().scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await saveScreenshot(page, 'lottery-odds');

    // And the page invites friends to act, never offering draws for sharing itself
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).toContain('好友通过你的邀请注册或下单，你可获得额外抽奖机会');
    expect(text).not.toMatch(/分享(即|就)?(可|得|送|领).{0,4}(抽奖|次)/);

    // When she makes the lottery's poster: a PNG data URL with the code drawn from the API
    const codeAsked = page.waitForResponse((r) => r.url().endsWith('/api/share/codes'));
    const lotteryPoster = await posterHref(page, '.wm-lottery-poster');
    const codeAnswer = await codeAsked;
    expect(codeAnswer.status()).toBe(200);
    const { scene } = (await codeAnswer.json()) as { scene: string };
    expect(lotteryPoster).toMatch(/^data:image\/png;base64,/);
    expect(lotteryPoster.length).toBeGreaterThan(20_000);
    await page.waitForTimeout(400);
    await saveScreenshot(page, 'lottery-poster');
    savePoster(lotteryPoster, 'lottery-poster-image');

    // And the code's scene opens the lottery by itself (WeChat passes only `scene` to the page)
    await page.goto(appUrl('campaign', '/pkg-lottery/lottery/index', `scene=${encodeURIComponent(scene)}`));
    await waitForCount(page, '.wm-lottery-cell', 8);
    expect(await drawsLeft(page)).toBe(before - 1);

    // When she goes back to the list and taps the presale campaign's card
    await page.goto(appUrl('campaign'));
    await waitForCount(page, '.wm-campaign-card');
    await visible(page, '.wm-campaign-card--presale').filter({ hasText: '无花果' }).first().click();

    // Then the presale page shows the first rung lit, the next step, 预计发货 and the countdown
    await page.waitForURL(new RegExp(`pkg-presale/presale/index\\?id=${PRESALE}`));
    const current = visible(page, '.wm-presale-rung--current').first();
    await current.waitFor();
    expect(await current.textContent()).toContain('限量预售');
    expect(await current.textContent()).toContain('¥299.00');
    expect(await visible(page, '.wm-presale-next').first().textContent()).toMatch(/再售\d+件涨至¥329\.00/);
    expect(await visible(page, '.wm-presale-ships').first().textContent()).toMatch(/预计 \d+月\d+日 前发货/);
    const clock = await visible(page, '.wm-presale-countdown').first().textContent();
    expect(clock?.replace(/\s/g, '')).toMatch(/(\d+天)?\d{2}:\d{2}:\d{2}$/);
    await page.locator('.ps-media__image img, img.ps-media__image').first().waitFor();
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'presale-page');
    await visible(page, '.wm-presale-ladder').first().scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await saveScreenshot(page, 'presale-ladder');

    // And the presale's poster downloads as a PNG too
    const presalePoster = await posterHref(page, '.wm-presale-poster');
    expect(presalePoster).toMatch(/^data:image\/png;base64,/);
    await page.waitForTimeout(400);
    await saveScreenshot(page, 'presale-poster');
    savePoster(presalePoster, 'presale-poster-image');
    await page.mouse.click(187, 60); // the overlay above the sheet
    await visible(page, '.wm-poster-download').first().waitFor({ state: 'hidden' });

    // When she books one: 确认订单 with her default address and the API's total
    expect((await visible(page, '.wm-presale-quantity').first().textContent())?.trim()).toBe('1');
    await visible(page, '.wm-presale-book').first().click();
    await visible(page, '.wm-presale-sheet').first().waitFor();
    await visible(page, '.wm-presale-address').first().waitFor();
    const totalText = (await visible(page, '.wm-presale-total').first().textContent())?.replace(/\s/g, '') ?? '';
    const totalFen = Math.round(Number.parseFloat(totalText.replace('¥', '')) * 100);
    expect(totalFen).toBeGreaterThanOrEqual(29900);
    await page.waitForTimeout(600);
    await saveScreenshot(page, 'presale-sheet');

    // And pays on the sandbox's WeChat Pay page
    await visible(page, '.wm-presale-submit').first().click();
    await page.waitForURL(/\/sandbox\/pay\//, { timeout: 20_000 });
    await page.locator('button.pay').click();

    // Then she is back on the presale page, paid
    await page.waitForURL(/\/campaign\/.*pkg-presale\/presale/, { timeout: 20_000 });
    await visible(page, '.wm-presale-paid').first().waitFor({ timeout: 20_000 });
    const orderId = decodeURIComponent(page.url().match(/[?&]order=([^&]+)/)?.[1] ?? '');
    expect(orderId).not.toBe('');

    // And the order is 待发货 (paid), one unit at the first rung's price
    const order = await orderOf(SHOPPER, orderId);
    expect(order.status).toBe('paid');
    expect(order.totalFen).toBe(totalFen);
    const detail = (
      await api<{ lines: { quantity: number; unitPriceFen: number }[] }>('GET', `/orders/${orderId}`, token)
    ).body;
    expect(detail.lines).toEqual([expect.objectContaining({ quantity: 1, unitPriceFen: 29900 })]);
    const presale = (await api<{ presale: { sold: number } }>('GET', `/presales/${PRESALE}`)).body.presale;
    expect(presale.sold).toBeGreaterThanOrEqual(1);

    // And 查看订单 opens it in the mall as 待发货
    await visible(page, '.wm-presale-view-order').first().click();
    await page.waitForURL(/\/mall\/.*pkg-order\/detail/, { timeout: 20_000 });
    await visible(page, '.wm-order-status').filter({ hasText: '待发货' }).first().waitFor({ timeout: 20_000 });
  });
});

// A product prize (the demo pool gives one 1% of the time, so an operator saves a lottery whose
// only prize is the candle at 100%): 恭喜中奖 → 立即领取 → 确认订单 at ¥0.00 → 提交订单, and the
// order is paid at once (待发货), with no pay page.
describe('抽奖: claiming a product prize', () => {
  it('wins the candle, claims it as a 0-fen order paid at once, and 我的奖品 says 已领取', async () => {
    const lotteryId = `e2e-candle-${Date.now().toString(36)}`;
    const now = Date.now();
    const saved = await fetch(`${baseUrl()}/api/ops/lotteries`, {
      method: 'POST',
      headers: { authorization: `Bearer ${inject('opsToken')}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: lotteryId,
        title: '新品体验 · 香薰蜡烛',
        dailyDraws: 1,
        startsAt: new Date(now - 3_600_000).toISOString(),
        endsAt: new Date(now + 24 * 3_600_000).toISOString(),
        prizes: [
          {
            id: `${lotteryId}-candle`,
            kind: 'product',
            title: '大豆蜡香薰蜡烛 鼠尾草海盐',
            image: 'products/p-fragrance-04.jpg',
            probabilityPpm: 1_000_000,
            stock: 5,
            valueFen: 15_900,
            skuId: 'sku-fragrance-04-1',
          },
        ],
      }),
    });
    expect(saved.status, await saved.clone().text()).toBe(201);

    const { page } = await newShopper(browser, SHOPPER);
    await page.goto(appUrl('campaign'));
    await waitForCount(page, '.wm-campaign-card');
    await signInAs(page, SHOPPER);
    await page.goto(appUrl('campaign', '/pkg-lottery/lottery/index', `id=${lotteryId}`));
    await waitForCount(page, '.wm-lottery-cell', 8);
    expect(await drawsLeft(page)).toBe(1);

    // When she draws: the candle, with 立即领取
    await visible(page, '.wm-lottery-draw').first().click();
    const result = visible(page, '.wm-lottery-result').first();
    await result.waitFor({ timeout: 15_000 });
    expect((await result.locator('.wm-lottery-result-title').textContent())?.trim()).toBe('恭喜中奖');
    expect(await result.textContent()).toContain('大豆蜡香薰蜡烛');
    await visible(page, '.wm-lottery-result-claim').first().click();

    // Then 确认订单 shows her address and ¥0.00 (the prize ships free)
    await visible(page, '.wm-buy-sheet').first().waitFor();
    await expect
      .poll(async () => (await visible(page, '.wm-buy-total').first().textContent())?.replace(/\s/g, ''))
      .toBe('¥0.00');
    await page.waitForTimeout(500);
    await saveScreenshot(page, 'lottery-claim-sheet');

    // When she submits: no pay page, the prize is 已领取 and the order is paid (待发货) at 0 fen
    await visible(page, '.wm-buy-submit').first().click();
    const done = visible(page, '.wm-lottery-view-order').first();
    await done.waitFor({ timeout: 20_000 });
    expect(page.url()).not.toMatch(/sandbox/);
    const token = await tokenOf(SHOPPER);
    const mine = (
      await api<{ items: { status: string; orderId: string | null }[] }>(
        'GET',
        `/lotteries/${lotteryId}/my-prizes`,
        token,
      )
    ).body.items;
    expect(mine).toEqual([expect.objectContaining({ status: 'claimed' })]);
    const order = await orderOf(SHOPPER, mine[0]?.orderId ?? '');
    expect(order).toMatchObject({ status: 'paid', totalFen: 0 });
    expect(await drawsLeft(page)).toBe(0);
  });
});
