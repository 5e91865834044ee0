import { type CampaignKind, type CampaignSummary, campaignKindSchema, campaignStatus } from '@wematrix/shared';
import type { AssetUrl } from '../../http/asset-urls';
import type { CampaignListRow } from './campaign.repository';

export function campaignRowToSummary(row: CampaignListRow, now: Date, assetUrl: AssetUrl): CampaignSummary {
  const cover = row.images[0];
  return {
    id: row.id,
    kind: campaignKindSchema.parse(row.kind) satisfies CampaignKind,
    title: row.title,
    productId: row.product_id,
    productTitle: row.product_title,
    imageUrl: cover ? assetUrl(cover) : '',
    campaignPriceFen: row.campaign_price_fen,
    originalPriceFen: row.original_price_fen,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    status: campaignStatus({ startsAt: row.starts_at, endsAt: row.ends_at }, now),
  };
}

/** Live campaigns first (ending soonest first), then upcoming ones by start. */
export function orderForListing(a: CampaignSummary, b: CampaignSummary): number {
  if (a.status !== b.status) return a.status === 'live' ? -1 : 1;
  return a.status === 'live' ? a.endsAt.localeCompare(b.endsAt) : a.startsAt.localeCompare(b.startsAt);
}
