import { campaignSummarySchema } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, expectContract, expectError, type TestApp } from '../../test/test-app';
import { testDatabases } from '../../test/test-databases';

const HOUR_MS = 3600 * 1000;

describe.each(testDatabases())('campaign API on $name', (database) => {
  let t: TestApp;
  let seededAt: number;
  beforeAll(async () => {
    t = await createTestApp(database);
    seededAt = t.time.clock().getTime();
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = async (query = '') => {
    const response = await t.app.inject({ method: 'GET', url: `/api/campaigns${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return expectContract(z.array(campaignSummarySchema), response);
  };

  it('lists live campaigns (ending soonest first), then upcoming ones; never ended ones', async () => {
    t.time.set(new Date(seededAt));
    const campaigns = await list();
    expect(campaigns.map((c) => [c.id, c.status])).toEqual([
      ['cmp-live-flash', 'live'],
      ['cmp-live-group', 'live'],
      ['cmp-upcoming-presale', 'upcoming'],
    ]);
    expect(campaigns[0]).toEqual({
      id: 'cmp-live-flash',
      kind: 'flash_sale',
      title: '限时秒杀 · 小白鞋',
      productId: 'p-sneaker',
      productTitle: '经典小白鞋',
      imageUrl: 'http://shop.test/static/products/p-sneaker.jpg',
      campaignPriceFen: 29900,
      originalPriceFen: 39900,
      startsAt: new Date(seededAt - 2 * HOUR_MS).toISOString(),
      endsAt: new Date(seededAt + 22 * HOUR_MS).toISOString(),
      status: 'live',
    });
  });

  it('computes status from the clock, not from when the data was written', async () => {
    t.time.set(new Date(seededAt + 13 * HOUR_MS));
    expect((await list()).map((c) => [c.id, c.status])).toEqual([
      ['cmp-live-flash', 'live'],
      ['cmp-live-group', 'live'],
      ['cmp-upcoming-presale', 'live'],
    ]);
    t.time.set(new Date(seededAt + 23 * HOUR_MS));
    expect((await list()).map((c) => c.id)).toEqual(['cmp-live-group', 'cmp-upcoming-presale']);
    t.time.set(new Date(seededAt + 100 * HOUR_MS));
    expect(await list()).toEqual([]);
  });

  it('filters by kind and rejects unknown kinds', async () => {
    t.time.set(new Date(seededAt));
    expect((await list('?kind=group_buy')).map((c) => c.id)).toEqual(['cmp-live-group']);
    expect(await list('?kind=bargain')).toEqual([]);
    expectError(await t.app.inject({ method: 'GET', url: '/api/campaigns?kind=auction' }), 400, 'VALIDATION_FAILED');
  });
});
