import { checkPresaleTerms } from '@wematrix/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../database';
import { migrateToLatest } from '../migrate';
import { seedDemoIfAsked } from './demo-seed';
import { DEMO_PRESALE, seedPresales } from './presale-seed';

// Seeding is plain inserts, the same on both databases: PGlite alone keeps this file fast.
describe('demo presale', () => {
  let handle: DatabaseHandle;
  const now = new Date('2026-06-01T04:00:00Z');
  beforeAll(async () => {
    handle = await createDatabase({});
    await migrateToLatest(handle.db);
    await seedDemoIfAsked(handle.db, true, now);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('is live now, within the presale campaign’s window, runs 限量预售 → 限时抢购 → 阶梯涨价 and keeps every rule', async () => {
    const [presale, campaign, sku] = await Promise.all([
      handle.db.selectFrom('presales').selectAll().where('id', '=', DEMO_PRESALE.id).executeTakeFirstOrThrow(),
      handle.db
        .selectFrom('campaigns')
        .select(['starts_at', 'ends_at', 'campaign_price_fen'])
        .where('id', '=', DEMO_PRESALE.campaign_id)
        .executeTakeFirstOrThrow(),
      handle.db
        .selectFrom('skus')
        .select(['price_fen', 'stock'])
        .where('id', '=', DEMO_PRESALE.sku_id)
        .executeTakeFirstOrThrow(),
    ]);
    expect(presale.starts_at).toEqual(campaign.starts_at);
    expect(presale.ends_at.getTime()).toBeLessThanOrEqual(campaign.ends_at.getTime());
    expect(presale.starts_at.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(presale.ends_at.getTime()).toBeGreaterThan(now.getTime());
    expect(presale.ladder.steps.map((s) => s.label)).toEqual(['限量预售', '限时抢购', '阶梯涨价']);
    expect(campaign.campaign_price_fen).toBe(presale.ladder.steps[0]?.priceFen);
    expect(presale.stock).toBeLessThanOrEqual(sku.stock);
    expect(
      checkPresaleTerms({
        startsAt: presale.starts_at,
        endsAt: presale.ends_at,
        shipsAt: presale.ships_at,
        stock: presale.stock,
        perUserLimit: presale.per_user_limit,
        ladder: presale.ladder,
        listPriceFen: sku.price_fen,
      }),
    ).toEqual([]);
    expect(await seedPresales(handle.db, now)).toBe(0);
  });
});
