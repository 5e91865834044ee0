import type { CampaignSummary } from '@wematrix/shared';
import { apiBaseUrl, taroTransport } from '@wematrix/shared/taro';
import { CAMPAIGN_BUY_PAGES, openPage } from './campaign-pages';

/** The few fields the lookup needs; the list's own answer has more. */
interface WithCampaign {
  id: string;
  campaignId: string | null;
}

async function activityOf(path: string, pick: (data: unknown) => WithCampaign[], campaignId: string) {
  const response = await taroTransport({ method: 'GET', url: `${apiBaseUrl()}/api${path}`, headers: {} });
  if (response.status !== 200) return null;
  return pick(response.data).find((a) => a.campaignId === campaignId) ?? null;
}

/**
 * A 拼团 or 砍价 card opens its activity page when the campaign has an activity behind it
 * (group-buy and bargain activities name their campaign); answers false otherwise (or when the
 * lookup fails), and the list opens the product as before. A bare transport call, not the
 * pages' API module: this file is in the list's first load.
 */
export async function openCampaignBuy(campaign: CampaignSummary): Promise<boolean> {
  try {
    if (campaign.kind === 'group_buy') {
      const found = await activityOf('/group-buys', (d) => (d as { items: WithCampaign[] }).items, campaign.id);
      if (found) openPage(CAMPAIGN_BUY_PAGES.groupActivity, { id: found.id });
      return found !== null;
    }
    if (campaign.kind === 'bargain') {
      const found = await activityOf(
        '/bargains/activities',
        (d) => (d as { activities: WithCampaign[] }).activities,
        campaign.id,
      );
      if (found) openPage(CAMPAIGN_BUY_PAGES.bargain, { activity: found.id });
      return found !== null;
    }
  } catch {
    return false;
  }
  return false;
}
