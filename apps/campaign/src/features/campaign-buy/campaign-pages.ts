import Taro from '@tarojs/taro';

/**
 * The 拼团 and 砍价 pages, in the pkg-group and pkg-bargain subpackages (out of the main package
 * and the H5 first load). The group and bargain pages are the share links' targets
 * (SHARE_TARGET_PAGES in packages/shared/src/domain/share: `id` is their id param).
 */
export const CAMPAIGN_BUY_PAGES = {
  groupActivity: '/pkg-group/activity/index',
  group: '/pkg-group/group/index',
  bargain: '/pkg-bargain/bargain/index',
  // 抽奖 and 预售 (pkg-lottery, pkg-presale): the lottery page is the share layer's `lottery` target.
  lottery: '/pkg-lottery/lottery/index',
  presale: '/pkg-presale/presale/index',
} as const;

export type CampaignBuyPage = (typeof CAMPAIGN_BUY_PAGES)[keyof typeof CAMPAIGN_BUY_PAGES];

export function pageUrl(page: CampaignBuyPage, params: Record<string, string | undefined>): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return query ? `${page}?${query}` : page;
}

export function openPage(page: CampaignBuyPage, params: Record<string, string | undefined>): void {
  void Taro.navigateTo({ url: pageUrl(page, params) });
}

/** Replaces the current page (activity → the bargain just started), so back goes where it came from. */
export function replacePage(page: CampaignBuyPage, params: Record<string, string | undefined>): void {
  void Taro.redirectTo({ url: pageUrl(page, params) });
}

/**
 * The link a friend opens. WeChat: the page path for onShareAppMessage (no leading slash). H5:
 * this app's URL with the hash route, which the friend opens in their own browser.
 */
export function shareLinkOf(page: CampaignBuyPage, id: string): { path: string; url: string } {
  const path = pageUrl(page, { id }).replace(/^\//, '');
  const url =
    process.env.TARO_ENV === 'h5' ? `${window.location.origin}${window.location.pathname}#/${path}` : `/${path}`;
  return { path, url };
}
