import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import { formatFen, formatShanghai, type Points, type PointsEntry } from '@wematrix/shared';
import { createWeMatrixClient, toastError } from '@wematrix/shared/taro';
import { DevSignInSheet, EmptyState, requireSession } from '@wematrix/ui';
import { type ReactElement, useState } from 'react';
import { MEMBER_PAGES } from '../../features/address/address-events';
import './index.scss';

const REASON_LABELS: Record<string, string> = {
  order_spend: '下单抵扣',
  order_refund: '订单取消退回',
  grant: '活动赠送',
  mall_exchange: '积分兑换',
};

/** 我的积分: balance, what it is worth, and every change (newest first). */
export default function PointsPage(): ReactElement {
  const { api } = createWeMatrixClient();
  const [points, setPoints] = useState<Points | null>(null);
  const [entries, setEntries] = useState<PointsEntry[]>([]);
  const [loading, setLoading] = useState(false);

  async function load(cursor?: string): Promise<void> {
    if (!(await requireSession())) return;
    setLoading(true);
    try {
      const page = await api.points(cursor);
      setPoints(page);
      setEntries((current) => (cursor ? [...current, ...page.history] : page.history));
    } catch (e) {
      toastError(e, '积分加载失败');
    } finally {
      setLoading(false);
    }
  }

  useDidShow(() => void load());
  useReachBottom(() => {
    if (points?.nextCursor && !loading) void load(points.nextCursor);
  });

  return (
    <View className="wm-page points">
      <View className="points__hero">
        <Text className="points__label">可用积分</Text>
        <Text className="points__balance wm-points-balance">{points ? points.balance : '-'}</Text>
        {points ? (
          <Text className="points__worth">
            {100} 积分 = {formatFen(100 * points.fenPerPoint)}，下单时可直接抵扣
          </Text>
        ) : null}
        <Text
          className="points__mall wm-open-points-mall"
          onClick={() => void Taro.navigateTo({ url: MEMBER_PAGES.pointsMall })}
        >
          去积分商城兑好券 ›
        </Text>
      </View>
      <View className="points__list">
        <Text className="points__heading">积分明细</Text>
        {points && entries.length === 0 ? <EmptyState title="还没有积分记录" hint="购物和参与活动可获得积分" /> : null}
        {entries.map((entry) => (
          <View key={entry.id} className="points__row">
            <View className="points__row-main">
              <Text className="points__reason">{REASON_LABELS[entry.reason] ?? '积分变动'}</Text>
              <Text className="points__time">{formatShanghai(entry.createdAt, 'YYYY-MM-DD HH:mm')}</Text>
            </View>
            <Text className={`points__delta${entry.delta > 0 ? ' points__delta--plus' : ''}`}>
              {entry.delta > 0 ? `+${entry.delta}` : entry.delta}
            </Text>
          </View>
        ))}
        {entries.length > 0 ? (
          <Text className="points__end">
            {points?.nextCursor ? (loading ? '加载中…' : '上拉加载更多') : '没有更多了'}
          </Text>
        ) : null}
      </View>
      <DevSignInSheet />
    </View>
  );
}
