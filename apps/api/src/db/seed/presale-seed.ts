import type { Database } from '../database';

const DAY_MS = 24 * 3_600_000;

/**
 * The demo's 预售: the fig perfume in the presale campaign's window, running the seed's
 * sequence on one ladder by units sold — 限量预售 (first 30 bottles) → 限时抢购 (to 60) →
 * 阶梯涨价 (the rest) — shipping a week after the presale ends.
 */
export const DEMO_PRESALE = {
  id: 'demo-presale-perfume',
  campaign_id: 'cmp-presale-perfume',
  product_id: 'p-fragrance-02',
  sku_id: 'sku-fragrance-02-1',
  title: '新品预售 · 无花果木质淡香精 50ml',
  stock: 80,
  per_user_limit: 2,
  ladder: {
    basis: 'units',
    steps: [
      { from: 0, priceFen: 29900, label: '限量预售' },
      { from: 30, priceFen: 32900, label: '限时抢购' },
      { from: 60, priceFen: 34900, label: '阶梯涨价' },
    ],
  },
} as const;

/**
 * The demo presale, in the window of the demo presale campaign (seedCatalog first), capped
 * at the 3-day rule. Idempotent: `on conflict do nothing`, so units sold are never reset.
 * Returns how many it added (0 also when the campaign is not in this catalog).
 */
export async function seedPresales(db: Database, now: Date): Promise<number> {
  const campaign = await db
    .selectFrom('campaigns')
    .select(['starts_at', 'ends_at'])
    .where('id', '=', DEMO_PRESALE.campaign_id)
    .executeTakeFirst();
  if (!campaign) return 0;
  const endsAt = new Date(Math.min(campaign.ends_at.getTime(), campaign.starts_at.getTime() + 3 * DAY_MS));
  const inserted = await db
    .insertInto('presales')
    .values({
      ...DEMO_PRESALE,
      ladder: JSON.stringify(DEMO_PRESALE.ladder),
      starts_at: campaign.starts_at,
      ends_at: endsAt,
      ships_at: new Date(endsAt.getTime() + 7 * DAY_MS),
      created_at: now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}
