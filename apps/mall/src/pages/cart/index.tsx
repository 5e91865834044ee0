import { Button, Checkbox } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { toast, useCart, useSession } from '@wematrix/shared/taro';
import { DevSignInSheet, EmptyState, openSignInSheet, Price } from '@wematrix/ui';
import type { ReactElement } from 'react';
import { CartLine } from '../../features/cart/cart-line';
import { useCartTabBadge } from '../../features/cart/tab-badge';
import { openProduct } from '../../features/catalog/open-product';
import { openCheckout } from '../../features/order/order-pages';
import './index.scss';

export default function CartPage(): ReactElement {
  const cart = useCart({ refreshOnShow: true });
  const { user, signingIn } = useSession();
  useCartTabBadge(cart.count);
  const items = cart.cart?.items ?? [];
  const allSelected = items.length > 0 && items.every((item) => item.selected);
  const selectedCount = items.filter((item) => item.selected).reduce((sum, item) => sum + item.quantity, 0);

  async function run(action: Promise<unknown>): Promise<void> {
    if (!(await action)) toast(cart.error ?? '操作失败，请稍后再试');
  }

  async function selectAll(selected: boolean): Promise<void> {
    for (const item of items) {
      if (item.selected !== selected) await run(cart.update(item.skuId, { selected }));
    }
  }

  function remove(skuId: string): void {
    void Taro.showModal({ title: '删除商品', content: '确定从购物车删除这件商品吗？', confirmColor: '#f0452d' }).then(
      (res) => {
        if (res.confirm) void run(cart.remove(skuId));
      },
    );
  }

  if (!user) {
    return (
      <View className="wm-page">
        <EmptyState
          title={signingIn ? '正在登录…' : '登录后查看购物车'}
          hint="购物车在商城、活动、工具三个小程序间共享"
          action={
            process.env.TARO_ENV === 'h5' ? (
              <Button type="primary" className="wm-signin-open" onClick={openSignInSheet}>
                选择体验账号
              </Button>
            ) : null
          }
        />
        <DevSignInSheet />
      </View>
    );
  }

  return (
    <View className="wm-page cart">
      <View className="cart__head">
        <Text className="cart__owner">{user.nickname} 的购物车</Text>
        <Text className="cart__count">共 {cart.count} 件</Text>
      </View>
      {cart.cart && items.length === 0 ? (
        <EmptyState
          title="购物车还是空的"
          hint="去逛逛，把喜欢的宝贝加进来吧"
          action={
            <Button type="primary" onClick={() => void Taro.switchTab({ url: '/pages/index/index' })}>
              去逛逛
            </Button>
          }
        />
      ) : null}
      {!cart.cart && cart.error ? <EmptyState title="购物车加载失败" hint={cart.error} /> : null}
      <View className="cart__lines">
        {items.map((item) => (
          <CartLine
            key={item.skuId}
            item={item}
            onSelect={(selected) => void run(cart.update(item.skuId, { selected }))}
            onQuantity={(quantity) => void run(cart.update(item.skuId, { quantity }))}
            onRemove={() => remove(item.skuId)}
            onOpen={() => openProduct(item.productId)}
          />
        ))}
      </View>
      {items.length > 0 ? (
        <View className={`cart__bar${process.env.TARO_ENV === 'h5' ? ' cart__bar--h5' : ''}`}>
          <View className="cart__bar-main">
            <Checkbox className="wm-cart-select-all" checked={allSelected} onChange={(v) => void selectAll(v)}>
              全选
            </Checkbox>
            <View className="cart__total">
              <Text className="cart__total-label">合计</Text>
              <Price fen={cart.cart?.selectedTotalFen ?? 0} className="wm-cart-total" />
            </View>
            <View
              className={`cart__checkout wm-checkout${selectedCount === 0 ? ' cart__checkout--off' : ''}`}
              onClick={() => (selectedCount > 0 ? openCheckout({ source: 'cart' }) : toast('请选择要结算的商品'))}
            >
              结算({selectedCount})
            </View>
          </View>
        </View>
      ) : null}
      <DevSignInSheet />
    </View>
  );
}
