import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import {
  type AfterSale,
  canRequestAfterSale,
  formatCountdown,
  formatFen,
  formatShanghai,
  maskPhone,
  type Order,
  orderCountdown,
  shopperActions,
} from '@wematrix/shared';
import {
  askSubscribe,
  createWeMatrixClient,
  prefetchSubscribeTemplates,
  toast,
  toastError,
  useCart,
} from '@wematrix/shared/taro';
import { DevSignInSheet, EmptyState, Price, requireSession } from '@wematrix/ui';
import { type ReactElement, useEffect, useState } from 'react';
import { OrderLineRow } from '../../features/order/order-card-parts';
import { ORDER_PAGES } from '../../features/order/order-pages';
import { payOrder, waitForPaid } from '../../features/order/pay-order';
import './index.scss';

const REFUND_REASONS = ['不想要了', '拍错了/多拍了', '地址信息填写错误', '其他原因'];

const STATUS_HINT: Partial<Record<Order['status'], string>> = {
  paid: '商家正在备货，发货后可查看物流',
  after_sale: '退款申请已提交，款项将原路退回',
  refunded: '款项已原路退回，请留意微信支付通知',
  completed: '交易完成，感谢你的信任',
};

/**
 * The sandbox's pay page sends the browser back with result=paid in the query before the
 * hash (where Taro's hash router does not look), so H5 reads the location too.
 */
