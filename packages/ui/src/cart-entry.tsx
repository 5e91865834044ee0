import { Cart } from '@nutui/icons-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactElement } from 'react';
import './cart-entry.scss';

export interface CartEntryProps {
  count: number;
  onClick: () => void;
  /** floating: round button at the bottom right; inline: icon for a header. */
  variant?: 'floating' | 'inline';
  /** Inline icon colour: dark on white headers, light on the brand gradient. */
  tone?: 'dark' | 'light';
}

/** Cart icon with the shared server cart's count; `.wm-cart-count` always holds the number. */
export function CartEntry({ count, onClick, variant = 'floating', tone = 'dark' }: CartEntryProps): ReactElement {
  return (
    <View className={`wm-cart-entry wm-cart-entry--${variant}`} onClick={onClick}>
      <Cart
        size={variant === 'floating' ? 24 : 20}
        color={variant === 'floating' || tone === 'light' ? '#fff' : '#1f2329'}
      />
      <Text className={`wm-cart-count${count > 0 ? '' : ' wm-cart-count--zero'}`}>{count > 99 ? '99+' : count}</Text>
    </View>
  );
}
