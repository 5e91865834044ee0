import { Cart } from '@nutui/icons-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactElement } from 'react';
import './cart-entry.scss';

export interface CartEntryProps {
  count: number;
  onClick: () => void;
  /** floating: round button at the bottom right; inline: icon for a header. */
  variant?: 'floating' | 'inline';
}

/** Cart icon with the shared server cart's count; `.wm-cart-count` always holds the number. */
export function CartEntry({ count, onClick, variant = 'floating' }: CartEntryProps): ReactElement {
  return (
    <View className={`wm-cart-entry wm-cart-entry--${variant}`} onClick={onClick}>
      <Cart size={variant === 'floating' ? 24 : 20} color={variant === 'floating' ? '#fff' : '#1f2329'} />
      <Text className={`wm-cart-count${count > 0 ? '' : ' wm-cart-count--zero'}`}>{count > 99 ? '99+' : count}</Text>
    </View>
  );
}