function returnedPaid(param: string | undefined): boolean {
  if (param === 'paid') return true;
  if (process.env.TARO_ENV !== 'h5' || new URLSearchParams(window.location.search).get('result') !== 'paid') {
    return false;
  }
  // Once read, drop it, so a later visit does not take it for a new payment.
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.hash}`);
  return true;
}

/** Ticks once a second while a countdown is on screen. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export default function OrderDetailPage(): ReactElement {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { api } = createWeMatrixClient();
  const [order, setOrder] = useState<Order | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [afterSale, setAfterSale] = useState<AfterSale | null>(null);
  const [unreviewed, setUnreviewed] = useState(0);
  const cart = useCart();

  async function load(): Promise<void> {
    if (!id || !(await requireSession())) return;
    try {
      const current = await api.orders.get(id);
      setOrder(current);
      setError(null);
      // What the bottom bar and the 售后 card need; a failure here only hides them.
      const [afterSales, reviews] = await Promise.all([
        api.afterSales.ofOrder(id).catch(() => ({ items: [] })),
        current.status === 'completed' ? api.reviews.ofOrder(id).catch(() => null) : Promise.resolve(null),
      ]);
      setAfterSale(afterSales.items[0] ?? null);
      setUnreviewed(reviews ? current.lines.filter((l) => !reviews.items.some((r) => r.skuId === l.skuId)).length : 0);
    } catch (e) {
      setError(e instanceof Error ? e.message : '订单加载失败');
    }
  }

  useDidShow(() => {
    void (async () => {
      // Back from the H5 sandbox pay page: ask the server (it checks with WeChat Pay).
      if (returnedPaid(params.result) && (await requireSession())) {
        const paid = await waitForPaid(api, id).catch(() => false);
        toast(paid ? '支付成功' : '支付结果确认中，请稍后刷新');
      }
      await load();
    })();
  });
  // The 退款通知 template id must be known before the 申请退款 / 申请售后 tap (WeChat asks only from a tap).
  useEffect(() => prefetchSubscribeTemplates('mall'), []);

  const countdown = order ? orderCountdown(order, Date.now()) : null;
  const now = useNow(countdown !== null);
  const live = order ? orderCountdown(order, now) : null;

  async function act(run: () => Promise<unknown>, done: string): Promise<void> {
    if (busy) return;
    setBusy(true);
    try {
      await run();
      toast(done);
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
      await load();
    }
  }

  async function pay(current: Order): Promise<void> {
    if (busy) return;
    setBusy(true);
    try {
      const outcome = await payOrder(api, current.id);
      if (outcome === 'paid') toast('支付成功');
      if (outcome === 'pending') toast('支付结果确认中，请稍后刷新');
    } catch (e) {
      toastError(e, '支付未完成，请稍后重试');
    } finally {
      setBusy(false);
      await load();
    }
  }

  function cancel(current: Order): void {
    void Taro.showModal({
      title: '取消订单',
      content: '确定取消这个订单吗？已用的优惠券和积分会退回。',
      confirmColor: '#f0452d',
    }).then((res) => {
      if (res.confirm) void act(() => api.orders.cancel(current.id), '订单已取消');
    });
  }

  function refund(current: Order): void {
    // The 退款通知 sheet first, inside the tap (WeChat asks only from one), then the reasons.
    void askSubscribe('mall', ['refund_succeeded'])
      .then(() => Taro.showActionSheet({ itemList: REFUND_REASONS }))
      .then(
        (res) =>
          void act(() => api.orders.refund(current.id, REFUND_REASONS[res.tapIndex] ?? '其他原因'), '退款申请已提交'),
        () => undefined,
      );
  }

  /** 再次购买: the same SKUs and quantities into the cart (today's prices), then the cart. */
  async function buyAgain(current: Order): Promise<void> {
    if (busy) return;
    setBusy(true);
    let added = 0;
    for (const line of current.lines) {
      if (await cart.add({ skuId: line.skuId, quantity: line.quantity })) added += 1;
    }
    setBusy(false);
    if (added === 0) return toast(cart.error ?? '商品已下架或售罄');
    if (added < current.lines.length) toast('部分商品已售罄，其余已加入购物车');
    void Taro.switchTab({ url: '/pages/cart/index' });
  }

  function confirm(current: Order): void {
    void Taro.showModal({ title: '确认收货', content: '确认已收到商品吗？', confirmColor: '#f0452d' }).then((res) => {
      if (res.confirm) void act(() => api.orders.confirm(current.id), '已确认收货');
    });
  }

  if (error && !order) return <EmptyState title="订单加载失败" hint={error} />;
  if (!order) return <View className="order-detail__loading">加载中…</View>;

  const actions = shopperActions(order.status);
  const canBuyAgain = order.status === 'completed' || order.status === 'cancelled' || order.status === 'refunded';
  const openAfterSale = afterSale?.status === 'pending' || afterSale?.status === 'approved';
  // 待发货 has the instant 申请退款; after shipping, refunds go through the shop (申请售后).
  const canAfterSale = canRequestAfterSale(order.status) && order.status !== 'paid' && !openAfterSale;
  const canReview = order.status === 'completed' && unreviewed > 0;
  const openPage = (url: string) => void Taro.navigateTo({ url: `${url}?id=${encodeURIComponent(order.id)}` });
  const copyNo = () => void Taro.setClipboardData({ data: order.orderNo });

  return (
    <View className="wm-page order-detail">
      <View className="order-detail__hero">
        <Text className="order-detail__status wm-order-status">{order.statusLabel}</Text>
        {live ? (
          <Text className="order-detail__countdown">
            {live.parts.over ? '处理中…' : `${live.label} ${formatCountdown(live.parts)}`}
          </Text>
        ) : (
          <Text className="order-detail__countdown">
            {order.status === 'cancelled'
              ? order.cancelReason === 'pay_timeout'
                ? '超时未支付，订单已自动取消'
                : '订单已取消'
              : (STATUS_HINT[order.status] ?? '')}
          </Text>
        )}
      </View>

      <View className="order-detail__card">
        <View className="order-detail__who">
          <Text className="order-detail__name">{order.address.recipient}</Text>
          <Text className="order-detail__phone">{maskPhone(order.address.phone)}</Text>
        </View>
        <Text className="order-detail__line">
          {order.address.province} {order.address.city} {order.address.district} {order.address.detail}
        </Text>
        {order.shipment ? (
          <Text className="order-detail__shipment">
            {order.shipment.company} · 运单号 {order.shipment.trackingNo}
          </Text>
        ) : null}
      </View>

      {afterSale ? (
        <View className="order-detail__card order-detail__after-sale wm-after-sale-card">
          <View className="order-detail__row">
            <Text>售后 · {afterSale.kindLabel}</Text>
            <Text className="order-detail__minus wm-after-sale-status">{afterSale.statusLabel}</Text>
          </View>
          <Text className="order-detail__after-sale-line">
            原因：{afterSale.reasonLabel}
            {afterSale.reasonText ? `，${afterSale.reasonText}` : ''} · 退款 {formatFen(afterSale.refundFen)}
          </Text>
          {afterSale.operatorComment ? (
            <Text className="order-detail__after-sale-line">商家回复：{afterSale.operatorComment}</Text>
          ) : null}
        </View>
      ) : null}

      <View className="order-detail__card">
        {order.lines.map((line) => (
          <OrderLineRow key={line.skuId} line={line} />
        ))}
      </View>

      <View className="order-detail__card">
        <View className="order-detail__row">
          <Text>商品金额</Text>
          <Text>{formatFen(order.subtotalFen)}</Text>
        </View>
        <View className="order-detail__row">
          <Text>运费</Text>
          <Text>{order.shippingFeeFen === 0 ? '免运费' : formatFen(order.shippingFeeFen)}</Text>
        </View>
        {order.couponDiscountFen > 0 ? (
          <View className="order-detail__row">
            <Text>优惠券</Text>
            <Text className="order-detail__minus">-{formatFen(order.couponDiscountFen)}</Text>
          </View>
        ) : null}
        {order.pointsDiscountFen > 0 ? (
          <View className="order-detail__row">
            <Text>积分抵扣（{order.pointsUsed} 积分）</Text>
            <Text className="order-detail__minus">-{formatFen(order.pointsDiscountFen)}</Text>
          </View>
        ) : null}
        <View className="order-detail__row order-detail__row--total">
          <Text>{order.paidAt ? '实付款' : '需付款'}</Text>
          <Price fen={order.totalFen} className="wm-order-total" />
        </View>
      </View>

      <View className="order-detail__card order-detail__meta">
        <View className="order-detail__row">
          <Text>订单编号</Text>
          <Text className="order-detail__copy wm-order-no" onClick={copyNo}>
            {order.orderNo} 复制
          </Text>
        </View>
        <View className="order-detail__row">
          <Text>下单时间</Text>
          <Text>{formatShanghai(order.createdAt, 'YYYY-MM-DD HH:mm:ss')}</Text>
        </View>
        {order.paidAt ? (
          <View className="order-detail__row">
            <Text>支付时间</Text>
            <Text>{formatShanghai(order.paidAt, 'YYYY-MM-DD HH:mm:ss')}</Text>
          </View>
        ) : null}
      </View>

      {actions.length > 0 || canBuyAgain || canAfterSale ? (
        <View className="order-detail__bar">
          {canAfterSale ? (
            <View
              className="order-detail__btn wm-order-after-sale"
              onClick={() =>
                void askSubscribe('mall', ['refund_succeeded']).then(() => openPage(ORDER_PAGES.afterSale))
              }
            >
              申请售后
            </View>
          ) : null}
          {canReview ? (
            <View className="order-detail__btn wm-order-review" onClick={() => openPage(ORDER_PAGES.review)}>
              评价晒单
            </View>
          ) : null}
          {canBuyAgain ? (
            <View
              className="order-detail__btn order-detail__btn--main wm-order-again"
              onClick={() => void buyAgain(order)}
            >
              再次购买
            </View>
          ) : null}
          {actions.includes('cancel') ? (
            <View className="order-detail__btn wm-order-cancel" onClick={() => cancel(order)}>
              取消订单
            </View>
          ) : null}
          {actions.includes('request_after_sale') && order.status === 'paid' ? (
            <View className="order-detail__btn wm-order-refund" onClick={() => refund(order)}>
              申请退款
            </View>
          ) : null}
          {actions.includes('confirm') ? (
            <View className="order-detail__btn order-detail__btn--main wm-order-confirm" onClick={() => confirm(order)}>
              确认收货
            </View>
          ) : null}
          {actions.includes('pay') ? (
            <View className="order-detail__btn order-detail__btn--main wm-order-pay" onClick={() => void pay(order)}>
              {busy ? '请稍候…' : `去支付 ${formatFen(order.totalFen)}`}
            </View>
          ) : null}
        </View>
      ) : null}
      <DevSignInSheet />
    </View>
  );
}
