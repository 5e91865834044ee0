import { expect, vi } from 'vitest';
import { describeWeappRender } from './render-smoke.mjs';

// The shared harness seeds the demo catalog only; the 秒杀 page should render a real slot, so
// the test app made for this file also gets the demo flash-sale slot (in the demo flash-sale
// campaign's window, live on today's clock), as `npm start` seeds it.
vi.mock('../../../apps/api/src/test/test-app.ts', async (importOriginal) => {
  const original = await importOriginal();
  const { seedFlashSales } = await import('../../../apps/api/src/db/seed/flash-sale-seed.ts');
  // 拼团 and 砍价 pages: the demo activity with 老王's open group, and the demo bargain activity.
  const { seedGroupBuys } = await import('../../../apps/api/src/db/seed/group-buy-seed.ts');
  const { seedBargains } = await import('../../../apps/api/src/db/seed/bargain-seed.ts');
  // 抽奖 and 预售 pages: the demo lottery and the demo presale.
  const { seedLotteries } = await import('../../../apps/api/src/db/seed/lottery-seed.ts');
  const { seedPresales } = await import('../../../apps/api/src/db/seed/presale-seed.ts');
  return {
    ...original,
    createTestApp: async (...args) => {
      const testApp = await original.createTestApp(...args);
      await seedFlashSales(testApp.db, testApp.time.clock());
      await seedGroupBuys(testApp.db, testApp.time.clock());
      await seedBargains(testApp.db, testApp.time.clock());
      await seedLotteries(testApp.db, testApp.time.clock());
      await seedPresales(testApp.db, testApp.time.clock());
      return testApp;
    },
  };
});

describeWeappRender('campaign', {
  queries: async () => ({
    'pkg-group/activity/index': { id: 'demo-group-tee' },
    // 老王's seeded open group (DEMO_OPEN_GROUP in group-buy-seed.ts)
    'pkg-group/group/index': { id: '6b0e5f2a-0000-4000-8000-00000000a001' },
    'pkg-bargain/bargain/index': { activity: 'demo-bargain-lipstick' },
    'pkg-lottery/lottery/index': { id: 'demo-lottery-candle' },
    'pkg-presale/presale/index': { id: 'demo-presale-perfume' },
  }),
  expectations: {
    // 拼团: the tier, the open group to join and both buttons; the group page with its seats.
    'pkg-group/activity/index': async (text) => {
      for (const words of ['2人团', '¥69.00', '小伙伴正在开团', '老王', '单独购买', '发起拼团'])
        expect(text).toContain(words);
    },
    'pkg-group/group/index': async (text) => {
      for (const words of ['拼团中', '还差', '老王', '团长', '待加入']) expect(text).toContain(words);
      expect(text).toMatch(/剩余(\d+天)?\d{2}:\d{2}:\d{2}结束/);
    },
    // 砍价 before the shopper has one: the activity and 发起砍价.
    'pkg-bargain/bargain/index': async (text) => {
      for (const words of ['丝绒雾面口红', '最低可砍至', '¥0.00', '发起砍价']) expect(text).toContain(words);
    },
    // 抽奖: the prizes around 抽奖, the draws left, the odds with 谢谢参与 (signed in by wx.login).
    'pkg-lottery/lottery/index': async (text) => {
      for (const words of ['香薰好礼', '抽奖', '今日剩余', '概率公示', '谢谢参与', '24%', '我的奖品'])
        expect(text).toContain(words);
      expect(text).not.toContain('分享即');
    },
    // 预售: the ladder with the first rung lit, the next step, 预计发货 and 立即预订.
    'pkg-presale/presale/index': async (text) => {
      for (const words of ['限量预售', '¥299.00', '限时抢购', '阶梯涨价', '再售30件涨至¥329.00', '前发货', '立即预订'])
        expect(text).toContain(words);
      expect(text).toMatch(/距预售结束/);
    },
    'pkg-flash/flash-sale/index': async (text, api) => {
      const { slots } = await api.get('/api/flash-sales');
      expect(slots.length).toBeGreaterThan(0);
      // Header, the slot's card with its stock bar and the live button, on server time.
      expect(text).toContain('限时秒杀');
      expect(text).toContain(slots[0].title);
      expect(text).toContain('已抢 0%');
      expect(text).toContain('立即抢购');
      expect(text).toMatch(/距本场结束/);
    },
  },
});
