import { Image, Text, View } from '@tarojs/components';
import {
  type CampaignSummary,
  campaignStatus,
  countdownParts,
  discountPercent,
  formatCountdown,
  formatShanghai,
} from '@wematrix/shared';
import { assetUrl } from '@wematrix/shared/taro';
import { OriginalPrice, Price } from '@wematrix/ui';
import type { ReactElement } from 'react';
import { KINDS } from './campaign-kinds';

export interface CampaignCardProps {
  campaign: CampaignSummary;
  now: number;
  onOpen: (campaign: CampaignSummary) => void;
}

export function CampaignCard({ campaign, now, onOpen }: CampaignCardProps): ReactElement {
  const kind = KINDS[campaign.kind];
  // The server's status, moved forward on the ticking clock: an upcoming card turns live at its
  // start without a reload, and a phone clock running late never turns a live one back.
  const upcoming = campaign.status === 'upcoming' && campaignStatus(campaign, now) === 'upcoming';
  const target = upcoming ? campaign.startsAt : campaign.endsAt;
  const parts = countdownParts(target, now);
  const saving = discountPercent({ priceFen: campaign.campaignPriceFen, originalPriceFen: campaign.originalPriceFen });
  return (
    <View
      className={`campaign-card wm-campaign-card wm-campaign-card--${campaign.kind}`}
      onClick={() => onOpen(campaign)}
    >
      <View className="campaign-card__media">
        <Image className="campaign-card__image" src={assetUrl(campaign.imageUrl)} mode="aspectFill" lazyLoad />
        <Text className="campaign-card__kind" style={{ background: kind.color }}>
          {kind.label}
        </Text>
      </View>
      <View className="campaign-card__body">
        <View className="campaign-card__title">{campaign.title}</View>
        <Text className="campaign-card__product">{campaign.productTitle}</Text>
        <View className="campaign-card__price-row">
          <Text className="campaign-card__price-label">{kind.priceLabel}</Text>
          <Price fen={campaign.campaignPriceFen} />
          <OriginalPrice fen={campaign.originalPriceFen} than={campaign.campaignPriceFen} />
        </View>
        {saving > 0 ? <Text className="campaign-card__saving">省 {saving}%</Text> : null}
        <View className="campaign-card__foot">
          <View className="campaign-card__time">
            <Text className="campaign-card__time-label">{upcoming ? '距开始' : '距结束'}</Text>
            <Text className="campaign-card__countdown wm-countdown">
              {parts.over ? '已结束' : formatCountdown(parts)}
            </Text>
            <Text className="campaign-card__deadline">
              {formatShanghai(target, 'M月D日 HH:mm')}
              {upcoming ? ' 开始' : ' 结束'}
            </Text>
          </View>
          <Text className={`campaign-card__action${upcoming ? ' campaign-card__action--soon' : ''}`}>
            {upcoming ? '即将开始' : kind.action}
          </Text>
        </View>
      </View>
    </View>
  );
}
