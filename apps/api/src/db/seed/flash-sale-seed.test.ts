import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../database';
import { migrateToLatest } from '../migrate';
import { seedDemoIfAsked } from './demo-seed';
import { DEMO_FLASH_SALE_SLOT, seedFlashSales } from './flash-sale-seed';

// Seeding is plain inserts, the same on both databases: PGlite alone keeps this file fast.
describe('demo flash-sale slot', () => {
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

  it('is seeded with the demo catalog, in the flash-sale campaign’s window, and only once', async () => {
    const [slot, campaign] = await Promise.all([
      handle.db
        .selectFrom('flash_sale_slots')
        .selectAll()
        .where('id', '=', DEMO_FLASH_SALE_SLOT.id)
        .executeTakeFirstOrThrow(),
      handle.db
        .selectFrom('campaigns')
        .select(['starts_at', 'ends_at'])
        .where('id', '=', 'cmp-flash-sneaker')
        .executeTakeFirstOrThrow(),
    ]);
    expect(slot).toMatchObject({ stock: 50, taken: 0, per_user_limit: 1, sku_id: 'sku-shoes-01-4' });
    expect(slot.starts_at).toEqual(campaign.starts_at);
    expect(slot.ends_at).toEqual(campaign.ends_at);
    expect(slot.starts_at.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(await seedFlashSales(handle.db, now)).toBe(0);
  });
});
