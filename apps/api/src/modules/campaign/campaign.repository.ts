import type { CampaignKind } from '@wematrix/shared';
import { sql } from 'kysely';
import type { Executor } from '../../db/executor';

export interface CampaignListRow {
  id: string;
  kind: string;
  title: string;
  product_id: string;
  product_title: string;
  images: string[];
  campaign_price_fen: number;
  /** Lowest SKU price of the product: what the campaign price is compared with. */
  original_price_fen: number;
  starts_at: Date;
  ends_at: Date;
}

/** Campaigns that have not ended at `now`, live ones first, then by start. */
export function listOpenCampaigns(
  db: Executor,
  filter: { kind?: CampaignKind; now: Date },
): Promise<CampaignListRow[]> {
  let query = db
    .selectFrom('campaigns as c')
    .innerJoin('products as p', 'p.id', 'c.product_id')
    .select((eb) => [
      'c.id',
      'c.kind',
      'c.title',
      'c.product_id',
      'p.title as product_title',
      'p.images',
      'c.campaign_price_fen',
      eb
        .selectFrom('skus as s')
        .whereRef('s.product_id', '=', 'p.id')
        .select(sql<number>`min(s.price_fen)`.as('m'))
        .$asScalar()
        .$notNull()
        .as('original_price_fen'),
      'c.starts_at',
      'c.ends_at',
    ])
    .where('c.ends_at', '>', filter.now);
  if (filter.kind) query = query.where('c.kind', '=', filter.kind);
  return query.orderBy('c.starts_at').orderBy('c.id').execute();
}
