import type { CampaignKind } from '@wematrix/shared';
import { flashSaleOrderHandler } from '../modules/flash-sale/flash-sale.orders';
import type { CampaignOrderHandler } from './campaign-orders';

/**
 * Each campaign module's order handler, by kind: one line per module. A function, not a
 * constant, so import cycles between the order flows and the modules cannot leave an entry
 * undefined at load time.
 */
export function campaignOrderHandlers(): Partial<Record<CampaignKind, CampaignOrderHandler>> {
  return {
    flash_sale: flashSaleOrderHandler,
  };
}
