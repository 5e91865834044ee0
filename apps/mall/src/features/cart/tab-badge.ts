import Taro from '@tarojs/taro';
import { useEffect } from 'react';

const CART_TAB_INDEX = 2;

/** Mirrors the shared cart count on the 购物车 tab. */
export function useCartTabBadge(count: number): void {
  useEffect(() => {
    const done = () => undefined;
    if (count > 0) Taro.setTabBarBadge({ index: CART_TAB_INDEX, text: count > 99 ? '99+' : String(count) }).catch(done);
    else Taro.removeTabBarBadge({ index: CART_TAB_INDEX }).catch(done);
  }, [count]);
}
