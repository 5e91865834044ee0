import type { ColumnType, Selectable } from 'kysely';

export interface CampaignsTable {
  id: string;
  kind: string;
  title: string;
  product_id: string;
  campaign_price_fen: number;
  starts_at: Date;
  ends_at: Date;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export type CampaignRow = Selectable<CampaignsTable>;
