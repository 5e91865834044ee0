import { Checkbox, InputNumber } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import { type CartItem, MAX_LINE_QUANTITY } from '@wematrix/shared';
import { assetUrl } from '@wematrix/shared/taro';
import { Price } from '@wematrix/ui';
import type { ReactElement } from 'react';

export interface CartLineProps {
  item: CartItem;
  onSelect: (selected: boolean) => void;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
  onOpen: () => void;
}

/** One cart line; every change goes to the server and the answered cart re-renders it. */
export function CartLine({ item, onSelect, onQuantity, onRemove, onOpen }: CartLineProps): ReactElement {
  const shortOfStock = item.quantity > item.stock;
  const max = Math.max(1, Math.min(MAX_LINE_QUANTITY, Math.max(item.stock, item.quantity)));
  return (
    <View className={`cart-line wm-cart-line${shortOfStock ? ' cart-line--short' : ''}`}>
      <Checkbox className="cart-line__check wm-cart-line-select" checked={item.selected} onChange={onSelect} />
      <Image className="cart-line__image" src={assetUrl(item.imageUrl)} mode="aspectFill" onClick={onOpen} />
      <View className="cart-line__body">
        <View className="cart-line__title" onClick={onOpen}>
          {item.title}
        </View>
        <Text className="cart-line__spec">{item.specText}</Text>
        {shortOfStock ? (
          <Text className="cart-line__warn">{item.stock === 0 ? '已售罄' : `库存仅剩 ${item.stock} 件`}</Text>
        ) : null}
        <View className="cart-line__foot">
          <Price fen={item.unitPriceFen} size="sm" />
          <InputNumber
            className="wm-cart-line-qty"
            value={item.quantity}
            min={1}
            max={max}
            onChange={(value) => {
              const next = Number(value);
              if (Number.isInteger(next) && next >= 1 && next !== item.quantity) onQuantity(next);
            }}
          />
        </View>
      </View>
      <Text className="cart-line__remove wm-cart-line-remove" onClick={onRemove}>
        删除
      </Text>
    </View>
  );
}
