import { View } from '@tarojs/components';
import type { ProductSummary } from '@wematrix/shared';
import type { ReactElement } from 'react';
import { ProductCard } from './product-card';
import './product-grid.scss';

export interface ProductGridProps {
  products: ProductSummary[];
  onOpen: (productId: string) => void;
}

/** Two-column product grid used by the mall home and the tools result pages. */
export function ProductGrid({ products, onOpen }: ProductGridProps): ReactElement {
  return (
    <View className="wm-product-grid">
      {products.map((product) => (
        <ProductCard key={product.id} product={product} onClick={onOpen} />
      ))}
    </View>
  );
}
