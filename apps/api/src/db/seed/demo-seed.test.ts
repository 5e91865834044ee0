import { afterEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/test-databases';
import type { DatabaseHandle } from '../database';
import { migrateToLatest } from '../migrate';
import { catalog } from './catalog.data';
import { seedDemoIfAsked } from './demo-seed';
import { isCatalogEmpty } from './seed';

describe.each(testDatabases())('start-up demo seeding on $name', (database) => {
  let handle: DatabaseHandle | undefined;
  const open = async (): Promise<DatabaseHandle> => {
    handle = await database.open();
    await migrateToLatest(handle.db);
    return handle;
  };
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });
  const now = new Date('2026-06-01T04:00:00Z');

  it('leaves an empty database empty unless SEED_DEMO asks', async () => {
    const { db } = await open();
    expect(await seedDemoIfAsked(db, false, now)).toBeNull();
    expect(await isCatalogEmpty(db)).toBe(true);
  });

  it('seeds the demo catalog into an empty database when asked, once', async () => {
    const { db } = await open();
    const seeded = await seedDemoIfAsked(db, true, now);
    expect(seeded).not.toBeNull();
    const products = await db.selectFrom('products').select('id').execute();
    expect(products).toHaveLength(catalog.products.length);
    // A restart with the flag still set adds nothing to a catalog that has products.
    expect(await seedDemoIfAsked(db, true, now)).toBeNull();
  });
});
