import type { CampaignKind } from '@wematrix/shared';
import { bargainOrderHandler } from '../modules/bargain/bargain.orders';
import { flashSaleOrderHandler } from '../modules/flash-sale/flash-sale.orders';
import { groupBuyOrderHandler } from '../modules/group-buy/group-buy.orders';
import { lotteryOrderHandler } from '../modules/lottery/lottery.orders';
import { presaleOrderHandler } from '../modules/presale/presale.orders';
import type { CampaignOrderHandler } from './campaign-orders';

/**
 * Each campaign module's order handler, by kind: one line per module. A function, not a
 * constant, so import cycles between the order flows and the modules cannot leave an entry
 * undefined at load time.
 */
export function campaignOrderHandlers(): Partial<Record<CampaignKind, CampaignOrderHandler>> {
  return {
    flash_sale: flashSaleOrderHandler,
    lottery: lotteryOrderHandler,
    group_buy: groupBuyOrderHandler,
    bargain: bargainOrderHandler,
    presale: presaleOrderHandler,
  };
}
