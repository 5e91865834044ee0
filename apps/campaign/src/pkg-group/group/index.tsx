import { Image, Text, View } from '@tarojs/components';
import { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { APP_PAGES, formatFen, type GroupBuyGroup, type MyGroupBuys } from '@wematrix/shared';
import { assetUrl, openApp, toast, useSession } from '@wematrix/shared/taro';
import { Avatar, DevSignInSheet, EmptyState, Price, requireSession } from '@wematrix/ui';
import { type ReactElement, useCallback, useEffect, useRef, useState } from 'react';
import { BigCountdown } from '../../features/campaign-buy/big-countdown';
import { BuySheet } from '../../features/campaign-buy/buy-sheet';
import { groupBuyApi, refusalText } from '../../features/campaign-buy/campaign-api';
import { CAMPAIGN_BUY_PAGES, openPage } from '../../features/campaign-buy/campaign-pages';
import { GROUP_STATUS_TEXT, groupShareTitle, JOIN_REFUSAL_TEXT } from '../../features/campaign-buy/group-buy-text';
import { returnedFromPayPage, waitForPaid } from '../../features/campaign-buy/pay-campaign-order';
import { ShareButton } from '../../features/campaign-buy/share-button';
import { ShareNotice } from '../../features/campaign-buy/share-notice';
import { ShareSheet } from '../../features/campaign-buy/share-sheet';
import { useCampaignBuy } from '../../features/campaign-buy/use-campaign-buy';
import { useServerClock } from '../../features/campaign-buy/use-server-clock';
import { useShare } from '../../features/campaign-buy/use-share';
import '../../features/campaign-buy/campaign-buy.scss';
import './index.scss';

/** While a group is forming the page asks again this often, so a friend's join shows within seconds. */
const POLL_MS = 3000;

type MySeat = MyGroupBuys['items'][number];

/**
 * The group page (the share link's target, `id` = the group): members' avatars and the empty
 * seats, the countdown on the server's clock, 拼团中 / 拼团成功 / 拼团失败（已退款）, and the one
 * button that fits the viewer: 邀请好友参团, 立即参团, 去支付, 查看订单.
 */
export default function GroupPage(): ReactElement {
  const { params } = useRouter();
  const groupId = params.id ? decodeURIComponent(params.id) : '';
  const { user } = useSession();
  const { timed, secondsUntil } = useServerClock();
  const [group, setGroup] = useState<GroupBuyGroup | null>(null);
  const [mySeat, setMySeat] = useState<MySeat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(true);
  const handledReturn = useRef(false);
  const loading = useRef(false);

  const load = useCallback(async (): Promise<void> => {
    if (!groupId || loading.current) return;
    loading.current = true;
    try {
      const answer = await timed(() => groupBuyApi.group(groupId));
      setGroup(answer);
      setError(null);
      if (user) {
        const mine = await groupBuyApi.mine();
        setMySeat(mine.items.find((i) => i.groupId === groupId && i.memberStatus !== 'released') ?? null);
      } else {
        setMySeat(null);
      }
    } catch (e) {
      setError(refusalText(e, '拼团加载失败'));
    } finally {
      loading.current = false;
    }
  }, [groupId, user, timed]);

  useEffect(() => {
    void load();
  }, [load]);
  useDidShow(() => {
    setShown(true);
    void load();
  });
  useDidHide(() => setShown(false));

  // Poll while forming and on screen: a join, a payment or the group's end shows within seconds.
  const forming = group?.status === 'forming';
  useEffect(() => {
    if (!forming || !shown) return;
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [forming, shown, load]);

  // H5: back from the sandbox's pay page (?result=paid|cancel, the order in the hash).
  useEffect(() => {
    if (handledReturn.current || !user) return;
    handledReturn.current = true;
    const result = returnedFromPayPage();
    const orderId = params.order ? decodeURIComponent(params.order) : null;
    if (!result || !orderId) return;
    if (result === 'cancel') {
      toast('支付已取消，可在支付时限内继续支付');
      return;
    }
    void waitForPaid(orderId)
      .catch(() => false)
      .then((paid) => {
        toast(paid ? '支付成功' : '支付结果确认中，请稍后查看');
        void load();
      });
  });

  const buy = useCampaignBuy({
    keyPrefix: 'gb-join',
    quote: (region) => groupBuyApi.quoteJoin(groupId, region),
    place: (body, key) => groupBuyApi.join(groupId, body, key),
    backTo: async () => ({ page: CAMPAIGN_BUY_PAGES.group, params: { id: groupId } }),
    onPaid: () => {
      toast('支付成功');
      void load();
    },
    onRefused: () => void load(),
  });

  const share = useShare({
    kind: 'group_buy_group',
    page: CAMPAIGN_BUY_PAGES.group,
    id: groupId,
    title: group
      ? groupShareTitle({
          productTitle: group.activity.productTitle,
          size: group.size,
          unitPriceFen: group.unitPriceFen,
        })
      : '一起拼团更划算',
    imageUrl: group?.activity.imageUrl ?? null,
  });

  async function join(): Promise<void> {
    const session = await requireSession();
    if (!session) return;
    // Signed in just now: the API decides again with the caller known.
    if (!group?.canJoin) {
      const fresh = await groupBuyApi.group(groupId).catch(() => null);
      if (fresh) setGroup(fresh);
      if (!fresh?.canJoin) {
        toast(fresh?.joinRefusal ? JOIN_REFUSAL_TEXT[fresh.joinRefusal] : '暂时不能参团');
        void load();
        return;
      }
    }
    buy.open();
  }

  if (!group) {
    return (
      <View className="wm-page gb-page">
        {error ? <EmptyState title={error} hint="看看其他拼团吧" /> : <View className="gb-loading">正在加载拼团…</View>}
        <DevSignInSheet />
      </View>
    );
  }

  const activity = group.activity;
  const seconds = secondsUntil(group.expiresAt);
  const seats = Array.from({ length: group.size }, (_, i) => ({
    seatNo: i + 1,
    member: group.members.find((m) => m.seatNo === i + 1) ?? null,
  }));
  const isMember =
    mySeat !== null &&
    (mySeat.memberStatus === 'paid' || mySeat.memberStatus === 'reserved' || mySeat.memberStatus === 'refunded');
  const unpaid = mySeat?.memberStatus === 'reserved' && mySeat.orderId !== null;
  const status = group.status;

  function action(group: GroupBuyGroup): ReactElement {
    const mainClass = 'gb-action__main';
    if (status === 'forming') {
      if (unpaid && mySeat?.orderId) {
        const orderId = mySeat.orderId;
        return (
          <View className={`${mainClass} wm-group-pay`} onClick={() => void buy.pay({ id: orderId })}>
            去支付
          </View>
        );
      }
      if (isMember || group.joinRefusal === 'own_group' || group.joinRefusal === 'already_member') {
        return (
          <ShareButton className={`${mainClass} wm-group-invite`} onH5Share={share.openSheet}>
            邀请好友参团
          </ShareButton>
        );
      }
      if (group.canJoin || !user) {
        return (
          <View className={`${mainClass} wm-group-join`} onClick={() => void join()}>
            立即参团 {formatFen(group.unitPriceFen)}
          </View>
        );
      }
      return (
        <>
          <View className={`${mainClass} ${mainClass}--off wm-group-refusal`}>
            {group.joinRefusal ? JOIN_REFUSAL_TEXT[group.joinRefusal] : '暂时不能参团'}
          </View>
          {/* At the per-shopper limit, opening a group of one's own is refused too. */}
          {group.joinRefusal === 'limit_reached' ? null : (
            <Text
              className="gb-action__link wm-group-start-own"
              onClick={() => openPage(CAMPAIGN_BUY_PAGES.groupActivity, { id: activity.id })}
            >
              自己发起一个拼团 ›
            </Text>
          )}
        </>
      );
    }
    if (isMember && mySeat?.orderId) {
      const orderId = mySeat.orderId;
      return (
        <>
          <View
            className={`${mainClass} wm-group-view-order`}
            onClick={() => void openApp('mall', APP_PAGES.mall.orderDetail, { id: orderId })}
          >
            查看订单
          </View>
          {status === 'failed' ? (
            <Text
              className="gb-action__link wm-group-start-own"
              onClick={() => openPage(CAMPAIGN_BUY_PAGES.groupActivity, { id: activity.id })}
            >
              重新发起拼团 ›
            </Text>
          ) : null}
        </>
      );
    }
    return (
      <View
        className={`${mainClass} wm-group-start-own`}
        onClick={() => openPage(CAMPAIGN_BUY_PAGES.groupActivity, { id: activity.id })}
      >
        我也要开团
      </View>
    );
  }

  return (
    <View className="wm-page gb-page wm-group-page">
      <ShareNotice result={share.opened} action="邀请你一起拼团" />
      <View className={`gb-status gb-status--${status}`}>
        <Text className={`gb-status__title wm-group-status wm-group-status--${status}`}>
          {GROUP_STATUS_TEXT[status]}
        </Text>
        {status === 'forming' ? (
          <>
            <Text className="gb-status__hint">
              还差<Text className="gb-status__num wm-group-seats-left">{group.seatsLeft}</Text>人成团，邀请好友一起拼
            </Text>
            <View className="gb-status__timer">
              <Text className="gb-status__timer-label">剩余</Text>
              <BigCountdown seconds={seconds} className="cb-countdown--light wm-group-countdown" />
              <Text className="gb-status__timer-label">结束</Text>
            </View>
          </>
        ) : status === 'succeeded' ? (
          <Text className="gb-status__hint">人已凑齐，商家将尽快为大家发货</Text>
        ) : (
          <Text className="gb-status__hint">未在时限内凑满人数，已付款项已原路退回</Text>
        )}
      </View>

      <View
        className="gb-card gb-product"
        onClick={() => openPage(CAMPAIGN_BUY_PAGES.groupActivity, { id: activity.id })}
      >
        {activity.imageUrl ? (
          <Image className="gb-product__image" src={assetUrl(activity.imageUrl)} mode="aspectFill" />
        ) : (
          <View className="gb-product__image" />
        )}
        <View className="gb-product__body">
          <Text className="gb-product__title">{activity.productTitle}</Text>
          <View className="gb-product__tags">
            <Text className="gb-badge">{group.size}人团</Text>
            {activity.leaderFree ? <Text className="gb-badge gb-badge--free">团长免单</Text> : null}
          </View>
          <View className="gb-product__price">
            <Text className="gb-product__label">拼团价</Text>
            <Price fen={group.unitPriceFen} />
            <Text className="gb-product__single">{formatFen(activity.skuPriceFen)}</Text>
          </View>
        </View>
      </View>

      <View className="gb-card gb-members">
        <View className="gb-members__row wm-group-members">
          {seats.map(({ seatNo, member }) =>
            member ? (
              <View key={member.seatNo} className="gb-seat wm-group-member">
                <View className={`gb-seat__ring${member.isLeader ? ' gb-seat__ring--leader' : ''}`}>
                  <Avatar url={member.avatarUrl} name={member.nickname} size={104} />
                </View>
                {member.isLeader ? <Text className="gb-seat__tag">团长</Text> : null}
                <Text className="gb-seat__name">{member.nickname}</Text>
                {!member.paid ? <Text className="gb-seat__wait">待支付</Text> : null}
              </View>
            ) : (
              <View key={`empty-${seatNo}`} className="gb-seat wm-group-empty-seat">
                <View className={`gb-seat__empty${status === 'forming' ? '' : ' gb-seat__empty--closed'}`}>?</View>
                <Text className="gb-seat__name gb-seat__name--empty">{status === 'forming' ? '待加入' : '空位'}</Text>
              </View>
            ),
          )}
        </View>
        <View className="gb-action">{action(group)}</View>
      </View>

      <View className="gb-card gb-steps">
        <Text className="gb-section__title">拼团须知</Text>
        <Text className="gb-steps__note">
          1. 团长支付后开团，好友通过链接参团并支付；{group.size} 人都支付即拼团成功，商家发货。
        </Text>
        <Text className="gb-steps__note">2. 到期未凑满人数，拼团失败，已付款项自动原路退回。</Text>
        <Text className="gb-steps__note">3. 拼团价不与优惠券、积分同享；倒计时以服务器时间为准。</Text>
      </View>

      <BuySheet
        {...buy.sheet}
        priceLabel={`${group.size}人团`}
        unitPriceFen={group.unitPriceFen}
        imageUrl={activity.imageUrl}
        productTitle={activity.productTitle}
        note={`支付后即参团；凑满 ${group.size} 人成团发货，到期未成团自动退款`}
      />
      <ShareSheet
        visible={share.sheetOpen}
        title="邀请好友参团"
        hint={`还差 ${group.seatsLeft} 人，把链接发给好友，一起拼更划算`}
        url={share.url}
        onClose={share.closeSheet}
      />
      <DevSignInSheet />
    </View>
  );
}
