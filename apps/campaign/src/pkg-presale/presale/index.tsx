import { Clock, Share } from '@nutui/icons-react-taro';
import { Image, Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { APP_PAGES, formatFen, formatShanghai, type PresaleView } from '@wematrix/shared';
import { assetUrl, openApp, toast, useSession } from '@wematrix/shared/taro';
import { DevSignInSheet, EmptyState, OriginalPrice, Price, requireSession } from '@wematrix/ui';
import { type ReactElement, useCallback, useEffect, useRef, useState } from 'react';
import { BigCountdown } from '../../features/campaign-buy/big-countdown';
import { returnedFromPayPage, waitForPaid } from '../../features/campaign-buy/pay-campaign-order';
import { useCampaignBuy } from '../../features/campaign-buy/use-campaign-buy';
import { useServerClock } from '../../features/campaign-buy/use-server-clock';
import { presaleApi, refusalText } from '../../features/lottery-presale/lottery-presale-api';
import { PRESALE_PAGE } from '../../features/lottery-presale/lottery-presale-pages';
import { SharePoster } from '../../features/share-poster';
import { PresaleSheet } from './presale-sheet';
import { nextStepText, rungCondition, soldPercent } from './presale-text';
import '../../features/campaign-buy/campaign-buy.scss';
import './index.scss';

const STATUS_TEXT: Record<PresaleView['status'], string> = {
  upcoming: '即将开始',
  live: '预售中',
  sold_out: '已售罄',
  ended: '预售已结束',
};

/**
 * 预售 (`id` = the presale): the product, the price ladder (限量预售 → 限时抢购 → 阶梯涨价)
 * with the rung in force lit and what moves it next (再售N件涨至¥x, or the time), 预计发货,
 * sold / stock, the countdown to the end on the server's clock, a quantity within the per-shopper
 * limit, then 立即预订 → 确认订单 (the API's quote at the current rung) → order → pay like the mall.
 */
export default function PresalePage(): ReactElement {
  const { params } = useRouter();
  const { user } = useSession();
  const { timed, secondsUntil } = useServerClock();
  const presaleId = params.id ? decodeURIComponent(params.id) : null;
  const [presale, setPresale] = useState<PresaleView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [quantity, setQuantity] = useState(1);
  const [paidOrderId, setPaidOrderId] = useState<string | null>(null);
  const [posterOpen, setPosterOpen] = useState(false);
  const quantityRef = useRef(1);
  quantityRef.current = quantity;
  const handledReturn = useRef(false);

  const load = useCallback(async (): Promise<void> => {
    if (!presaleId) {
      setError('没有找到这个预售活动');
      return;
    }
    try {
      const { presale: view } = await timed(() => presaleApi.get(presaleId));
      setPresale(view);
      setError(null);
    } catch (e) {
      setError(refusalText(e, '预售活动加载失败'));
    }
  }, [presaleId, timed]);

  useEffect(() => {
    void load();
  }, [load]);
  useDidShow(() => {
    if (presale) void load();
  });

  const buy = useCampaignBuy({
    keyPrefix: 'ps',
    quote: (region) => presaleApi.quote(presaleId ?? '', quantityRef.current, region),
    place: (body, key) => presaleApi.order(presaleId ?? '', quantityRef.current, body, key),
    backTo: async () => ({ page: PRESALE_PAGE, params: { id: presaleId ?? '' } }),
    onPaid: (order) => {
      setPaidOrderId(order.id);
      toast('预订成功');
      void load();
    },
    onRefused: () => void load(),
  });

  // H5: back from the sandbox's pay page with ?result=paid|cancel and the order in the hash.
  useEffect(() => {
    if (handledReturn.current || !user) return;
    handledReturn.current = true;
    const result = returnedFromPayPage();
    const orderId = params.order ? decodeURIComponent(params.order) : null;
    if (!result || !orderId) return;
    if (result === 'cancel') {
      toast('支付已取消，30 分钟内可在商城订单中继续支付');
      return;
    }
    void waitForPaid(orderId)
      .catch(() => false)
      .then((paid) => {
        if (paid) {
          setPaidOrderId(orderId);
          toast('预订成功');
          void load();
        } else toast('支付结果确认中，请稍后在商城订单中查看');
      });
  });

  const target = presale ? (presale.status === 'upcoming' ? presale.startsAt : presale.endsAt) : null;
  const seconds = target ? secondsUntil(target) : 0;
  // The window opened or closed on the server's clock: ask the API for the new state once.
  const crossed = useRef<string | null>(null);
  useEffect(() => {
    if (!presale || !target || seconds > 0 || crossed.current === target) return;
    if (presale.status === 'upcoming' || presale.status === 'live') {
      crossed.current = target;
      void load();
    }
  }, [presale, target, seconds, load]);

  if (error && !presale) {
    return (
      <View className="wm-page ps-page">
        <EmptyState title="预售活动暂不可用" hint={error} />
      </View>
    );
  }
  if (!presale) {
    return (
      <View className="wm-page ps-page">
        <View className="ps-loading">正在加载预售…</View>
      </View>
    );
  }

  const left = Math.max(0, presale.stock - presale.sold);
  const maxQuantity = Math.max(1, Math.min(presale.perUserLimit, left, 99));
  const live = presale.status === 'live';
  const next = nextStepText(presale);
  const percent = soldPercent(presale.sold, presale.stock);

  async function book(): Promise<void> {
    if (!live) return;
    const session = await requireSession();
    if (!session) return;
    buy.open();
  }

  return (
    <View className="wm-page ps-page">
      <View className="ps-media">
        <Image className="ps-media__image" src={assetUrl(presale.imageUrl)} mode="aspectFill" />
        <Text className="ps-media__tag">全款预售</Text>
      </View>

      <View className="ps-band">
        <View className="ps-band__price">
          <Text className="ps-band__label wm-presale-rung-label">{presale.current.label}</Text>
          <Price fen={presale.current.priceFen} className="ps-band__figure wm-presale-price" />
          <OriginalPrice fen={presale.listPriceFen} than={presale.current.priceFen} />
        </View>
        <View className="ps-band__timer">
          {presale.status === 'upcoming' || live ? (
            <>
              <Text className="ps-band__timer-label">{live ? '距预售结束' : '距预售开始'}</Text>
              <BigCountdown seconds={seconds} className="cb-countdown--light wm-presale-countdown" />
            </>
          ) : (
            <Text className="ps-band__timer-label ps-band__status">{STATUS_TEXT[presale.status]}</Text>
          )}
        </View>
      </View>

      <View className="ps-card ps-head">
        <Text className="ps-head__title">{presale.title}</Text>
        {presale.specText ? <Text className="ps-head__spec">{presale.specText}</Text> : null}
        <View className="ps-ship wm-presale-ships">
          <Clock className="ps-ship__icon" size={16} />
          <Text>
            预计 <Text className="ps-ship__date">{formatShanghai(presale.shipsAt, 'M月D日')}</Text> 前发货 · 每人限购{' '}
            {presale.perUserLimit} 件
          </Text>
        </View>
        <View className="ps-progress wm-presale-progress">
          <View className="ps-progress__bar">
            <View className="ps-progress__fill" style={{ width: `${percent}%` }} />
          </View>
          <Text className="ps-progress__text">
            已预订 {presale.sold} 件 · 剩余 {left} 件
          </Text>
        </View>
      </View>

      <View className="ps-card wm-presale-ladder">
        <View className="ps-ladder__head">
          <Text className="ps-card__title">阶梯价格</Text>
          <Text className="ps-ladder__hint">越早下单越划算</Text>
        </View>
        <View className="ps-ladder">
          {presale.ladder.steps.map((step, index) => {
            const state = index === presale.current.step ? 'current' : index < presale.current.step ? 'past' : 'future';
            return (
              <View
                key={`${step.from}-${step.label}`}
                className={`ps-rung ps-rung--${state} wm-presale-rung${state === 'current' ? ' wm-presale-rung--current' : ''}`}
              >
                {state === 'current' ? <Text className="ps-rung__now">当前</Text> : null}
                <Text className="ps-rung__label">{step.label}</Text>
                <Text className="ps-rung__price">{formatFen(step.priceFen)}</Text>
                <Text className="ps-rung__cond">{rungCondition(presale, index)}</Text>
              </View>
            );
          })}
        </View>
        <Text className="ps-ladder__next wm-presale-next">{next ? `${next}，早订早省` : '已是最终价格'}</Text>
      </View>

      <View className="ps-card ps-qty">
        <View className="ps-qty__text">
          <Text className="ps-card__title">购买数量</Text>
          <Text className="ps-qty__limit">每人限购 {presale.perUserLimit} 件</Text>
        </View>
        <View className="ps-stepper wm-presale-stepper">
          <View
            className={`ps-stepper__btn wm-presale-minus${quantity <= 1 ? ' ps-stepper__btn--off' : ''}`}
            onClick={() => setQuantity((q) => Math.max(1, q - 1))}
          >
            −
          </View>
          <Text className="ps-stepper__value wm-presale-quantity">{quantity}</Text>
          <View
            className={`ps-stepper__btn wm-presale-plus${quantity >= maxQuantity ? ' ps-stepper__btn--off' : ''}`}
            onClick={() => {
              if (quantity >= maxQuantity) toast(`每人限购 ${presale.perUserLimit} 件`);
              setQuantity((q) => Math.min(maxQuantity, q + 1));
            }}
          >
            ＋
          </View>
        </View>
      </View>

      <View className="ps-card ps-rules">
        <Text className="ps-card__title">预售说明</Text>
        <Text className="ps-rules__item">1. 全款预售：下单时锁定当前阶梯价，之后涨价不影响已下单的订单。</Text>
        <Text className="ps-rules__item">
          2. 预售时间 {formatShanghai(presale.startsAt, 'M月D日 HH:mm')} —{' '}
          {formatShanghai(presale.endsAt, 'M月D日 HH:mm')}
          ，预计 {formatShanghai(presale.shipsAt, 'M月D日')} 前发货。
        </Text>
        <Text className="ps-rules__item">3. 预售价不与优惠券、积分同享；未付款订单 30 分钟后自动取消。</Text>
        <Text className="ps-rules__item">4. 发货前可在商城订单中申请退款，款项原路退回。</Text>
      </View>

      {paidOrderId ? (
        <View className="ps-paid wm-presale-paid">
          <View className="ps-paid__text">
            <Text className="ps-paid__title">预订成功，订单已支付</Text>
            <Text className="ps-paid__hint">
              预计 {formatShanghai(presale.shipsAt, 'M月D日')} 前发货，发货后可查看物流
            </Text>
          </View>
          <Text
            className="ps-paid__link wm-presale-view-order"
            onClick={() => void openApp('mall', APP_PAGES.mall.orderDetail, { id: paidOrderId })}
          >
            查看订单
          </Text>
        </View>
      ) : null}

      <View className="ps-bar">
        <View className="ps-bar__share wm-presale-poster" onClick={() => setPosterOpen(true)}>
          <Share className="ps-bar__share-icon" size={20} />
          <Text>生成海报</Text>
        </View>
        <View className="ps-bar__total">
          <Text className="ps-bar__total-label">{live ? `共${quantity}件` : STATUS_TEXT[presale.status]}</Text>
          {live ? <Price fen={presale.current.priceFen * quantity} size="sm" /> : null}
        </View>
        <View className={`ps-bar__book wm-presale-book${live ? '' : ' ps-bar__book--off'}`} onClick={() => void book()}>
          {live ? '立即预订' : STATUS_TEXT[presale.status]}
        </View>
      </View>

      <PresaleSheet
        {...buy.sheet}
        quantity={quantity}
        unitPriceFen={presale.current.priceFen}
        priceLabel={presale.current.label}
        imageUrl={presale.imageUrl}
        title={presale.title}
        specText={presale.specText}
        shipsAt={presale.shipsAt}
      />
      <SharePoster
        visible={posterOpen}
        onClose={() => setPosterOpen(false)}
        target={{ kind: 'product', id: presale.productId, app: 'mall' }}
        content={{
          title: presale.title,
          imageUrl: presale.imageUrl,
          priceFen: presale.current.priceFen,
          priceLabel: presale.current.label,
          originalPriceFen: presale.listPriceFen,
          tagline: `预计${formatShanghai(presale.shipsAt, 'M月D日')}前发货 · ${next ?? '限量预售'}`,
        }}
      />
      <DevSignInSheet />
    </View>
  );
}
