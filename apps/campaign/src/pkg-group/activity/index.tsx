import { Image, Text, View } from '@tarojs/components';
import { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { APP_PAGES, formatFen, type GroupBuyActivityDetail, type MyGroupBuys } from '@wematrix/shared';
import { assetUrl, openApp, toast, useSession } from '@wematrix/shared/taro';
import { Avatar, DevSignInSheet, EmptyState, Price, requireSession } from '@wematrix/ui';
import { type ReactElement, useCallback, useEffect, useState } from 'react';
import { BigCountdown, shortCountdown } from '../../features/campaign-buy/big-countdown';
import { BuySheet } from '../../features/campaign-buy/buy-sheet';
import { groupBuyApi, refusalText } from '../../features/campaign-buy/campaign-api';
import { CAMPAIGN_BUY_PAGES, openPage, pageUrl, replacePage } from '../../features/campaign-buy/campaign-pages';
import { groupShareTitle } from '../../features/campaign-buy/group-buy-text';
import { useCampaignBuy } from '../../features/campaign-buy/use-campaign-buy';
import { useServerClock } from '../../features/campaign-buy/use-server-clock';
import '../../features/campaign-buy/campaign-buy.scss';
import './index.scss';

/** Finds the caller's group behind an order (the open route answers the order, not the group). */
async function groupOfOrder(orderId: string): Promise<string | null> {
  const { items } = await groupBuyApi.mine();
  return items.find((item) => item.orderId === orderId)?.groupId ?? null;
}

/**
 * 拼团 activity: the product, the tier ladder (2人团 ¥x / 3人团 ¥y), 团长免单 when set, the
 * groups others opened (join from their page), 单独购买 (the mall's product) and 发起拼团 (the
 * leader's order; the group opens to others once it is paid). Opened from a campaign card
 * (`campaign=`) or with the activity's `id`.
 */
export default function GroupBuyActivityPage(): ReactElement {
  const { params } = useRouter();
  const { user } = useSession();
  const { timed, secondsUntil } = useServerClock();
  const [detail, setDetail] = useState<GroupBuyActivityDetail | null>(null);
  const [mine, setMine] = useState<MyGroupBuys['items']>([]);
  const [error, setError] = useState<string | null>(null);
  const [activityId, setActivityId] = useState<string | null>(params.id ? decodeURIComponent(params.id) : null);

  const load = useCallback(async (): Promise<void> => {
    try {
      let id = activityId;
      if (!id && params.campaign) {
        const campaign = decodeURIComponent(params.campaign);
        const list = await timed(() => groupBuyApi.list());
        id = list.items.find((a) => a.campaignId === campaign)?.id ?? null;
        if (!id) {
          setError('这个拼团活动暂未开放');
          return;
        }
        setActivityId(id);
      }
      if (!id) {
        setError('拼团活动不存在');
        return;
      }
      setDetail(await timed(() => groupBuyApi.activity(id)));
      setError(null);
    } catch (e) {
      setError(refusalText(e, '拼团加载失败'));
    }
  }, [activityId, params.campaign, timed]);

  useEffect(() => {
    void load();
  }, [load]);

  // The shopper's own live seats in this activity (a group they lead or joined).
  useEffect(() => {
    if (!user || !detail) {
      setMine([]);
      return;
    }
    groupBuyApi.mine().then(
      (answer) =>
        setMine(
          answer.items.filter(
            (i) =>
              i.activityId === detail.activity.id &&
              i.groupStatus === 'forming' &&
              (i.memberStatus === 'paid' || i.memberStatus === 'reserved'),
          ),
        ),
      () => setMine([]),
    );
  }, [user, detail]);

  useDidShow(() => {
    if (detail) void load();
  });

  const activity = detail?.activity ?? null;
  const buy = useCampaignBuy({
    keyPrefix: 'gb-open',
    quote: (region) => groupBuyApi.quoteOpen(activity?.id ?? '', region),
    place: (body, key) => groupBuyApi.open(activity?.id ?? '', body, key),
    backTo: async (order) => {
      const groupId = await groupOfOrder(order.id);
      return groupId
        ? { page: CAMPAIGN_BUY_PAGES.group, params: { id: groupId } }
        : { page: CAMPAIGN_BUY_PAGES.groupActivity, params: { id: activity?.id ?? '' } };
    },
    onPaid: (order) => {
      toast('开团成功，快邀请好友参团吧');
      void groupOfOrder(order.id).then((groupId) => {
        if (groupId) replacePage(CAMPAIGN_BUY_PAGES.group, { id: groupId });
      });
    },
    onRefused: () => void load(),
  });

  useShareAppMessage(() => ({
    title: activity
      ? groupShareTitle({
          productTitle: activity.productTitle,
          size: activity.groupSize,
          unitPriceFen: activity.groupPriceFen,
        })
      : '一起拼团更划算',
    path: activity ? pageUrl(CAMPAIGN_BUY_PAGES.groupActivity, { id: activity.id }) : '/pages/index/index',
    imageUrl: activity?.imageUrl ? assetUrl(activity.imageUrl) : undefined,
  }));

  async function startGroup(): Promise<void> {
    if (!activity) return;
    if (activity.status !== 'live') {
      toast('拼团活动未开始或已结束');
      return;
    }
    const session = await requireSession();
    if (!session) return;
    buy.open();
  }

  if (!detail || !activity) {
    return (
      <View className="wm-page gb-page">
        {error ? <EmptyState title={error} hint="看看其他活动吧" /> : <View className="gb-loading">正在加载拼团…</View>}
        <DevSignInSheet />
      </View>
    );
  }

  const tiers = [...activity.tiers].sort((a, b) => a.size - b.size);
  const saving = Math.max(0, activity.skuPriceFen - activity.groupPriceFen);
  const live = activity.status === 'live';
  const endsIn = secondsUntil(activity.endsAt);

  return (
    <View className="wm-page gb-page wm-group-activity">
      <View className="gb-hero">
        {activity.imageUrl ? (
          <Image className="gb-hero__image" src={assetUrl(activity.imageUrl)} mode="aspectFill" />
        ) : (
          <View className="gb-hero__image" />
        )}
      </View>

      <View className="gb-band">
        <View className="gb-band__left">
          <View className="gb-band__price-row">
            <Text className="gb-band__size">{activity.groupSize}人团</Text>
            <Price fen={activity.groupPriceFen} size="lg" className="gb-band__price" />
          </View>
          <Text className="gb-band__single">
            单买价 {formatFen(activity.skuPriceFen)}
            {saving > 0 ? ` · 拼团省 ${formatFen(saving)}` : ''}
          </Text>
        </View>
        <View className="gb-band__right">
          <Text className="gb-band__ends">
            {live ? '距活动结束' : activity.status === 'upcoming' ? '即将开始' : '活动已结束'}
          </Text>
          {live ? <BigCountdown seconds={endsIn} className="cb-countdown--light" /> : null}
        </View>
      </View>

      <View className="gb-card gb-info">
        <View className="gb-info__badges">
          {activity.leaderFree ? <Text className="gb-badge gb-badge--free wm-leader-free">团长免单</Text> : null}
          {activity.newUserOnly ? <Text className="gb-badge">新人专享</Text> : null}
          <Text className="gb-badge gb-badge--line">{activity.windowHours}小时成团</Text>
          <Text className="gb-badge gb-badge--line">每人限{activity.perUserLimit}次</Text>
        </View>
        <Text className="gb-info__title">{activity.productTitle}</Text>
        <Text className="gb-info__sub">{activity.title}</Text>
        {tiers.length > 0 ? (
          <View className="gb-ladder wm-tier-ladder">
            {tiers.map((tier) => (
              <View
                key={tier.size}
                className={`gb-ladder__step${tier.size === activity.groupSize ? ' gb-ladder__step--on' : ''}`}
              >
                <Text className="gb-ladder__size">{tier.size}人团</Text>
                <Text className="gb-ladder__price">{formatFen(tier.priceFen)}</Text>
              </View>
            ))}
          </View>
        ) : null}
        {activity.leaderFree ? (
          <Text className="gb-info__note">团长免单：成团后团长支付的金额原路退回，商品照常发货</Text>
        ) : null}
      </View>

      {mine.length > 0 ? (
        <View
          className="gb-card gb-mine wm-my-group"
          onClick={() => openPage(CAMPAIGN_BUY_PAGES.group, { id: mine[0]?.groupId })}
        >
          <Text className="gb-mine__text">你有一个拼团正在进行</Text>
          <Text className="gb-mine__go">查看 ›</Text>
        </View>
      ) : null}

      <View className="gb-card">
        <View className="gb-section__head">
          <Text className="gb-section__title">小伙伴正在开团</Text>
          <Text className="gb-section__hint">可直接参与</Text>
        </View>
        {detail.openGroups.length === 0 ? (
          <Text className="gb-empty">暂时没有待成团的团，发起一个，邀请好友一起拼</Text>
        ) : (
          detail.openGroups.map((group) => (
            <View
              key={group.id}
              className="gb-open wm-open-group"
              onClick={() => openPage(CAMPAIGN_BUY_PAGES.group, { id: group.id })}
            >
              <Avatar url={group.leaderAvatarUrl} name={group.leaderNickname} size={80} />
              <View className="gb-open__body">
                <Text className="gb-open__name">{group.leaderNickname}</Text>
                <Text className="gb-open__left">
                  还差<Text className="gb-open__num">{group.seatsLeft}</Text>人成团
                </Text>
                <Text className="gb-open__time">剩余 {shortCountdown(secondsUntil(group.expiresAt))}</Text>
              </View>
              <Text className="gb-open__go">去参团</Text>
            </View>
          ))
        )}
      </View>

      <View className="gb-card gb-steps">
        <Text className="gb-section__title">拼团玩法</Text>
        <View className="gb-steps__row">
          <View className="gb-steps__step">
            <Text className="gb-steps__num">1</Text>
            <Text>开团或参团</Text>
          </View>
          <Text className="gb-steps__arrow">›</Text>
          <View className="gb-steps__step">
            <Text className="gb-steps__num">2</Text>
            <Text>邀请好友一起拼</Text>
          </View>
          <Text className="gb-steps__arrow">›</Text>
          <View className="gb-steps__step">
            <Text className="gb-steps__num">3</Text>
            <Text>人满成团发货</Text>
          </View>
        </View>
        <Text className="gb-steps__note">
          开团后 {activity.windowHours} 小时内未凑满 {activity.groupSize} 人，拼团失败，已付款项自动原路退回。
        </Text>
      </View>

      <View className="gb-bar">
        <View
          className="gb-bar__single wm-buy-single"
          onClick={() => void openApp('mall', APP_PAGES.mall.product, { id: activity.productId })}
        >
          <Text className="gb-bar__price">{formatFen(activity.skuPriceFen)}</Text>
          <Text className="gb-bar__label">单独购买</Text>
        </View>
        <View
          className={`gb-bar__group wm-group-open${live ? '' : ' gb-bar__group--off'}`}
          onClick={() => void startGroup()}
        >
          <Text className="gb-bar__price">{formatFen(activity.groupPriceFen)}</Text>
          <Text className="gb-bar__label">
            {live ? '发起拼团' : activity.status === 'upcoming' ? '即将开始' : '活动已结束'}
          </Text>
        </View>
      </View>

      <BuySheet
        {...buy.sheet}
        priceLabel={`${activity.groupSize}人团`}
        unitPriceFen={activity.groupPriceFen}
        imageUrl={activity.imageUrl}
        productTitle={activity.productTitle}
        note={`支付后开团，${activity.windowHours} 小时内凑满 ${activity.groupSize} 人即成团；未成团自动退款`}
      />
      <DevSignInSheet />
    </View>
  );
}
