import type { Database } from '../database';

/** The demo's 秒杀 slot: 50 pairs of the classic sneaker in the flash-sale campaign's window. */
export const DEMO_FLASH_SALE_SLOT = {
  id: 'demo-flash-sneaker',
  campaign_id: 'cmp-flash-sneaker',
  product_id: 'p-shoes-01',
  sku_id: 'sku-shoes-01-4',
  title: '整点秒杀 · 经典小白鞋 白绿 38',
  price_fen: 29900,
  stock: 50,
  per_user_limit: 1,
  hold_minutes: 15,
} as const;

/**
 * The demo slot, in the window of the demo flash-sale campaign (seedCatalog first).
 * Idempotent: `on conflict do nothing`, so units already claimed are never reset. Returns
 * how many it added (0 also when the campaign is not in this catalog).
 */
export async function seedFlashSales(db: Database, now: Date): Promise<number> {
  const campaign = await db
    .selectFrom('campaigns')
    .select(['starts_at', 'ends_at'])
    .where('id', '=', DEMO_FLASH_SALE_SLOT.campaign_id)
    .executeTakeFirst();
  if (!campaign) return 0;
  const inserted = await db
    .insertInto('flash_sale_slots')
    .values({ ...DEMO_FLASH_SALE_SLOT, starts_at: campaign.starts_at, ends_at: campaign.ends_at, created_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}
