import { Text, View } from '@tarojs/components';
import { APP_PAGES, CAMPAIGN_KINDS, type CampaignSummary, formatFen } from '@wematrix/shared';
import { createWeMatrixClient, openApp } from '@wematrix/shared/taro';
import { type ReactElement, useEffect, useState } from 'react';

/** Kinds a product page points to: the social ones a shopper joins from the product. */
const SHOWN = new Set(['group_buy', 'bargain']);

/**
 * The product's live 拼团 / 砍价, if any, as a strip under the price that opens the campaign
 * app (the matrix's cross-app link). Nothing renders when there is none or the list fails.
 */
export function LiveCampaigns({ productId }: { productId: string }): ReactElement | null {
  const [live, setLive] = useState<CampaignSummary[]>([]);
  useEffect(() => {
    createWeMatrixClient()
      .api.campaigns.list()
      .then(
        (all) => setLive(all.filter((c) => c.productId === productId && c.status === 'live' && SHOWN.has(c.kind))),
        () => setLive([]),
      );
  }, [productId]);
  if (live.length === 0) return null;
  return (
    <View className="live-campaigns">
      {live.map((campaign) => {
        const kind = CAMPAIGN_KINDS[campaign.kind];
        return (
          <View
            key={campaign.id}
            className="live-campaigns__item wm-live-campaign"
            onClick={() => void openApp('campaign', APP_PAGES.campaign.home, { campaign: campaign.id })}
          >
            <Text className="live-campaigns__kind" style={{ background: kind.color }}>
              {kind.label}
            </Text>
            <Text className="live-campaigns__text">
              {kind.priceLabel} {formatFen(campaign.campaignPriceFen)} · {campaign.title}
            </Text>
            <Text className="live-campaigns__go">{kind.action} ›</Text>
          </View>
        );
      })}
    </View>
  );
}
