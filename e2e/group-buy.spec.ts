import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureAddressOf, orderOf, sandboxRefundsOf } from './support/api';
import { appUrl, baseUrl, launchChromium, newShopper, saveScreenshot } from './support/browser';
import { signInAs, visible, waitForCount } from './support/ui';

// 拼团 in the campaign app, two people on two phones: 小红 opens a 2-person group of the demo
// activity (demo-group-tee, seeded with the demo catalog) from the campaign list, pays in the
// sandbox and copies the share link; 安娜 opens the link, joins and pays; both group pages read
// 拼团成功 and each shopper has a 待发货 order in the mall. Then 大伟 opens a group nobody
// joins; at its deadline (the job runner ticked at that time through the ops test hook) it
// fails and his payment comes back through the sandbox's WeChat Pay refund.

const LEADER = 'xiaohong';
const FRIEND = 'anna';
const LONELY_LEADER = 'dawei';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  for (const shopper of [LEADER, FRIEND, LONELY_LEADER]) await ensureAddressOf(shopper);
});
afterAll(async () => {
  await browser?.close();
});

interface GroupBody {
  id: string;
  status: string;
  seatsLeft: number;
  expiresAt: string;
  members: { nickname: string; paid: boolean }[];
}

async function groupOf(groupId: string): Promise<GroupBody> {
  const response = await fetch(`${baseUrl()}/api/group-buys/groups/${encodeURIComponent(groupId)}`);
  if (!response.ok) throw new Error(`GET group ${groupId}: HTTP ${response.status}`);
  return (await response.json()) as GroupBody;
}

const textOf = async (page: Page, selector: string) =>
  (await visible(page, selector).first().textContent())?.replace(/\s/g, '') ?? '';
const statusText = async (page: Page) => (await visible(page, '.wm-group-status').first().textContent())?.trim();
const paramOf = (url: string, name: string) =>
  decodeURIComponent(url.match(new RegExp(`[?&]${name}=([^&#]+)`))?.[1] ?? '');

