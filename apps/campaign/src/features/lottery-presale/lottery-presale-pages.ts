import type { CampaignSummary } from '@wematrix/shared';
import { apiBaseUrl, taroTransport } from '@wematrix/shared/taro';
import { CAMPAIGN_BUY_PAGES, openPage } from '../campaign-buy/campaign-pages';

/** The 抽奖 page (the share layer's `lottery` target, `id` = the lottery) and the 预售 page (`id` = the presale). */
export const LOTTERY_PAGE = CAMPAIGN_BUY_PAGES.lottery;
export const PRESALE_PAGE = CAMPAIGN_BUY_PAGES.presale;

/**
 * A 抽奖 or 预售 card of the campaign list opens the lottery (GET /api/lotteries?campaign=) or
 * the presale (GET /api/presales names each presale's campaign) the campaign runs. Answers false
 * when there is none (the list then opens the product). A bare transport call: this file is in
 * the list's first load. (The lottery page also takes `campaign=` and looks it up itself.)
 */
export async function openLotteryOrPresale(campaign: CampaignSummary): Promise<boolean> {
  try {
    if (campaign.kind === 'lottery') {
      const url = `${apiBaseUrl()}/api/lotteries?campaign=${encodeURIComponent(campaign.id)}`;
      const response = await taroTransport({ method: 'GET', url, headers: {} });
      if (response.status !== 200) return false;
      const items = (response.data as { items: { id: string; status: string }[] }).items;
      const found = items.find((l) => l.status === 'live') ?? items[0];
      if (found) openPage(LOTTERY_PAGE, { id: found.id });
      return found !== undefined;
    }
    if (campaign.kind === 'presale') {
      const response = await taroTransport({ method: 'GET', url: `${apiBaseUrl()}/api/presales`, headers: {} });
      if (response.status !== 200) return false;
      const presales = (response.data as { presales: { id: string; campaignId: string | null }[] }).presales;
      const found = presales.find((p) => p.campaignId === campaign.id);
      if (found) openPage(PRESALE_PAGE, { id: found.id });
      return found !== undefined;
    }
  } catch {
    return false;
  }
  return false;
}
