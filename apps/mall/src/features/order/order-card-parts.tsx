import './order-card-parts.scss';
import { Image, Text, View } from '@tarojs/components';
import type { OrderLine } from '@wematrix/shared';
import { assetUrl } from '@wematrix/shared/taro';
import { Price } from '@wematrix/ui';
import type { ReactElement } from 'react';

/** One bought line as orders show it: picture, title, spec, unit price and quantity. */
export function OrderLineRow({ line }: { line: OrderLine }): ReactElement {
  return (
    <View className="order-line">
      <Image className="order-line__image" src={assetUrl(line.imageUrl)} mode="aspectFill" />
      <View className="order-line__body">
        <Text className="order-line__title">{line.title}</Text>
        <Text className="order-line__spec">{line.specText}</Text>
        <View className="order-line__foot">
          <Price fen={line.unitPriceFen} size="sm" />
          <Text className="order-line__qty">×{line.quantity}</Text>
        </View>
      </View>
    </View>
  );
}
