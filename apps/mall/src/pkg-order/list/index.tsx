import { ScrollView, Text, View } from '@tarojs/components';
import { useDidShow, useReachBottom, useRouter } from '@tarojs/taro';
import { ORDER_STATUSES, type Order, type OrderStatus } from '@wematrix/shared';
import { createWeMatrixClient, toastError } from '@wematrix/shared/taro';
import { DevSignInSheet, EmptyState, Price, requireSession } from '@wematrix/ui';
import { type ReactElement, useRef, useState } from 'react';
import { OrderLineRow } from '../../features/order/order-card-parts';
import { openOrder } from '../../features/order/order-pages';
import './index.scss';

const TABS: { status: OrderStatus | undefined; label: string }[] = [
  { status: undefined, label: '全部' },
  { status: 'pending_payment', label: '待付款' },
  { status: 'paid', label: '待发货' },
  { status: 'shipped', label: '待收货' },
  { status: 'completed', label: '已完成' },
  { status: 'after_sale', label: '售后' },
];

function statusFromParam(value: string | undefined): OrderStatus | undefined {
  return ORDER_STATUSES.find((s) => s === value);
}

export default function OrderListPage(): ReactElement {
  const { params } = useRouter();
  const { api } = createWeMatrixClient();
  const [status, setStatus] = useState<OrderStatus | undefined>(statusFromParam(params.status));
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  // Answers for a tab the shopper has already left are dropped.
  const shown = useRef<OrderStatus | undefined>(status);

  async function load(next: OrderStatus | undefined, after: string | null): Promise<void> {
    if (!(await requireSession())) return;
    setLoading(true);
    try {
      const page = await api.orders.list({ status: next, cursor: after ?? undefined, pageSize: 10 });
      if (shown.current !== next) return;
      setOrders((current) => (after && current ? [...current, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      toastError(e, '订单加载失败');
    } finally {
      setLoading(false);
    }
  }

  function switchTab(next: OrderStatus | undefined): void {
    shown.current = next;
    setStatus(next);
    setOrders(null);
    setCursor(null);
    void load(next, null);
  }

  useDidShow(() => void load(shown.current, null));
  useReachBottom(() => {
    if (cursor && !loading) void load(shown.current, cursor);
  });

  return (
    <View className="wm-page order-list">
      <ScrollView scrollX className="order-list__tabs" enhanced showScrollbar={false}>
        {TABS.map((tab) => (
          <Text
            key={tab.label}
            className={`order-list__tab wm-order-tab${tab.status === status ? ' order-list__tab--on' : ''}`}
            onClick={() => switchTab(tab.status)}
          >
            {tab.label}
          </Text>
        ))}
      </ScrollView>
      {orders && orders.length === 0 ? <EmptyState title="暂无相关订单" hint="去商城逛逛，挑几件喜欢的吧" /> : null}
      {orders === null ? <View className="order-list__loading">加载中…</View> : null}
      <View className="order-list__items">
        {(orders ?? []).map((order) => {
          const pieces = order.lines.reduce((sum, line) => sum + line.quantity, 0);
          const first = order.lines[0];
          return (
            <View key={order.id} className="order-card wm-order-card" onClick={() => openOrder(order.id)}>
              <View className="order-card__head">
                <Text className="order-card__no">订单 {order.orderNo}</Text>
                <Text className={`order-card__status order-card__status--${order.status}`}>{order.statusLabel}</Text>
              </View>
              {first ? <OrderLineRow line={first} /> : null}
              {order.lines.length > 1 ? <Text className="order-card__more">等 {order.lines.length} 种商品</Text> : null}
              <View className="order-card__foot">
                <Text className="order-card__count">共 {pieces} 件</Text>
                <Text className="order-card__label">{order.paidAt ? '实付' : '需付款'}</Text>
                <Price fen={order.totalFen} size="sm" />
              </View>
            </View>
          );
        })}
      </View>
      {orders && orders.length > 0 ? (
        <Text className="order-list__end">{cursor ? (loading ? '加载中…' : '上拉加载更多') : '没有更多了'}</Text>
      ) : null}
      <DevSignInSheet />
    </View>
  );
}
