import type { CampaignKind } from '../../schemas/campaign';

export interface CampaignKindInfo {
  label: string;
  /** Price caption: what the campaign price means for this kind. */
  priceLabel: string;
  /** The button that takes part. */
  action: string;
  /** The kind's accent colour on cards and badges. */
  color: string;
}

/** How each campaign kind is named and shown, the same in the campaign app and the mall. */
export const CAMPAIGN_KINDS: Readonly<Record<CampaignKind, CampaignKindInfo>> = {
  group_buy: { label: '拼团', priceLabel: '拼团价', action: '去拼团', color: '#f0452d' },
  bargain: { label: '砍价', priceLabel: '最低砍至', action: '去砍价', color: '#fa8c16' },
  flash_sale: { label: '秒杀', priceLabel: '秒杀价', action: '马上抢', color: '#eb2f96' },
  presale: { label: '预售', priceLabel: '预售价', action: '付定金', color: '#722ed1' },
  lottery: { label: '抽奖', priceLabel: '抽奖价', action: '去抽奖', color: '#13a8a8' },
};
