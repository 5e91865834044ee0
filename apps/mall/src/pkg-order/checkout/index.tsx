import { Popup, Switch } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import {
  type Address,
  ApiError,
  type CheckoutPreview,
  couponRuleText,
  formatFen,
  maskPhone,
  pricingProblemText,
} from '@wematrix/shared';
import {
  askSubscribe,
  createWeMatrixClient,
  prefetchSubscribeTemplates,
  toast,
  toastError,
} from '@wematrix/shared/taro';
import { DevSignInSheet, EmptyState, Price, requireSession } from '@wematrix/ui';
import { type ReactElement, useEffect, useMemo, useRef, useState } from 'react';
import { ADDRESS_PAGES, chooseAddressFromBook } from '../../features/address/address-events';
import { createSubmitKeys } from '../../features/order/idempotency-key';
import { OrderLineRow } from '../../features/order/order-card-parts';
import { checkoutIntentFromParams, openOrder } from '../../features/order/order-pages';
import { payOrder } from '../../features/order/pay-order';
import { type CheckoutChoices, placeOrderRequest, useCheckoutPreview } from '../../features/order/use-checkout';
import './index.scss';

export default function CheckoutPage(): ReactElement {
  const { params } = useRouter();
  const intent = useMemo(() => checkoutIntentFromParams(params), [params]);
  const { api } = createWeMatrixClient();
  const { preview, error, refresh } = useCheckoutPreview(api, intent);
  const [choices, setChoices] = useState<CheckoutChoices>({ address: null, coupon: 'auto', usePoints: false });
  const [addressesLoaded, setAddressesLoaded] = useState(false);
  const [couponSheet, setCouponSheet] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const submitKey = useRef(createSubmitKeys()).current;
  // Set once the address was picked here, so coming back from the book keeps the pick.
  const picked = useRef(false);

  async function loadAddresses(): Promise<void> {
    if (!(await requireSession())) return;
    try {
      const { items } = await api.addresses.list();
      setChoices((c) => {
        const still = c.address && items.find((a) => a.id === c.address?.id);
        const address = (picked.current && still) || items.find((a) => a.isDefault) || items[0] || null;
        return { ...c, address };
      });
    } catch (e) {
      toastError(e);
    } finally {
      setAddressesLoaded(true);
    }
  }

  useDidShow(() => void loadAddresses());
  // The 发货通知 template id must be known before the 提交订单 tap (WeChat asks only from a tap).
  useEffect(() => prefetchSubscribeTemplates('mall'), []);

  // Re-price whenever what is priced changes: the address (shipping), coupon or points.
  const { address, coupon, usePoints } = choices;
  useEffect(() => {
    if (!addressesLoaded) return;
    // 'auto' stays 'auto' until the shopper picks: each preview resolves it to the best coupon.
    void refresh({ address, coupon, usePoints });
  }, [addressesLoaded, address, coupon, usePoints, refresh]);

  if (!intent) return <EmptyState title="没有要结算的商品" hint="请回到购物车或商品页重新下单" />;

  function pickAddress(): void {
    chooseAddressFromBook((chosen: Address) => {
      picked.current = true;
      setChoices((c) => ({ ...c, address: chosen }));
    });
  }

  async function submit(current: CheckoutPreview): Promise<void> {
    if (!intent || submitting) return;
    if (!address) {
      toast('请先添加收货地址');
      return;
    }
    const body = placeOrderRequest(intent, address, current);
    setSubmitting(true);
    try {
      // First, still inside the tap: WeChat's 发货通知 sheet; whatever the answer, the order goes on.
      await askSubscribe('mall', ['order_shipped']);
      const order = await api.orders.place(body, submitKey(body));
      // From here the order exists: any trouble paying is handled on its page.
      try {
        const outcome = await payOrder(api, order.id);
        if (outcome === 'redirected') return;
        if (outcome === 'paid') toast('支付成功');
      } catch (payError) {
        toastError(payError, '支付未完成，可在订单中继续支付');
      }
      openOrder(order.id, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'PRICE_CHANGED') {
        toast('商品价格或优惠有变化，已为你更新金额');
        await refresh(choices);
      } else {
        toastError(e, '下单失败，请稍后再试');
      }
    } finally {
      setSubmitting(false);
    }
  }

  const quote = preview?.quote;
  const usableCoupons = preview?.coupons.filter((c) => c.usable) ?? [];
  const chosenCoupon = preview?.coupons.find((c) => c.coupon.id === quote?.userCouponId);

  return (
    <View className="wm-page checkout">
      <View className="checkout__address wm-checkout-address" onClick={address ? pickAddress : undefined}>
        {address ? (
          <>
            <View className="checkout__address-who">
              <Text className="checkout__address-name">{address.recipient}</Text>
              <Text className="checkout__address-phone">{maskPhone(address.phone)}</Text>
            </View>
            <Text className="checkout__address-line">
              {address.province} {address.city} {address.district} {address.detail}
            </Text>
            <Text className="checkout__address-arrow">›</Text>
          </>
        ) : (
          <View
            className="checkout__address-empty wm-checkout-add-address"
            onClick={() => void Taro.navigateTo({ url: ADDRESS_PAGES.edit })}
          >
            <Text className="checkout__address-plus">＋</Text>
            <Text>{addressesLoaded ? '添加收货地址' : '正在读取收货地址…'}</Text>
          </View>
        )}
      </View>

      {error && !preview ? <EmptyState title="结算信息加载失败" hint={error} /> : null}

      {quote ? (
        <>
          <View className="checkout__card">
            {quote.lines.map((line) => (
              <OrderLineRow key={line.skuId} line={line} />
            ))}
          </View>

          <View className="checkout__card">
            <View className="checkout__row">
              <Text>商品金额</Text>
              <Text>{formatFen(quote.subtotalFen)}</Text>
            </View>
            <View className="checkout__row">
              <Text>运费</Text>
              <Text>{quote.shippingFeeFen === 0 ? '免运费' : formatFen(quote.shippingFeeFen)}</Text>
            </View>
            <View className="checkout__row checkout__row--tap wm-checkout-coupon" onClick={() => setCouponSheet(true)}>
              <Text>优惠券</Text>
              <Text className={quote.couponDiscountFen > 0 ? 'checkout__minus' : 'checkout__muted'}>
                {quote.couponDiscountFen > 0
                  ? `-${formatFen(quote.couponDiscountFen)}`
                  : usableCoupons.length > 0
                    ? `${usableCoupons.length} 张可用`
                    : '暂无可用'}
                <Text className="checkout__chevron"> ›</Text>
              </Text>
            </View>
            <View className="checkout__row">
              <View className="checkout__points">
                <Text>积分抵扣</Text>
                <Text className="checkout__muted checkout__points-hint">
                  {usePoints && quote.pointsUsed > 0
                    ? `已用 ${quote.pointsUsed} 积分`
                    : `共 ${preview.pointsBalance} 积分，本单最多可用 ${quote.maxUsablePoints}`}
                </Text>
              </View>
              <View className="checkout__points-right">
                {quote.pointsDiscountFen > 0 ? (
                  <Text className="checkout__minus">-{formatFen(quote.pointsDiscountFen)}</Text>
                ) : null}
                <Switch
                  className="wm-checkout-points"
                  checked={usePoints}
                  disabled={!usePoints && quote.maxUsablePoints === 0}
                  onChange={(v) => setChoices((c) => ({ ...c, usePoints: v }))}
                />
              </View>
            </View>
          </View>
          <Text className="checkout__note">
            下单后请在 30 分钟内完成支付，超时订单将自动取消，优惠券和积分原路退回。
          </Text>

          <View className="checkout__bar">
            <View className="checkout__total">
              <Text className="checkout__total-label">合计</Text>
              <Price fen={quote.totalFen} className="wm-checkout-total" />
              {quote.couponDiscountFen + quote.pointsDiscountFen > 0 ? (
                <Text className="checkout__saved">
                  已优惠 {formatFen(quote.couponDiscountFen + quote.pointsDiscountFen)}
                </Text>
              ) : null}
            </View>
            <View
              className={`checkout__submit wm-checkout-submit${submitting || !address ? ' checkout__submit--off' : ''}`}
              onClick={() => void submit(preview)}
            >
              {submitting ? '提交中…' : '提交订单'}
            </View>
          </View>

          <Popup
            visible={couponSheet}
            position="bottom"
            round
            title="选择优惠券"
            onClose={() => setCouponSheet(false)}
            className="checkout-coupons"
          >
            <View className="checkout-coupons__list">
              {preview.coupons.length === 0 ? <Text className="checkout__muted">暂无优惠券</Text> : null}
              {preview.coupons.map((option) => (
                <View
                  key={option.coupon.id}
                  className={`checkout-coupon wm-coupon-option${option.usable ? '' : ' checkout-coupon--off'}${
                    option.coupon.id === chosenCoupon?.coupon.id ? ' checkout-coupon--on' : ''
                  }`}
                  onClick={() => {
                    if (!option.usable) return;
                    setChoices((c) => ({ ...c, coupon: option.coupon.id }));
                    setCouponSheet(false);
                  }}
                >
                  <View className="checkout-coupon__value">
                    <Text className="checkout-coupon__rule">{couponRuleText(option.coupon)}</Text>
                    <Text className="checkout-coupon__title">{option.coupon.title}</Text>
                  </View>
                  <Text className="checkout-coupon__state">
                    {option.usable
                      ? `-${formatFen(option.discountFen)}`
                      : option.problem
                        ? pricingProblemText(option.problem)
                        : '不可用'}
                  </Text>
                </View>
              ))}
              <View
                className="checkout-coupon checkout-coupon--none wm-coupon-none"
                onClick={() => {
                  setChoices((c) => ({ ...c, coupon: null }));
                  setCouponSheet(false);
                }}
              >
                <Text>不使用优惠券</Text>
              </View>
            </View>
          </Popup>
        </>
      ) : null}
      <DevSignInSheet />
    </View>
  );
}
