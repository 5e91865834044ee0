import { Popup, Progress } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import {
  APP_PAGES,
  type Bargain,
  type BargainActivityDetail,
  type BargainHelpResult,
  formatFen,
} from '@wematrix/shared';
import { assetUrl, openApp, toast, useSession } from '@wematrix/shared/taro';
import { Avatar, DevSignInSheet, EmptyState, Price, requireSession } from '@wematrix/ui';
import { type ReactElement, useCallback, useEffect, useRef, useState } from 'react';
import { BigCountdown } from '../../features/campaign-buy/big-countdown';
import { BuySheet } from '../../features/campaign-buy/buy-sheet';
import { bargainApi, refusalText } from '../../features/campaign-buy/campaign-api';
import { CAMPAIGN_BUY_PAGES, pageUrl, replacePage } from '../../features/campaign-buy/campaign-pages';
import { bargainShareTitle, HELP_REFUSAL_TEXT } from '../../features/campaign-buy/group-buy-text';
import { returnedFromPayPage, waitForPaid } from '../../features/campaign-buy/pay-campaign-order';
import { ShareButton } from '../../features/campaign-buy/share-button';
import { ShareNotice } from '../../features/campaign-buy/share-notice';
import { ShareSheet } from '../../features/campaign-buy/share-sheet';
import { useCampaignBuy } from '../../features/campaign-buy/use-campaign-buy';
import { useServerClock } from '../../features/campaign-buy/use-server-clock';
import { useShare } from '../../features/campaign-buy/use-share';
import '../../features/campaign-buy/campaign-buy.scss';
import './index.scss';

/** Friends' helps show up on the owner's page this often while the bargain is open. */
const POLL_MS = 5000;

const STATUS_TEXT: Record<Bargain['status'], string> = {
  open: '砍价中',
  floor_reached: '已砍到底价',
  ordered: '已下单，待支付',
  bought: '已购买',
  refunded: '已退款',
  expired: '已过期',
};

/**
 * 砍价 (the share link's target, `id` = the bargain): the product, start price → current price →
 * floor with a progress bar, the helpers and their cuts, the countdown on the server's clock.
 * The owner invites friends (邀请好友帮砍) and may buy at the current price any time in the
 * window (以当前价购买); a friend cuts once (帮TA砍一刀) and sees their cut. Opened from a
 * campaign card (`campaign=`) or an activity (`activity=`) it shows the activity and
 * 发起砍价, or goes straight to the shopper's live bargain.
 */