/** On the activity or group page: 确认订单 → 提交订单 → the sandbox's pay page → 支付 → back on the group page. */
async function orderAndPay(page: Page, submitSelector: string, expectedTotal: string): Promise<void> {
  await visible(page, submitSelector).first().click();
  await visible(page, '.wm-buy-sheet').first().waitFor();
  await expect
    .poll(async () => (await visible(page, '.wm-buy-total').first().textContent())?.replace(/\s/g, ''))
    .toBe(expectedTotal);
  await page.waitForTimeout(500); // the sheet's slide-in
  await saveScreenshot(page, `group-buy-confirm-${submitSelector.replace(/\W/g, '')}`);
  await visible(page, '.wm-buy-submit').first().click();
  await page.waitForURL(/\/sandbox\/pay\//, { timeout: 20_000 });
  await expect
    .poll(async () => (await page.locator('.amount').textContent())?.replace(/\s/g, ''))
    .toContain(expectedTotal.replace('¥', ''));
  await page.locator('button.pay').click();
  await page.waitForURL(/\/campaign\/.*pkg-group\/group\/index/, { timeout: 20_000 });
}

/** Opens the demo activity from the campaign list (its 拼团 card), signed in as `shopper`. */
async function openActivityFromList(page: Page, shopper: string): Promise<void> {
  await page.goto(appUrl('campaign'));
  await waitForCount(page, '.wm-campaign-card');
  await signInAs(page, shopper);
  await visible(page, '.wm-campaign-card').filter({ hasText: '重磅纯棉' }).first().click();
  await page.waitForURL(/pkg-group\/activity\/index/);
  await visible(page, '.wm-group-activity').first().waitFor();
}

describe('拼团: open, share, join, pay; and a group that expires', () => {
  it('A opens a 2-person group and shares it; B joins and pays; both see 拼团成功 and a 待发货 order', async () => {
    // Given 小红 opens the 2人团 T 恤 from the campaign list
    const a = await newShopper(browser, LEADER);
    await openActivityFromList(a.page, LEADER);

    // Then the activity shows the tier, the single price, the open groups and both buttons
    const activityText = (await visible(a.page, '.wm-group-activity').first().textContent()) ?? '';
    expect(activityText).toContain('2人团');
    expect(activityText).toContain('单独购买');
    expect(activityText).toContain('发起拼团');
    await waitForCount(a.page, '.wm-open-group'); // 老王's seeded group
    expect(await visible(a.page, '.wm-open-group').first().textContent()).toMatch(/还差\s*1\s*人成团/);
    await a.page.waitForLoadState('networkidle');
    await saveScreenshot(a.page, 'group-buy-activity');

    // When she taps 发起拼团 and pays ¥69 plus the region's shipping in the sandbox
    const quote = await totalOnSheet(a.page, '.wm-group-open');
    await orderAndPay(a.page, '.wm-group-open', quote);

    // Then she is on her group's page: 拼团中, one seat left, a countdown on server time
    await expect.poll(() => statusText(a.page), { timeout: 20_000 }).toBe('拼团中');
    const groupId = paramOf(a.page.url(), 'id');
    const leaderOrderId = paramOf(a.page.url(), 'order');
    expect(groupId).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(async () => (await groupOf(groupId)).members.filter((m) => m.paid).length).toBe(1);
    expect(await visible(a.page, '.wm-group-seats-left').first().textContent()).toBe('1');
    expect((await visible(a.page, '.wm-group-countdown').first().textContent())?.replace(/\s/g, '')).toMatch(
      /^(\d+天)?\d{2}:\d{2}:\d{2}$/,
    );
    await waitForCount(a.page, '.wm-group-empty-seat');
    await a.page.waitForTimeout(2200); // the 支付成功 toast fades
    await saveScreenshot(a.page, 'group-buy-forming-leader');

    // When she taps 邀请好友参团 (H5: the link to copy; the copy asks friends to join, no reward for sharing)
    await visible(a.page, '.wm-group-invite').first().click();
    const link = (await visible(a.page, '.wm-share-link').first().textContent())?.trim() ?? '';
    // the signed link (POST /api/share/links): the page, its id, then the payload sk … ss
    expect(link).toContain(`pkg-group/group/index?id=${groupId}&sk=group_buy_group`);
    expect(link).toMatch(/&ss=[A-Za-z0-9_-]{43}$/);
    const sheetText = (await visible(a.page, '.wm-share-sheet').first().textContent()) ?? '';
    expect(sheetText).not.toMatch(/红包|分享到|转发.*得/);
    await a.page.waitForTimeout(500);
    await saveScreenshot(a.page, 'group-buy-share');
    await a.page.mouse.click(187, 120); // the overlay above the sheet
    await visible(a.page, '.wm-share-sheet').first().waitFor({ state: 'hidden' });

    // When 安娜 opens the link on her phone (signed in), she sees the group and 立即参团
    const b = await newShopper(browser, FRIEND);
    await b.page.goto(appUrl('campaign'));
    await waitForCount(b.page, '.wm-campaign-card');
    await signInAs(b.page, FRIEND);
    // (a tampered link says so and changes nothing; the group page still shows the group)
    const tampered = link.replace(/ss=([A-Za-z0-9_-])/, (_, c: string) => `ss=${c === 'A' ? 'B' : 'A'}`);
    await b.page.goto(tampered);
    await visible(b.page, '.wm-share-refused').filter({ hasText: '无效' }).first().waitFor();
    await b.page.goto(appUrl('campaign'));
    await b.page.goto(link);
    await visible(b.page, '.wm-share-inviter').filter({ hasText: '小红' }).first().waitFor();
    await expect.poll(() => statusText(b.page)).toBe('拼团中');
    await visible(b.page, '.wm-group-join').first().waitFor();
    expect(await visible(b.page, '.wm-group-members').first().textContent()).toContain('小红');
    await b.page.waitForLoadState('networkidle');
    await saveScreenshot(b.page, 'group-buy-join');

    // And she joins and pays
    const joinTotal = await totalOnSheet(b.page, '.wm-group-join');
    expect(joinTotal).toBe(quote);
    await orderAndPay(b.page, '.wm-group-join', joinTotal);
    const friendOrderId = paramOf(b.page.url(), 'order');

    // Then both pages read 拼团成功 (hers after paying, his by polling within seconds)
    await expect.poll(() => statusText(b.page), { timeout: 20_000 }).toBe('拼团成功');
    await expect.poll(() => statusText(a.page), { timeout: 10_000 }).toBe('拼团成功');
    expect((await groupOf(groupId)).status).toBe('succeeded');
    await b.page.waitForTimeout(2200); // the 支付成功 toast fades
    await saveScreenshot(b.page, 'group-buy-succeeded');

    // And each has a 待发货 order (查看订单 opens it in the mall)
    expect((await orderOf(LEADER, leaderOrderId)).status).toBe('paid');
    expect((await orderOf(FRIEND, friendOrderId)).status).toBe('paid');
    for (const shopper of [a, b]) {
      await visible(shopper.page, '.wm-group-view-order').first().click();
      await shopper.page.waitForURL(/\/mall\/.*pkg-order\/detail/, { timeout: 20_000 });
      await visible(shopper.page, '.wm-order-status')
        .filter({ hasText: '待发货' })
        .first()
        .waitFor({ timeout: 20_000 });
    }
    await saveScreenshot(b.page, 'group-buy-order-in-mall');

    // And the share layer counted her share and 安娜's open of it (the tampered one refused, not counted)
    const stats = await fetch(`${baseUrl()}/api/ops/share/stats`, {
      headers: { authorization: `Bearer ${inject('opsToken')}` },
    });
    const figures = ((await stats.json()) as { kinds: { kind: string; shares: number; opens: number }[] }).kinds.find(
      (k) => k.kind === 'group_buy_group',
    );
    expect(figures?.shares).toBeGreaterThanOrEqual(1);
    expect(figures?.opens).toBe(1);

    // And on 老王's seeded open group, 小红 (her one group of this activity used) reads why she cannot join
    await a.page.goto(appUrl('campaign', '/pkg-group/group/index', 'id=6b0e5f2a-0000-4000-8000-00000000a001'));
    await expect.poll(() => statusText(a.page)).toBe('拼团中');
    await expect
      .poll(async () => (await visible(a.page, '.wm-group-refusal').first().textContent())?.trim())
      .toBe('已达本活动参团上限');
    await a.page.waitForTimeout(300);
    await saveScreenshot(a.page, 'group-buy-refused');
  });

  it('a group nobody joins fails at its deadline and the leader is refunded through the sandbox', async () => {
    // Given 大伟 opens a group and pays
    const c = await newShopper(browser, LONELY_LEADER);
    await openActivityFromList(c.page, LONELY_LEADER);
    const total = await totalOnSheet(c.page, '.wm-group-open');
    // (first he cancels on WeChat Pay's sheet: back on his group page, the seat waits for 去支付)
    await visible(c.page, '.wm-group-open').first().click();
    await expect.poll(() => textOf(c.page, '.wm-buy-total')).toBe(total);
    await visible(c.page, '.wm-buy-submit').first().click();
    await c.page.waitForURL(/\/sandbox\/pay\//, { timeout: 20_000 });
    await c.page.locator('button.cancel').click();
    await c.page.waitForURL(/\/campaign\/.*pkg-group\/group\/index/, { timeout: 20_000 });
    await expect.poll(() => statusText(c.page), { timeout: 20_000 }).toBe('拼团中');
    await visible(c.page, '.wm-group-pay').first().click();
    await c.page.waitForURL(/\/sandbox\/pay\//, { timeout: 20_000 });
    await c.page.locator('button.pay').click();
    await c.page.waitForURL(/\/campaign\/.*pkg-group\/group\/index/, { timeout: 20_000 });
    await expect.poll(() => statusText(c.page), { timeout: 20_000 }).toBe('拼团中');
    await visible(c.page, '.wm-group-invite').first().waitFor({ timeout: 20_000 });
    const groupId = paramOf(c.page.url(), 'id');
    const orderId = paramOf(c.page.url(), 'order');
    await expect.poll(async () => (await orderOf(LONELY_LEADER, orderId)).status).toBe('paid');
    const group = await groupOf(groupId);

    // When its deadline passes: the group-buy jobs run at that time (the API's clock is the
    // real one here, so the ops test hook ticks the job runner at a given instant)
    const at = new Date(Date.parse(group.expiresAt) + 1000).toISOString();
    const tick = await fetch(`${baseUrl()}/api/ops/jobs/tick`, {
      method: 'POST',
      headers: { authorization: `Bearer ${inject('opsToken')}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        at,
        jobs: ['group-buy.expire', 'group-buy.release-unpaid', 'group-buy.refund-failed'],
      }),
    });
    expect(tick.status).toBe(200);

    // Then the group has failed, and the sandbox refunded his payment in full, once
    await expect.poll(async () => (await groupOf(groupId)).status).toBe('failed');
    const order = await orderOf(LONELY_LEADER, orderId);
    await expect
      .poll(async () => sandboxRefundsOf(order.orderNo), { timeout: 20_000 })
      .toEqual([{ refundFen: order.totalFen, status: 'SUCCESS' }]);
    await expect.poll(async () => (await orderOf(LONELY_LEADER, orderId)).status, { timeout: 20_000 }).toBe('refunded');

    // And his page reads 拼团失败（已退款）
    await c.page.reload();
    await expect.poll(() => statusText(c.page), { timeout: 20_000 }).toBe('拼团失败（已退款）');
    await visible(c.page, '.wm-group-view-order').first().waitFor();
    await c.page.waitForTimeout(400);
    await saveScreenshot(c.page, 'group-buy-failed-refunded');
  });
});

describe('拼团 activity with a tier ladder and 团长免单', () => {
  it('shows 2人团 / 3人团 / 5人团 prices, the group size picked, and the 团长免单 badge', async () => {
    // Given the shop saves a 3-person activity for the 玻尿酸水润精华 campaign card (the seed has
    // no activity behind it) with three tiers and 团长免单, through the operators' API
    const now = Date.now();
    const saved = await fetch(`${baseUrl()}/api/ops/group-buys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${inject('opsToken')}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'e2e-group-serum',
        campaignId: 'cmp-group-serum',
        skuId: 'sku-skincare-01-1',
        title: '3人团 · 玻尿酸水润精华 30ml',
        groupSize: 3,
        tiers: [
          { size: 2, priceFen: 12900 },
          { size: 3, priceFen: 11900 },
          { size: 5, priceFen: 9900 },
        ],
        leaderFree: true,
        windowHours: 24,
        perUserLimit: 1,
        startsAt: new Date(now - 3600_000).toISOString(),
        endsAt: new Date(now + 3 * 24 * 3600_000).toISOString(),
      }),
    });
    expect(saved.status, await saved.clone().text()).toBe(201);

    // When a shopper opens that card from the campaign list
    const { page } = await newShopper(browser, 'meimei');
    await page.goto(appUrl('campaign'));
    await waitForCount(page, '.wm-campaign-card');
    await signInAs(page, 'meimei');
    await visible(page, '.wm-campaign-card').filter({ hasText: '玻尿酸水润精华' }).first().click();
    await page.waitForURL(/pkg-group\/activity\/index/);

    // Then the ladder lists each size's price, the activity's own size is picked, and 团长免单 shows
    const ladder = (await visible(page, '.wm-tier-ladder').first().textContent())?.replace(/\s/g, '');
    expect(ladder).toBe('2人团¥129.003人团¥119.005人团¥99.00');
    await visible(page, '.wm-leader-free').first().waitFor();
    expect((await visible(page, '.wm-group-open').first().textContent())?.replace(/\s/g, '')).toBe('¥119.00发起拼团');
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'group-buy-activity-tiers');
  });
});

/** Opens 确认订单 with `selector`, reads the total the API quoted, and closes the sheet again. */
async function totalOnSheet(page: Page, selector: string): Promise<string> {
  await visible(page, selector).first().click();
  await visible(page, '.wm-buy-sheet').first().waitFor();
  await expect.poll(async () => (await visible(page, '.wm-buy-total').first().textContent()) ?? '').toMatch(/¥/);
  const total = (await visible(page, '.wm-buy-total').first().textContent())?.replace(/\s/g, '') ?? '';
  await page.mouse.click(187, 120);
  await visible(page, '.wm-buy-sheet').first().waitFor({ state: 'hidden' });
  return total;
}
