import { View } from '@tarojs/components';
import { APP_PAGES } from '@wematrix/shared';
import { openApp, useCart } from '@wematrix/shared/taro';
import { AccountBar, CartEntry } from '@wematrix/ui';
import type { ReactElement } from 'react';

/** Account and the shared cart count (the cart itself lives in the mall). */
export function ToolsHeader(): ReactElement {
  const { count } = useCart({ refreshOnShow: true });
  return (
    <View className="tools-header">
      <AccountBar />
      <CartEntry variant="inline" count={count} onClick={() => void openApp('mall', APP_PAGES.mall.cart)} />
    </View>
  );
}
