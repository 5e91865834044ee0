import { APP_PAGES } from '@wematrix/shared';
import { openApp } from '@wematrix/shared/taro';

/** The 秒杀 page, in the pkg-flash subpackage (kept out of the main package and the H5 first load). */
export const FLASH_SALE_PAGE = APP_PAGES.campaign.flashSale;

/** Opens the 秒杀 page; from a campaign card, on that campaign's slots. */
export function openFlashSale(campaignId?: string): void {
  void openApp('campaign', FLASH_SALE_PAGE, { campaign: campaignId });
}
