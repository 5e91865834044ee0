import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { APP_PAGES, type OrderCounts, type OrderStatus } from '@wematrix/shared';
import { createWeMatrixClient, openApp, useCart, useSession } from '@wematrix/shared/taro';
import { Avatar, DevSignInSheet, openSignInSheet } from '@wematrix/ui';
import { type ReactElement, useEffect, useState } from 'react';
import { ADDRESS_PAGES, MEMBER_PAGES } from '../../features/address/address-events';
import { useCartTabBadge } from '../../features/cart/tab-badge';
import { MemberCard } from '../../features/member/member-card';
import { openOrderList } from '../../features/order/order-pages';
import './index.scss';

const ORDER_TABS: { status: OrderStatus; label: string }[] = [
  { status: 'pending_payment', label: '待付款' },
  { status: 'paid', label: '待发货' },
  { status: 'shipped', label: '待收货' },
  { status: 'after_sale', label: '退款/售后' },
];

function showServiceHelp(): void {
  void Taro.showModal({
    title: '联系客服',
    content: '在微信中打开商城可直接发起客服会话。服务时间 9:00–21:00，也可致电 400-000-0000（演示号码）。',
    showCancel: false,
    confirmText: '知道了',
  });
}

export default function MePage(): ReactElement {
  const { user, signOut } = useSession();
  const { count } = useCart({ refreshOnShow: true });
  useCartTabBadge(count);
  const h5 = process.env.TARO_ENV === 'h5';
  const [counts, setCounts] = useState<OrderCounts | null>(null);
  // On sign-in and every time the tab shows: an order placed or paid elsewhere moves a count.
  const signedIn = user !== null;
  const loadCounts = () => {
    if (!signedIn) return setCounts(null);
    createWeMatrixClient()
      .api.orders.counts()
      .then(setCounts, () => setCounts(null));
  };
  useEffect(loadCounts, [signedIn]);
  useDidShow(loadCounts);

  return (
    <View className="wm-page me">
      <View className="me__hero">
        {user ? (
          <View className="me__user">
            <Avatar url={user.avatarUrl} name={user.nickname} size={120} />
            <View className="me__user-text">
              <Text className="me__name wm-current-user">{user.nickname}</Text>
              <Text className="me__sub">{user.demoKey ? `体验账号 · ${user.demoKey}` : '微信用户'}</Text>
            </View>
            {h5 ? (
              <Text className="me__switch wm-signin-open" onClick={openSignInSheet}>
                切换账号
              </Text>
            ) : null}
          </View>
        ) : (
          <View className="me__user" onClick={h5 ? openSignInSheet : undefined}>
            <Avatar url={null} name="未" size={120} />
            <View className="me__user-text">
              <Text className="me__name wm-signin-open">{h5 ? '点击选择体验账号' : '登录中…'}</Text>
              <Text className="me__sub">登录后购物车在三个小程序间同步</Text>
            </View>
          </View>
        )}
        <MemberCard signedIn={signedIn} />
      </View>

      <View className="me__card">
        <View className="me__card-title">
          <Text>我的订单</Text>
          <Text className="me__card-more wm-open-orders" onClick={() => openOrderList()}>
            全部订单 ›
          </Text>
        </View>
        <View className="me__orders">
          {ORDER_TABS.map((tab) => (
            <View key={tab.status} className="me__order wm-order-entry" onClick={() => openOrderList(tab.status)}>
              <Text className="me__order-num">{counts ? counts[tab.status] : '-'}</Text>
              <Text className="me__order-name">{tab.label}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className="me__card">
        <View className="me__card-title">
          <Text>更多服务</Text>
        </View>
        <View className="me__link" onClick={() => void Taro.switchTab({ url: '/pages/cart/index' })}>
          <Text className="me__link-icon me__link-icon--cart">购</Text>
          <Text className="me__link-text">我的购物车</Text>
          <Text className="me__link-extra">{count > 0 ? `${count} 件` : ''}</Text>
        </View>
        <View className="me__link wm-open-addresses" onClick={() => void Taro.navigateTo({ url: ADDRESS_PAGES.list })}>
          <Text className="me__link-icon me__link-icon--address">址</Text>
          <Text className="me__link-text">收货地址</Text>
          <Text className="me__link-extra">新增 · 导入微信地址</Text>
        </View>
        <View className="me__link wm-open-coupons" onClick={() => void Taro.navigateTo({ url: MEMBER_PAGES.coupons })}>
          <Text className="me__link-icon me__link-icon--coupon">券</Text>
          <Text className="me__link-text">优惠券</Text>
          <Text className="me__link-extra">领券中心 · 我的券</Text>
        </View>
        <View className="me__link wm-open-points" onClick={() => void Taro.navigateTo({ url: MEMBER_PAGES.points })}>
          <Text className="me__link-icon me__link-icon--points">积</Text>
          <Text className="me__link-text">我的积分</Text>
          <Text className="me__link-extra">下单可抵现</Text>
        </View>
        <View className="me__link wm-open-campaign" onClick={() => void openApp('campaign', APP_PAGES.campaign.home)}>
          <Text className="me__link-icon me__link-icon--campaign">惠</Text>
          <Text className="me__link-text">活动会场</Text>
          <Text className="me__link-extra">拼团 · 砍价 · 秒杀</Text>
        </View>
        <View className="me__link wm-open-tools" onClick={() => void openApp('tools', APP_PAGES.tools.skinTest)}>
          <Text className="me__link-icon me__link-icon--skin">肤</Text>
          <Text className="me__link-text">肤质测试</Text>
          <Text className="me__link-extra">1 分钟测出你的肤质</Text>
        </View>
        <View className="me__link wm-open-size" onClick={() => void openApp('tools', APP_PAGES.tools.size)}>
          <Text className="me__link-icon me__link-icon--size">尺</Text>
          <Text className="me__link-text">尺码测量</Text>
          <Text className="me__link-extra">告别买错尺码</Text>
        </View>
        {h5 ? (
          // H5 has no WeChat customer service session: the hours and the hotline instead.
          <View className="me__link wm-open-service" onClick={showServiceHelp}>
            <Text className="me__link-icon me__link-icon--service">服</Text>
            <Text className="me__link-text">联系客服</Text>
            <Text className="me__link-extra">9:00–21:00</Text>
          </View>
        ) : (
          // WeChat's own customer service session (open-type="contact"), configured in the MP console.
          <Button className="me__link me__contact" openType="contact">
            <Text className="me__link-icon me__link-icon--service">服</Text>
            <Text className="me__link-text">联系客服</Text>
            <Text className="me__link-extra">9:00–21:00</Text>
          </Button>
        )}
      </View>

      {h5 && user ? (
        <View className="me__signout wm-signout" onClick={signOut}>
          退出登录
        </View>
      ) : null}
      <DevSignInSheet />
    </View>
  );
}
