import { Popup } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import {
  APP_PAGES,
  formatShanghai,
  type LotteryDrawResult,
  type LotteryMyPrize,
  type LotteryPrizeView,
  type LotteryView,
} from '@wematrix/shared';
import { assetUrl, openApp, toast, useSession } from '@wematrix/shared/taro';
import { DevSignInSheet, EmptyState, requireSession } from '@wematrix/ui';
import { type ReactElement, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { BuySheet } from '../../features/campaign-buy/buy-sheet';
import { errorCode } from '../../features/campaign-buy/campaign-api';
import { useCampaignBuy } from '../../features/campaign-buy/use-campaign-buy';
import { useServerClock } from '../../features/campaign-buy/use-server-clock';
import {
  lotteryApi,
  lotteryShareLink,
  refusalText,
  reportShareOpen,
  sharePayloadOf,
  shareScene,
} from '../../features/lottery-presale/lottery-presale-api';
import { LOTTERY_PAGE } from '../../features/lottery-presale/lottery-presale-pages';
import { SharePoster } from '../../features/share-poster';
import { type GridCell, RING, ringCells, stopIndex } from './lottery-grid';
import '../../features/campaign-buy/campaign-buy.scss';
import './index.scss';

/** 4天03时59分, or 03时59分 within the last day. */
function leftText(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = String(Math.floor((seconds % 86_400) / 3600)).padStart(2, '0');
  const minutes = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  return `${days > 0 ? `${days}天` : ''}${hours}时${minutes}分`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A prize's picture, or a drawn badge for coupons and points (they have no product photo). */
function PrizeArt({
  prize,
  size,
}: {
  prize: Pick<LotteryPrizeView, 'kind' | 'image' | 'title'> | null;
  size: 'sm' | 'lg';
}) {
  if (!prize) return <View className={`lt-art lt-art--${size} lt-art--miss`}>☺</View>;
  if (prize.image) return <Image className={`lt-art lt-art--${size}`} src={assetUrl(prize.image)} mode="aspectFill" />;
  if (prize.kind === 'coupon') return <View className={`lt-art lt-art--${size} lt-art--coupon`}>券</View>;
  return <View className={`lt-art lt-art--${size} lt-art--points`}>积分</View>;
}

const STATUS_TEXT: Record<LotteryView['status'], string> = {
  upcoming: '活动未开始',
  live: '活动进行中',
  ended: '活动已结束',
};

/**
 * 抽奖 (the share layer's `lottery` target, `id` = the lottery): a 九宫格 of the prizes around the
 * 抽奖 button with the draws left today, a short run of the highlight that stops on what the API
 * drew, the result, 我的奖品 (a product prize → 领取 → 确认订单 → a 0-fen order paid at once),
 * 概率公示 exactly as the API shows it (谢谢参与 included) and the rules. Extra draws come only
 * from a friend's sign-up or order; nothing is offered for sharing (诱导分享 is banned).
 */
export default function LotteryPage(): ReactElement {
  const { params } = useRouter();
  const { user } = useSession();
  const { timed, secondsUntil } = useServerClock();
  // `id` from a share link or poster; `campaign` from the campaign list's card (its lottery is looked up).
  const [lotteryId, setLotteryId] = useState<string | null>(params.id ? decodeURIComponent(params.id) : null);
  const [view, setView] = useState<LotteryView | null>(null);
  const [mine, setMine] = useState<LotteryMyPrize[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const [spinning, setSpinning] = useState(false);
  const [result, setResult] = useState<LotteryDrawResult | null>(null);
  const [posterOpen, setPosterOpen] = useState(false);
  const claimDraw = useRef<{ drawId: string; prize: LotteryMyPrize['prize'] } | null>(null);
  const [claimPrize, setClaimPrize] = useState<LotteryMyPrize['prize'] | null>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  useEffect(() => {
    if (lotteryId || !params.campaign) return;
    lotteryApi.ofCampaign(decodeURIComponent(params.campaign)).then(
      ({ items }) => {
        const found = items.find((l) => l.status === 'live') ?? items[0];
        if (found) setLotteryId(found.id);
        else setError('这个抽奖活动暂未开放');
      },
      (e) => setError(refusalText(e, '抽奖活动加载失败')),
    );
  }, [lotteryId, params.campaign]);

  // Opened from a poster's 小程序码: WeChat passes only `scene`; the API answers the lottery and a signed payload.
  const [scenePayload, setScenePayload] = useState<Record<string, string> | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the scene is read once per visit
  useEffect(() => {
    if (!params.scene) return;
    shareScene(decodeURIComponent(params.scene)).then(
      (answer) => {
        if (answer.kind === 'lottery') setLotteryId((current) => current ?? answer.id);
        setScenePayload(answer.payload);
      },
      () => {
        if (!lotteryId) setError('小程序码已失效，请让好友重新分享');
      },
    );
  }, [params.scene]);

  // Opened from a friend's link or code: tell the API once signed in (it checks the signature and
  // counts the open; the friend's later sign-up or order is what earns the inviter a draw).
  const reportedOpen = useRef(false);
  useEffect(() => {
    if (reportedOpen.current || !user) return;
    const payload = sharePayloadOf(params) ?? scenePayload;
    if (!payload) return;
    reportedOpen.current = true;
    void reportShareOpen(payload);
  }, [user, params, scenePayload]);

  // WeChat's share card: the plain path at once, the signed one (the share recorded) through
  // `promise`. The title invites the friend; it promises nothing for sharing.
  useShareAppMessage(() => {
    const card = {
      title: view ? `${view.title}，每天都能抽，一起来试试手气` : '每日抽好礼，一起来试试手气',
      path: lotteryId ? `${LOTTERY_PAGE}?id=${encodeURIComponent(lotteryId)}` : '/pages/index/index',
    };
    if (!lotteryId) return card;
    const signed = lotteryShareLink(lotteryId).then((path) => (path ? { ...card, path: `/${path}` } : card));
    return { ...card, promise: signed } as typeof card;
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: a sign-in (user) changes the draws left and the prizes
  const load = useCallback(async (): Promise<void> => {
    if (!lotteryId) {
      if (!params.campaign && !params.scene) setError('没有找到这个抽奖活动');
      return;
    }
    if (!user) return;
    try {
      const [pool, prizes] = await Promise.all([
        timed(() => lotteryApi.view(lotteryId)),
        lotteryApi.mine(lotteryId).catch(() => null),
      ]);
      if (!alive.current) return;
      setView(pool);
      if (prizes) setMine(prizes.items);
      setError(null);
    } catch (e) {
      setError(refusalText(e, '抽奖活动加载失败'));
    }
  }, [lotteryId, user?.id, timed]);

  useEffect(() => {
    void load();
  }, [load]);
  useDidShow(() => {
    if (view && !spinning) void load();
  });

  const cells = useMemo<GridCell[]>(() => (view ? ringCells(view.prizes) : []), [view]);

  const buy = useCampaignBuy({
    keyPrefix: 'lt',
    quote: (region) => lotteryApi.quote(claimDraw.current?.drawId ?? '', region),
    place: (body, key) => lotteryApi.claim(claimDraw.current?.drawId ?? '', body, key),
    backTo: async () => ({ page: LOTTERY_PAGE, params: { id: lotteryId ?? '' } }),
    onPaid: () => {
      toast('领取成功，奖品将尽快为你发出');
      setResult(null);
      void load();
    },
    onRefused: () => void load(),
  });

  function claim(drawId: string, prize: LotteryMyPrize['prize']): void {
    claimDraw.current = { drawId, prize };
    setClaimPrize(prize);
    setResult(null);
    buy.open();
  }

  async function draw(): Promise<void> {
    if (spinning || !view || !lotteryId) return;
    const session = await requireSession();
    if (!session) return;
    if (view.status !== 'live') {
      toast(view.status === 'upcoming' ? '抽奖还没开始，敬请期待' : '抽奖活动已结束');
      return;
    }
    if (view.drawsLeftToday <= 0) {
      toast('今日抽奖次数已用完，明天再来吧');
      return;
    }
    setSpinning(true);
    setResult(null);
    let position = active ?? 0;
    const started = Date.now();
    // The highlight runs round while the API draws; the API alone decides the result.
    const timer = setInterval(() => {
      position = (position + 1) % RING.length;
      setActive(position);
    }, 60);
    let answer: LotteryDrawResult;
    try {
      answer = await lotteryApi.draw(lotteryId);
    } catch (e) {
      clearInterval(timer);
      setSpinning(false);
      setActive(null);
      toast(refusalText(e, '抽奖失败，请稍后再试'));
      const code = errorCode(e);
      if (code === 'LOTTERY_NO_DRAWS_LEFT' || code === 'LOTTERY_NOT_LIVE') void load();
      return;
    }
    await sleep(Math.max(0, 800 - (Date.now() - started)));
    clearInterval(timer);
    // Slow down onto the cell of what was drawn: one more lap, then the distance to it.
    const target = stopIndex(cells, answer.prize?.id ?? null, answer.drawId.charCodeAt(0));
    const steps = ((target - position + RING.length) % RING.length) + RING.length;
    for (let i = 0; i < steps && alive.current; i += 1) {
      position = (position + 1) % RING.length;
      setActive(position);
      await sleep(50 + i * 12);
    }
    if (!alive.current) return;
    setView((before) => (before ? { ...before, drawsLeftToday: answer.drawsLeftToday } : before));
    setSpinning(false);
    setResult(answer);
    lotteryApi.mine(lotteryId).then(
      (prizes) => alive.current && setMine(prizes.items),
      () => undefined,
    );
  }

  const candle = view?.prizes.find((p) => p.kind === 'product') ?? null;
  const secondsLeft = view ? secondsUntil(view.status === 'upcoming' ? view.startsAt : view.endsAt) : 0;

  if (!user) {
    return (
      <View className="wm-page lt-page">
        <View className="lt-hero">
          <Text className="lt-hero__title">幸运抽奖</Text>
          <Text className="lt-hero__sub">好礼天天抽 · 100% 公示中奖概率</Text>
        </View>
        <View className="lt-signin">
          <Text className="lt-signin__text">登录后即可参与抽奖</Text>
          <View className="lt-signin__btn wm-lottery-signin" onClick={() => void requireSession()}>
            立即登录
          </View>
        </View>
        <DevSignInSheet />
      </View>
    );
  }

  if (error && !view) {
    return (
      <View className="wm-page lt-page">
        <EmptyState title="抽奖活动暂不可用" hint={error} />
        <DevSignInSheet />
      </View>
    );
  }

  if (!view) {
    return (
      <View className="wm-page lt-page">
        <View className="lt-loading">正在加载抽奖活动…</View>
      </View>
    );
  }

  const ringPosition = (gridIndex: number): number => RING.indexOf(gridIndex as (typeof RING)[number]);
  const prizeWon = result?.prize ?? null;

  return (
    <View className="wm-page lt-page">
      <View className="lt-hero">
        <Text className="lt-hero__title">{view.title}</Text>
        <Text className="lt-hero__sub">
          {STATUS_TEXT[view.status]} · 每人每天 {view.dailyDraws} 次机会
        </Text>
        <Text className="lt-hero__time">
          {view.status === 'ended'
            ? `已于 ${formatShanghai(view.endsAt, 'M月D日 HH:mm')} 结束`
            : `${view.status === 'upcoming' ? '距开始' : '距结束'} ${leftText(secondsLeft)}`}
        </Text>
      </View>

      <View className="lt-board">
        <View className="lt-board__lights" />
        <View className="lt-grid wm-lottery-grid">
          {Array.from({ length: 9 }, (_, gridIndex) => {
            if (gridIndex === 4) {
              const off = spinning || view.status !== 'live' || view.drawsLeftToday <= 0;
              return (
                <View
                  key="draw"
                  className={`lt-cell lt-draw wm-lottery-draw${off ? ' lt-draw--off' : ''}`}
                  onClick={() => void draw()}
                >
                  <Text className="lt-draw__label">{spinning ? '抽奖中' : '抽奖'}</Text>
                  <Text className="lt-draw__left">
                    今日剩余 <Text className="wm-lottery-draws-left">{view.drawsLeftToday}</Text> 次
                  </Text>
                </View>
              );
            }
            const position = ringPosition(gridIndex);
            const cell = cells[position];
            return (
              <View
                key={cell?.key ?? gridIndex}
                className={`lt-cell wm-lottery-cell${active === position ? ' lt-cell--active' : ''}${
                  cell?.prize && !cell.prize.inStock ? ' lt-cell--out' : ''
                }`}
              >
                <PrizeArt prize={cell?.prize ?? null} size="sm" />
                <Text className="lt-cell__title">{cell?.prize?.title ?? '谢谢参与'}</Text>
                {cell?.prize && !cell.prize.inStock ? <Text className="lt-cell__tag">已抽完</Text> : null}
              </View>
            );
          })}
        </View>
      </View>

      <View className="lt-invite">
        <Text className="lt-invite__text">好友通过你的邀请注册或下单，你可获得额外抽奖机会</Text>
        <View className="lt-invite__btn wm-lottery-poster" onClick={() => setPosterOpen(true)}>
          生成海报
        </View>
      </View>

      <View className="lt-card">
        <Text className="lt-card__title">我的奖品</Text>
        {mine === null ? <Text className="lt-card__empty">加载中…</Text> : null}
        {mine?.length === 0 ? <Text className="lt-card__empty">还没有奖品，快去抽一次吧</Text> : null}
        {(mine ?? []).map((item) => (
          <View key={item.drawId} className="lt-mine wm-lottery-my-prize">
            <PrizeArt prize={item.prize} size="sm" />
            <View className="lt-mine__body">
              <Text className="lt-mine__title">{item.prize.title}</Text>
              <Text className="lt-mine__time">{formatShanghai(item.drawnAt, 'M月D日 HH:mm')} 抽中</Text>
            </View>
            {item.status === 'unclaimed' ? (
              <View className="lt-mine__claim wm-lottery-claim" onClick={() => claim(item.drawId, item.prize)}>
                领取
              </View>
            ) : item.status === 'claimed' && item.orderId ? (
              <Text
                className="lt-mine__done wm-lottery-view-order"
                onClick={() => void openApp('mall', APP_PAGES.mall.orderDetail, { id: item.orderId ?? '' })}
              >
                已领取 · 查看订单 ›
              </Text>
            ) : (
              <Text className="lt-mine__done">{item.prize.kind === 'points' ? '已到账' : '已发放'}</Text>
            )}
          </View>
        ))}
      </View>

      <View className="lt-card wm-lottery-odds">
        <Text className="lt-card__title">概率公示</Text>
        <View className="lt-odds__head">
          <Text className="lt-odds__name">奖品</Text>
          <Text className="lt-odds__stock">库存</Text>
          <Text className="lt-odds__pct">中奖概率</Text>
        </View>
        {view.prizes.map((prize) => (
          <View key={prize.id} className="lt-odds__row wm-lottery-odds-row">
            <Text className="lt-odds__name">{prize.title}</Text>
            <Text className={`lt-odds__stock${prize.inStock ? '' : ' lt-odds__stock--out'}`}>
              {prize.inStock ? '有' : '无'}
            </Text>
            <Text className="lt-odds__pct wm-lottery-odds-percent">{prize.oddsPercent}</Text>
          </View>
        ))}
        <View className="lt-odds__row wm-lottery-odds-row">
          <Text className="lt-odds__name">谢谢参与</Text>
          <Text className="lt-odds__stock">—</Text>
          <Text className="lt-odds__pct wm-lottery-odds-percent">{view.missOddsPercent}</Text>
        </View>
        <Text className="lt-odds__note">
          以上为每次抽奖的实际中奖概率，合计 100%。某奖品抽完后，抽中该档视为谢谢参与，其他奖品概率不变。
        </Text>
      </View>

      <View className="lt-card lt-rules">
        <Text className="lt-card__title">活动规则</Text>
        <Text className="lt-rules__item">
          1. 活动时间：{formatShanghai(view.startsAt, 'M月D日 HH:mm')} 至 {formatShanghai(view.endsAt, 'M月D日 HH:mm')}
          。
        </Text>
        <Text className="lt-rules__item">
          2. 每人每天可抽 {view.dailyDraws} 次，次数按北京时间每日 0
          点重置；好友通过你的邀请注册或下单，你可获得额外抽奖机会。
        </Text>
        <Text className="lt-rules__item">
          3. 优惠券、积分抽中即发放到账户；实物奖品请在「我的奖品」中填写地址领取，包邮到家。
        </Text>
        <Text className="lt-rules__item">4. 中奖结果由服务器随机产生，概率如上公示，不受任何人为干预。</Text>
      </View>

      <Popup
        visible={result !== null}
        position="center"
        round
        closeable={false}
        onClose={() => setResult(null)}
        className="lt-result-popup"
      >
        <View className={`lt-result wm-lottery-result${prizeWon ? ' lt-result--won' : ''}`}>
          <Text className="lt-result__title wm-lottery-result-title">{prizeWon ? '恭喜中奖' : '谢谢参与'}</Text>
          <PrizeArt prize={prizeWon} size="lg" />
          <Text className="lt-result__prize">{prizeWon ? prizeWon.title : '差一点就中了，再接再厉！'}</Text>
          <Text className="lt-result__hint">
            {!prizeWon
              ? `今日还可抽 ${result?.drawsLeftToday ?? 0} 次`
              : prizeWon.kind === 'coupon'
                ? '优惠券已放入你的账户，可在商城「我的-优惠券」中使用'
                : prizeWon.kind === 'points'
                  ? `${prizeWon.points ?? ''} 积分已到账`
                  : '实物奖品包邮到家，填写收货地址即可领取'}
          </Text>
          {prizeWon?.kind === 'product' && result ? (
            <View className="lt-result__btn wm-lottery-result-claim" onClick={() => claim(result.drawId, prizeWon)}>
              立即领取
            </View>
          ) : (result?.drawsLeftToday ?? 0) > 0 ? (
            <View className="lt-result__btn wm-lottery-again" onClick={() => void draw()}>
              再抽一次
            </View>
          ) : null}
          <Text className="lt-result__close wm-lottery-result-close" onClick={() => setResult(null)}>
            {prizeWon ? '开心收下' : '知道了'}
          </Text>
        </View>
      </Popup>

      <BuySheet
        {...buy.sheet}
        priceLabel="奖品"
        unitPriceFen={0}
        imageUrl={claimPrize?.image ?? candle?.image ?? null}
        productTitle={claimPrize?.title ?? '实物奖品'}
        note="抽奖奖品 0 元领取、包邮到家，提交后即为你安排发货"
      />
      <SharePoster
        visible={posterOpen}
        onClose={() => setPosterOpen(false)}
        target={{ kind: 'lottery', id: view.id, app: 'campaign' }}
        content={{
          title: view.title,
          imageUrl: candle?.image ?? null,
          priceFen: null,
          priceLabel: '每日免费抽',
          tagline: `${candle ? `${candle.title}等好礼` : '好礼'}天天抽，每天 ${view.dailyDraws} 次机会`,
        }}
      />
      <DevSignInSheet />
    </View>
  );
}