export default function BargainPage(): ReactElement {
  const { params } = useRouter();
  const { user } = useSession();
  const { timed, secondsUntil } = useServerClock();
  const [bargainId, setBargainId] = useState<string | null>(params.id ? decodeURIComponent(params.id) : null);
  const [bargain, setBargain] = useState<Bargain | null>(null);
  const [activity, setActivity] = useState<BargainActivityDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [helping, setHelping] = useState(false);
  const [helped, setHelped] = useState<BargainHelpResult | null>(null);
  const [shown, setShown] = useState(true);
  const handledReturn = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a sign-in (user) changes what the API says about the viewer
  const load = useCallback(async (): Promise<void> => {
    try {
      if (bargainId) {
        setBargain(await timed(() => bargainApi.get(bargainId)));
        setError(null);
        return;
      }
      let activityId = params.activity ? decodeURIComponent(params.activity) : null;
      if (!activityId && params.campaign) {
        const campaign = decodeURIComponent(params.campaign);
        const list = await timed(() => bargainApi.activities());
        activityId = list.activities.find((a) => a.campaignId === campaign)?.id ?? null;
      }
      if (!activityId) {
        setError('这个砍价活动暂未开放');
        return;
      }
      const detail = await timed(() => bargainApi.activity(activityId));
      if (detail.myBargainId) {
        setBargainId(detail.myBargainId);
        return;
      }
      setActivity(detail);
      setError(null);
    } catch (e) {
      setError(refusalText(e, '砍价加载失败'));
    }
  }, [bargainId, params.activity, params.campaign, timed, user]);

  useEffect(() => {
    void load();
  }, [load]);
  useDidShow(() => {
    setShown(true);
    void load();
  });
  useDidHide(() => setShown(false));

  const open = bargain?.status === 'open';
  useEffect(() => {
    if (!open || !shown) return;
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [open, shown, load]);

  // H5: back from the sandbox's pay page.
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
    keyPrefix: 'bg',
    quote: (region) => bargainApi.quote(bargainId ?? '', region),
    place: (body, key) => bargainApi.order(bargainId ?? '', body, key),
    backTo: async () => ({ page: CAMPAIGN_BUY_PAGES.bargain, params: { id: bargainId ?? '' } }),
    onPaid: () => {
      toast('购买成功');
      void load();
    },
    onRefused: () => void load(),
  });

  const share = useShare({
    kind: 'bargain',
    page: CAMPAIGN_BUY_PAGES.bargain,
    id: bargainId ?? '',
    title: bargain
      ? bargainShareTitle({ productTitle: bargain.activity.productTitle, currentPriceFen: bargain.currentPriceFen })
      : '一起来砍价',
    imageUrl: bargain?.activity.imageUrl ?? activity?.activity.imageUrl ?? null,
    pathWithoutId: activity ? pageUrl(CAMPAIGN_BUY_PAGES.bargain, { activity: activity.activity.id }) : undefined,
  });

  async function start(activityId: string): Promise<void> {
    const session = await requireSession();
    if (!session) return;
    try {
      const started = await bargainApi.start(activityId);
      toast('砍价已发起，邀请好友帮你砍吧');
      setActivity(null);
      replacePage(CAMPAIGN_BUY_PAGES.bargain, { id: started.bargainId });
    } catch (e) {
      toast(refusalText(e, '发起砍价失败，请稍后再试'));
    }
  }

  async function help(): Promise<void> {
    if (!bargainId || helping) return;
    const session = await requireSession();
    if (!session) return;
    setHelping(true);
    try {
      setHelped(await bargainApi.help(bargainId));
    } catch (e) {
      toast(refusalText(e, '帮砍失败，请稍后再试'));
    } finally {
      setHelping(false);
      void load();
    }
  }

  if (!bargain && activity) {
    const a = activity.activity;
    return (
      <View className="wm-page bg-page wm-bargain-activity">
        <View className="bg-hero">
          <Image className="bg-hero__image" src={assetUrl(a.imageUrl)} mode="aspectFill" />
        </View>
        <View className="bg-card bg-intro">
          <Text className="bg-intro__title">{a.productTitle}</Text>
          {a.specText ? <Text className="bg-intro__spec">{a.specText}</Text> : null}
          <View className="bg-intro__prices">
            <Text className="bg-intro__label">最低可砍至</Text>
            <Price fen={a.floorPriceFen} size="lg" className="bg-intro__floor" />
            <Text className="bg-intro__start">原价 {formatFen(a.priceFen)}</Text>
          </View>
          <Text className="bg-intro__rule">
            邀请 {a.helpsTarget} 位好友帮砍即可砍到底价；{a.windowHours} 小时内有效，期间可随时按当前价购买。
          </Text>
        </View>
        <View className="bg-card bg-steps">
          <Text className="bg-section__title">砍价玩法</Text>
          <Text className="bg-steps__item">1. 发起砍价，邀请好友帮砍</Text>
          <Text className="bg-steps__item">2. 每位好友可帮砍一次，新用户砍得更多</Text>
          <Text className="bg-steps__item">3. 随时以当前价购买，砍到底价最划算</Text>
        </View>
        <View className="bg-bar">
          <View className="bg-bar__main wm-bargain-start" onClick={() => void start(a.id)}>
            发起砍价
          </View>
        </View>
        <DevSignInSheet />
      </View>
    );
  }

  if (!bargain) {
    return (
      <View className="wm-page bg-page">
        {error ? <EmptyState title={error} hint="看看其他活动吧" /> : <View className="bg-loading">正在加载砍价…</View>}
        <DevSignInSheet />
      </View>
    );
  }

  const a = bargain.activity;
  const range = bargain.startPriceFen - bargain.floorPriceFen;
  const percent = range > 0 ? Math.round((bargain.cutFen / range) * 100) : 100;
  const leftFen = bargain.currentPriceFen - bargain.floorPriceFen;
  const seconds = secondsUntil(bargain.expiresAt);
  const live = bargain.status === 'open' || bargain.status === 'floor_reached';
  const helpsLeft = Math.max(0, bargain.helpsTarget - bargain.helpsDone);

  function ownerButtons(): ReactElement {
    const orderId = bargain?.orderId ?? null;
    if (bargain?.status === 'ordered' && orderId) {
      return (
        <View className="bg-actions__main wm-bargain-pay" onClick={() => void buy.pay({ id: orderId })}>
          去支付
        </View>
      );
    }
    if ((bargain?.status === 'bought' || bargain?.status === 'refunded') && orderId) {
      return (
        <View
          className="bg-actions__main wm-bargain-view-order"
          onClick={() => void openApp('mall', APP_PAGES.mall.orderDetail, { id: orderId })}
        >
          查看订单
        </View>
      );
    }
    if (!live) {
      return <View className="bg-actions__main bg-actions__main--off wm-bargain-ended">砍价已结束</View>;
    }
    const atFloor = bargain?.status === 'floor_reached';
    return (
      <>
        {atFloor ? null : (
          <ShareButton className="bg-actions__main wm-bargain-invite" onH5Share={share.openSheet}>
            邀请好友帮砍
          </ShareButton>
        )}
        <View
          className={`${atFloor ? 'bg-actions__main' : 'bg-actions__second'} wm-bargain-buy`}
          onClick={() => buy.open()}
        >
          {atFloor ? '以底价购买' : '以当前价购买'} {formatFen(bargain?.currentPriceFen ?? 0)}
        </View>
      </>
    );
  }

  function friendButtons(): ReactElement {
    const reason = bargain?.cannotHelpReason ?? null;
    const canTry = bargain?.canHelp || reason === 'not_signed_in' || (!user && reason === null);
    return (
      <>
        {canTry ? (
          <View className="bg-actions__main wm-bargain-help" onClick={() => void help()}>
            {helping ? '砍价中…' : '帮TA砍一刀'}
          </View>
        ) : (
          <View className="bg-actions__main bg-actions__main--off wm-bargain-refusal">
            {reason ? (HELP_REFUSAL_TEXT[reason] ?? '暂时不能帮砍') : '暂时不能帮砍'}
          </View>
        )}
        <View
          className="bg-actions__second wm-bargain-own"
          onClick={() => replacePage(CAMPAIGN_BUY_PAGES.bargain, { activity: a.id })}
        >
          我也要砍价
        </View>
      </>
    );
  }

  return (
    <View className="wm-page bg-page wm-bargain-page">
      <ShareNotice result={share.opened} action="邀请你帮TA砍一刀" />
      <View className="bg-top">
        <View className="bg-owner">
          <Avatar url={bargain.owner.avatarUrl} name={bargain.owner.nickname} size={72} />
          <Text className="bg-owner__text">
            {bargain.isOwner ? '我正在砍价，邀请好友帮我砍到底价' : `${bargain.owner.nickname} 正在砍价，帮TA砍一刀吧`}
          </Text>
        </View>
        <View className="bg-card bg-product">
          <Image className="bg-product__image" src={assetUrl(a.imageUrl)} mode="aspectFill" />
          <View className="bg-product__body">
            <Text className="bg-product__title">{a.productTitle}</Text>
            {a.specText ? <Text className="bg-product__spec">{a.specText}</Text> : null}
            <View className="bg-product__now">
              <Text className="bg-product__label">当前价</Text>
              <Price fen={bargain.currentPriceFen} size="lg" className="wm-bargain-current" />
            </View>
            <Text className="bg-product__start">原价 {formatFen(bargain.startPriceFen)}</Text>
          </View>
        </View>
      </View>

      <View className="bg-card bg-progress">
        <Text className={`bg-progress__status wm-bargain-status wm-bargain-status--${bargain.status}`}>
          {bargain.status === 'open'
            ? `已砍 ${formatFen(bargain.cutFen)}，还差 ${formatFen(leftFen)} 砍到底价`
            : STATUS_TEXT[bargain.status]}
        </Text>
        <Progress
          percent={percent}
          color="linear-gradient(90deg, #ff7a1a 0%, #f0452d 100%)"
          background="#ffe4d6"
          strokeWidth="10"
          className="bg-progress__bar wm-bargain-progress"
        />
        <View className="bg-progress__ends">
          <View className="bg-progress__end">
            <Text className="bg-progress__end-label">原价</Text>
            <Text className="bg-progress__end-price">{formatFen(bargain.startPriceFen)}</Text>
          </View>
          <View className="bg-progress__end bg-progress__end--mid">
            <Text className="bg-progress__end-label">当前</Text>
            <Text className="bg-progress__end-price bg-progress__end-price--now">
              {formatFen(bargain.currentPriceFen)}
            </Text>
          </View>
          <View className="bg-progress__end bg-progress__end--right">
            <Text className="bg-progress__end-label">底价</Text>
            <Text className="bg-progress__end-price wm-bargain-floor">{formatFen(bargain.floorPriceFen)}</Text>
          </View>
        </View>
        {live ? (
          <View className="bg-progress__timer">
            <Text className="bg-progress__timer-label">剩余</Text>
            <BigCountdown seconds={seconds} className="wm-bargain-countdown" />
            <Text className="bg-progress__timer-label">结束</Text>
          </View>
        ) : null}
        <View className="bg-actions">{bargain.isOwner ? ownerButtons() : friendButtons()}</View>
        {bargain.status === 'open' ? (
          <Text className="bg-progress__hint">
            已有 {bargain.helpsDone} 位好友帮砍，约再需 {helpsLeft} 位
          </Text>
        ) : null}
      </View>

      <View className="bg-card bg-helpers">
        <View className="bg-section__head">
          <Text className="bg-section__title">好友助力榜</Text>
          <Text className="bg-section__hint">{bargain.helpers.length} 人已帮砍</Text>
        </View>
        {bargain.helpers.length === 0 ? (
          <Text className="bg-empty">还没有好友帮砍，快去邀请吧</Text>
        ) : (
          bargain.helpers.map((h) => (
            <View key={`${h.nickname}-${h.helpedAt}`} className="bg-helper wm-bargain-helper">
              <Avatar url={h.avatarUrl} name={h.nickname} size={72} />
              <View className="bg-helper__body">
                <Text className="bg-helper__name">{h.nickname}</Text>
                {h.isNewUser ? <Text className="bg-helper__new">新人助力</Text> : null}
              </View>
              <Text className="bg-helper__cut">砍掉 {formatFen(h.cutFen)}</Text>
            </View>
          ))
        )}
      </View>

      <View className="bg-card bg-steps">
        <Text className="bg-section__title">砍价规则</Text>
        <Text className="bg-steps__item">1. 每位好友只能帮同一砍价砍一次，新用户砍得更多。</Text>
        <Text className="bg-steps__item">
          2. 砍价 {a.windowHours} 小时内有效，期间可随时以当前价购买；到期未购买自动结束。
        </Text>
        <Text className="bg-steps__item">3. 帮砍的好友可获赠优惠券；砍后价不与优惠券、积分同享。</Text>
      </View>

      <Popup visible={helped !== null} position="center" round onClose={() => setHelped(null)}>
        {helped ? (
          <View className="bg-cut wm-bargain-cut">
            <Text className="bg-cut__title">砍价成功</Text>
            <Text className="bg-cut__text">你帮 {bargain.owner.nickname} 砍掉了</Text>
            <Price fen={helped.cutFen} size="lg" className="bg-cut__amount wm-bargain-cut-amount" />
            {helped.isNewUser ? <Text className="bg-cut__tag">新人助力，砍得更多</Text> : null}
            {helped.floorReached ? <Text className="bg-cut__tag">已砍到底价啦</Text> : null}
            {helped.rewardUserCouponId ? (
              <Text className="bg-cut__reward">感谢帮砍，送你一张优惠券，已放入「我的-优惠券」</Text>
            ) : null}
            <View
              className="bg-cut__btn wm-bargain-own"
              onClick={() => replacePage(CAMPAIGN_BUY_PAGES.bargain, { activity: a.id })}
            >
              我也要砍价
            </View>
            <Text className="bg-cut__close wm-bargain-cut-close" onClick={() => setHelped(null)}>
              知道了
            </Text>
          </View>
        ) : null}
      </Popup>

      <BuySheet
        {...buy.sheet}
        priceLabel="砍后价"
        unitPriceFen={bargain.currentPriceFen}
        imageUrl={a.imageUrl}
        productTitle={a.productTitle}
        specText={a.specText}
        note="按下单时的砍后价购买；下单后好友不能再帮砍"
      />
      <ShareSheet
        visible={share.sheetOpen}
        title="邀请好友帮砍"
        hint="把链接发给好友，请TA帮你砍一刀"
        url={share.url}
        onClose={share.closeSheet}
      />
      <DevSignInSheet />
    </View>
  );
}
