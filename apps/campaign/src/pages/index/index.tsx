import { ScrollView, Text, View } from '@tarojs/components';
import { usePullDownRefresh } from '@tarojs/taro';
import { APP_PAGES, type CampaignKind, type CampaignSummary } from '@wematrix/shared';
import { openApp, useCart } from '@wematrix/shared/taro';
import { AccountBar, CartEntry, DevSignInSheet, EmptyState } from '@wematrix/ui';
import { type ReactElement, useState } from 'react';
import { openCampaignBuy } from '../../features/campaign-buy/campaign-entry';
import { CampaignCard } from '../../features/campaigns/campaign-card';
import { KIND_TABS } from '../../features/campaigns/campaign-kinds';
import { useCampaigns } from '../../features/campaigns/use-campaigns';
import { useNow } from '../../features/campaigns/use-now';
import { openFlashSale } from '../../features/flash-sale/flash-sale-pages';
import { openLotteryOrPresale } from '../../features/lottery-presale/lottery-presale-pages';
import './index.scss';

export default function CampaignHomePage(): ReactElement {
  const [kind, setKind] = useState<CampaignKind | 'all'>('all');
  const { campaigns, error, reload } = useCampaigns(kind);
  const { count } = useCart({ refreshOnShow: true });
  const now = useNow();
  usePullDownRefresh(reload);

  // Detail pages per kind come with each campaign module; kinds without one open the product.
  function open(campaign: CampaignSummary): void {
    if (campaign.kind === 'flash_sale') {
      openFlashSale(campaign.id);
      return;
    }
    if (campaign.kind === 'group_buy' || campaign.kind === 'bargain') {
      // 拼团 / 砍价: the activity's page when the campaign has one, else the product.
      void openCampaignBuy(campaign).then((opened) => {
        if (!opened) void openApp('mall', APP_PAGES.mall.product, { id: campaign.productId, campaign: campaign.id });
      });
      return;
    }
    if (campaign.kind === 'lottery' || campaign.kind === 'presale') {
      // 抽奖 / 预售: their pages (pkg-lottery, pkg-presale); the product when none is found.
      void openLotteryOrPresale(campaign).then((opened) => {
        if (!opened) void openApp('mall', APP_PAGES.mall.product, { id: campaign.productId, campaign: campaign.id });
      });
      return;
    }
    void openApp('mall', APP_PAGES.mall.product, { id: campaign.productId, campaign: campaign.id });
  }

  const live = campaigns?.filter((c) => c.status === 'live').length ?? 0;

  return (
    <View className="wm-page campaign-home">
      <View className="campaign-home__hero">
        <View className="campaign-home__topline">
          <AccountBar tone="light" />
          <CartEntry
            variant="inline"
            tone="light"
            count={count}
            onClick={() => void openApp('mall', APP_PAGES.mall.cart)}
          />
        </View>
        <View className="campaign-home__title">好物限时购</View>
        <View className="campaign-home__subtitle">拼团 · 砍价 · 秒杀 · 预售 · 抽奖，和好友一起更划算</View>
        {campaigns ? <Text className="campaign-home__live">正在进行 {live} 场</Text> : null}
      </View>

      <ScrollView scrollX className="campaign-home__tabs" enableFlex>
        {KIND_TABS.map((tab) => (
          <Text
            key={tab.kind}
            className={`campaign-home__tab wm-campaign-tab wm-campaign-tab--${tab.kind}${tab.kind === kind ? ' campaign-home__tab--active' : ''}`}
            onClick={() => setKind(tab.kind)}
          >
            {tab.label}
          </Text>
        ))}
      </ScrollView>

      <View className="campaign-home__flash wm-flash-entry" onClick={() => openFlashSale()}>
        <Text className="campaign-home__flash-bolt">⚡</Text>
        <View className="campaign-home__flash-text">
          <Text className="campaign-home__flash-title">限时秒杀</Text>
          <Text className="campaign-home__flash-hint">整点开抢 · 限量特惠 · 手慢无</Text>
        </View>
        <Text className="campaign-home__flash-go">去抢购 ›</Text>
      </View>

      <View className="campaign-home__list">
        {error ? <EmptyState title="活动加载失败" hint={error} /> : null}
        {!error && campaigns === null ? <View className="campaign-home__loading">加载中…</View> : null}
        {campaigns && campaigns.length === 0 ? <EmptyState title="这类活动暂未开始" hint="看看其他活动吧" /> : null}
        {(campaigns ?? []).map((campaign) => (
          <CampaignCard key={campaign.id} campaign={campaign} now={now} onOpen={open} />
        ))}
      </View>
      <DevSignInSheet />
    </View>
  );
}
