import { InputNumber, Popup } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import {
  isSpecValueAvailable,
  MAX_LINE_QUANTITY,
  missingSpecNames,
  type ProductDetail,
  type SpecSelection,
  selectedSku,
  toggleSpecValue,
} from '@wematrix/shared';
import { assetUrl, toast } from '@wematrix/shared/taro';
import { OriginalPrice, Price } from '@wematrix/ui';
import type { ReactElement } from 'react';
import './spec-sheet.scss';

export type SpecAction = 'cart' | 'buy' | 'choose';

export interface SpecSheetProps {
  product: ProductDetail;
  visible: boolean;
  action: SpecAction;
  selection: SpecSelection;
  quantity: number;
  onSelectionChange: (selection: SpecSelection) => void;
  onQuantityChange: (quantity: number) => void;
  onConfirm: (action: Exclude<SpecAction, 'choose'>) => void;
  onClose: () => void;
}

const CONFIRM_TEXT: Record<Exclude<SpecAction, 'choose'>, string> = { cart: '加入购物车', buy: '立即购买' };

/** Bottom sheet over the SKU matrix: out-of-stock combinations are disabled, stock caps the stepper. */
export function SpecSheet(props: SpecSheetProps): ReactElement {
  const { product, selection, quantity } = props;
  const sku = selectedSku(product.skus, selection);
  const missing = missingSpecNames(product.specGroups, selection);
  const maxQuantity = Math.max(1, Math.min(sku?.stock ?? MAX_LINE_QUANTITY, MAX_LINE_QUANTITY));

  function confirm(action: Exclude<SpecAction, 'choose'>): void {
    if (!sku) {
      toast(`请选择 ${missing.join(' ')}`);
      return;
    }
    props.onConfirm(action);
  }

  return (
    <Popup visible={props.visible} position="bottom" round closeable onClose={props.onClose} className="wm-spec-sheet">
      <View className="spec-sheet">
        <View className="spec-sheet__head">
          <Image className="spec-sheet__image" src={assetUrl(sku?.imageUrl ?? product.imageUrl)} mode="aspectFill" />
          <View className="spec-sheet__summary">
            <View>
              <Price fen={sku?.priceFen ?? product.priceFen} size="lg" />
              <OriginalPrice fen={sku?.originalPriceFen ?? null} than={sku?.priceFen} />
            </View>
            <Text className="spec-sheet__stock">{sku ? `库存 ${sku.stock} 件` : `请选择 ${missing.join(' ')}`}</Text>
          </View>
        </View>
        {product.specGroups.map((group, groupIndex) => (
          <View key={group.name} className="spec-sheet__group">
            <Text className="spec-sheet__group-name">{group.name}</Text>
            <View className="spec-sheet__values">
              {group.values.map((value) => {
                const active = selection[groupIndex] === value;
                const available = isSpecValueAvailable(product.skus, selection, groupIndex, value);
                const state = active ? ' wm-spec-value--active' : available ? '' : ' wm-spec-value--disabled';
                return (
                  <Text
                    key={value}
                    className={`wm-spec-value${state}`}
                    onClick={() => props.onSelectionChange(toggleSpecValue(product.skus, selection, groupIndex, value))}
                  >
                    {value}
                    {available || active ? '' : ' 缺货'}
                  </Text>
                );
              })}
            </View>
          </View>
        ))}
        <View className="spec-sheet__qty">
          <Text className="spec-sheet__group-name">数量</Text>
          <InputNumber
            className="wm-qty"
            value={Math.min(quantity, maxQuantity)}
            min={1}
            max={maxQuantity}
            onChange={(value) => props.onQuantityChange(Number(value) || 1)}
          />
        </View>
        <View className="spec-sheet__actions">
          {props.action === 'choose' ? (
            <>
              <View className="spec-sheet__btn spec-sheet__btn--cart wm-spec-confirm" onClick={() => confirm('cart')}>
                加入购物车
              </View>
              <View className="spec-sheet__btn spec-sheet__btn--buy wm-spec-buy" onClick={() => confirm('buy')}>
                立即购买
              </View>
            </>
          ) : (
            <View
              className={`spec-sheet__btn spec-sheet__btn--${props.action} wm-spec-confirm`}
              onClick={() => confirm(props.action as 'cart' | 'buy')}
            >
              {CONFIRM_TEXT[props.action]}
            </View>
          )}
        </View>
      </View>
    </Popup>
  );
}
