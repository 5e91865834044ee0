import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { PointsMallItem, PointsMallItems } from '@wematrix/shared';
import { createWeMatrixClient, toast, toastError } from '@wematrix/shared/taro';
import { DevSignInSheet, EmptyState, requireSession } from '@wematrix/ui';
import { type ReactElement, useState } from 'react';
import { MEMBER_PAGES } from '../../features/address/address-events';
import { newIdempotencyKey } from '../../features/order/idempotency-key';
import './index.scss';

/** Why an item cannot be exchanged now (the button's words), or null when it can. */
function blocker(item: PointsMallItem, balance: number): string | null {
  if (item.remaining <= 0) return '已兑完';
  if (item.exchangedByMe >= item.perUserLimit) return '已兑换';
  if (balance < item.pointsCost) return '积分不足';
  return null;
}

/** 积分商城: coupons for points. The API checks balance, stock and limit again on exchange. */
export default function PointsMallPage(): ReactElement {
  const { api } = createWeMatrixClient();
  const [mall, setMall] = useState<PointsMallItems | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function load(): Promise<void> {
    if (!(await requireSession())) return;
    try {
      setMall(await api.pointsMall.items());
    } catch (e) {
      toastError(e, '积分商城加载失败');
    }
  }

  useDidShow(() => void load());

  async function exchange(item: PointsMallItem): Promise<void> {
    if (busy) return;
    const { confirm } = await Taro.showModal({
      title: '确认兑换',
      content: `使用 ${item.pointsCost} 积分兑换「${item.title}」？`,
      confirmColor: '#f0452d',
    });
    if (!confirm) return;
    setBusy(item.id);
    try {
      // One key per confirmed exchange: a retried request is the same exchange, never two.
      await api.pointsMall.exchange(item.id, newIdempotencyKey());
      toast('兑换成功，已放入我的优惠券');
      await load();
    } catch (e) {
      toastError(e, '兑换失败');
      await load();
    } finally {
      setBusy(null);
    }
  }

  const balance = mall?.balance ?? 0;
  return (
    <View className="wm-page points-mall">
      <View className="points-mall__hero">
        <View className="points-mall__balance-box">
          <Text className="points-mall__label">可用积分</Text>
          <Text className="points-mall__balance wm-mall-balance">{mall ? balance : '-'}</Text>
        </View>
        <Text
          className="points-mall__coupons wm-open-my-coupons"
          onClick={() => void Taro.navigateTo({ url: MEMBER_PAGES.coupons })}
        >
          我的优惠券 ›
        </Text>
      </View>
      <View className="points-mall__list">
        {mall && mall.items.length === 0 ? <EmptyState title="暂无可兑换的商品" hint="过几天再来看看" /> : null}
        {(mall?.items ?? []).map((item) => {
          const blocked = blocker(item, balance);
          return (
            <View key={item.id} className="points-mall__item wm-mall-item">
              <View className="points-mall__ticket">
                <Text className="points-mall__ticket-text">券</Text>
              </View>
              <View className="points-mall__main">
                <Text className="points-mall__title">{item.title}</Text>
                {item.subtitle ? <Text className="points-mall__subtitle">{item.subtitle}</Text> : null}
                <Text className="points-mall__meta">
                  剩余 {item.remaining} · 每人限兑 {item.perUserLimit}
                  {item.exchangedByMe > 0 ? ` · 已兑 ${item.exchangedByMe}` : ''}
                </Text>
                <View className="points-mall__row">
                  <Text className="points-mall__price">
                    {item.pointsCost}
                    <Text className="points-mall__price-unit"> 积分</Text>
                  </Text>
                  <Button
                    className="points-mall__button wm-mall-exchange"
                    type="primary"
                    size="small"
                    disabled={blocked !== null || busy !== null}
                    loading={busy === item.id}
                    onClick={() => void exchange(item)}
                  >
                    {blocked ?? '兑换'}
                  </Button>
                </View>
              </View>
            </View>
          );
        })}
      </View>
      <Text className="points-mall__note">兑换的优惠券放入「我的优惠券」，有效期自兑换时起算；积分兑换后不退回。</Text>
      <DevSignInSheet />
    </View>
  );
}
