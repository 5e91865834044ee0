import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import {
  type ClaimableCoupon,
  couponRuleText,
  formatShanghai,
  type UserCoupon,
  type UserCouponStatus,
} from '@wematrix/shared';
import { createWeMatrixClient, toast, toastError } from '@wematrix/shared/taro';
import { DevSignInSheet, EmptyState, requireSession } from '@wematrix/ui';
import { type ReactElement, useState } from 'react';
import './index.scss';

const TABS: { status: UserCouponStatus; label: string }[] = [
  { status: 'available', label: '可使用' },
  { status: 'used', label: '已使用' },
  { status: 'expired', label: '已过期' },
];

function CouponCard({
  coupon,
  muted,
  side,
}: {
  coupon: Pick<
    UserCoupon,
    'title' | 'kind' | 'thresholdFen' | 'amountFen' | 'percentOffBps' | 'capFen' | 'newUserOnly'
  >;
  muted: boolean;
  side: ReactElement;
}): ReactElement {
  return (
    <View className={`coupon-card${muted ? ' coupon-card--muted' : ''}`}>
      <View className="coupon-card__main">
        <Text className="coupon-card__rule">{couponRuleText(coupon)}</Text>
        <Text className="coupon-card__title">
          {coupon.title}
          {coupon.newUserOnly ? ' · 新人专享' : ''}
        </Text>
      </View>
      <View className="coupon-card__side">{side}</View>
    </View>
  );
}

/** 我的优惠券 with the 领券中心 on top: claim, then see it under 可使用. */
export default function CouponsPage(): ReactElement {
  const { api } = createWeMatrixClient();
  const [status, setStatus] = useState<UserCouponStatus>('available');
  const [mine, setMine] = useState<UserCoupon[] | null>(null);
  const [offers, setOffers] = useState<ClaimableCoupon[]>([]);
  const [claiming, setClaiming] = useState<string | null>(null);

  async function load(next: UserCouponStatus): Promise<void> {
    if (!(await requireSession())) return;
    try {
      const [list, claimable] = await Promise.all([api.coupons.mine(next), api.coupons.claimable()]);
      setMine(list.items);
      setOffers(claimable.items);
    } catch (e) {
      toastError(e, '优惠券加载失败');
    }
  }

  useDidShow(() => void load(status));

  async function claim(offer: ClaimableCoupon): Promise<void> {
    if (claiming) return;
    setClaiming(offer.templateId);
    try {
      await api.coupons.claim(offer.templateId);
      toast('领取成功');
      await load(status);
    } catch (e) {
      toastError(e, '领取失败');
    } finally {
      setClaiming(null);
    }
  }

  const open = offers.filter((o) => o.remaining > 0 && o.claimedByMe < o.perUserLimit);

  return (
    <View className="wm-page coupons">
      {open.length > 0 ? (
        <View className="coupons__center">
          <Text className="coupons__heading">领券中心</Text>
          {open.map((offer) => (
            <CouponCard
              key={offer.templateId}
              coupon={offer}
              muted={false}
              side={
                <Text className="coupon-card__claim wm-coupon-claim" onClick={() => void claim(offer)}>
                  {claiming === offer.templateId ? '领取中' : '立即领取'}
                </Text>
              }
            />
          ))}
        </View>
      ) : null}

      <View className="coupons__tabs">
        {TABS.map((tab) => (
          <Text
            key={tab.status}
            className={`coupons__tab wm-coupon-tab${tab.status === status ? ' coupons__tab--on' : ''}`}
            onClick={() => {
              setStatus(tab.status);
              setMine(null);
              void load(tab.status);
            }}
          >
            {tab.label}
          </Text>
        ))}
      </View>
      {mine === null ? <View className="coupons__loading">加载中…</View> : null}
      {mine && mine.length === 0 ? (
        <EmptyState title="这里还没有优惠券" hint={status === 'available' ? '去上方领券中心看看' : ''} />
      ) : null}
      {(mine ?? []).map((coupon) => (
        <CouponCard
          key={coupon.id}
          coupon={coupon}
          muted={status !== 'available'}
          side={
            <Text className="coupon-card__date">
              {status === 'used' && coupon.usedAt
                ? `${formatShanghai(coupon.usedAt, 'MM-DD')} 已使用`
                : `${formatShanghai(coupon.validUntil, 'YYYY-MM-DD')} 到期`}
            </Text>
          }
        />
      ))}
      <DevSignInSheet />
    </View>
  );
}
