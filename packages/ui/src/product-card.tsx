import { Image, Text, View } from '@tarojs/components';
import type { ProductSummary } from '@wematrix/shared';
import { assetUrl } from '@wematrix/shared/taro';
import type { ReactElement } from 'react';
import { OriginalPrice, Price } from './price';
import './product-card.scss';

/** "已售 1.2万" style sales text; counts are not money, so one decimal is fine here. */
export function salesText(sales: number): string {
  if (sales >= 10_000) return `已售 ${Math.floor(sales / 1000) / 10}万+`;
  return `已售 ${sales}`;
}

export interface ProductCardProps {
  product: Pick<ProductSummary, 'id' | 'title' | 'imageUrl' | 'priceFen' | 'originalPriceFen' | 'sales' | 'tags'>;
  onClick?: (productId: string) => void;
}

/** Grid card: cover, two-line title, tags, price with struck original, sales. */
export function ProductCard({ product, onClick }: ProductCardProps): ReactElement {
  return (
    <View className="wm-product-card" onClick={() => onClick?.(product.id)}>
      <Image className="wm-product-card__image" src={assetUrl(product.imageUrl)} mode="aspectFill" lazyLoad />
      <View className="wm-product-card__body">
        <View className="wm-product-card__title">{product.title}</View>
        <View className="wm-product-card__tags">
          {product.tags.slice(0, 2).map((tag) => (
            <Text key={tag} className="wm-product-card__tag">
              {tag}
            </Text>
          ))}
        </View>
        <View className="wm-product-card__footer">
          <View>
            <Price fen={product.priceFen} size="sm" />
            <OriginalPrice fen={product.originalPriceFen} than={product.priceFen} />
          </View>
          <Text className="wm-product-card__sales">{salesText(product.sales)}</Text>
        </View>
      </View>
    </View>
  );
}
