import { expect, vi } from 'vitest';
import { describeWeappRender } from './render-smoke.mjs';

// The shared harness seeds the demo catalog only; the 秒杀 page should render a real slot, so
// the test app made for this file also gets the demo flash-sale slot (in the demo flash-sale
// campaign's window, live on today's clock), as `npm start` seeds it.
vi.mock('../../../apps/api/src/test/test-app.ts', async (importOriginal) => {
  const original = await importOriginal();
  const { seedFlashSales } = await import('../../../apps/api/src/db/seed/flash-sale-seed.ts');
  return {
    ...original,
    createTestApp: async (...args) => {
      const testApp = await original.createTestApp(...args);
      await seedFlashSales(testApp.db, testApp.time.clock());
      return testApp;
    },
  };
});

describeWeappRender('campaign', {
  expectations: {
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
