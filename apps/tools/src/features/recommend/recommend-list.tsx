import { View } from '@tarojs/components';
import { APP_PAGES, type LinkParams } from '@wematrix/shared';
import { openApp } from '@wematrix/shared/taro';
import { EmptyState, ProductGrid, SectionTitle } from '@wematrix/ui';
import type { ReactElement } from 'react';
import { type RecommendationQuery, useRecommendations } from './use-recommendations';

/** "为你推荐" grid under a tool result; products open in the mall app. */
export function RecommendList({
  title,
  query,
  extraParams = {},
}: {
  title: string;
  query: RecommendationQuery;
  extraParams?: LinkParams;
}): ReactElement {
  const { products, error } = useRecommendations(query);
  return (
    <View className="wm-recommend">
      <SectionTitle title={title} more="在商城打开" />
      {error ? <EmptyState title="推荐商品加载失败" hint={error} /> : null}
      {!error && products === null ? <View className="wm-muted wm-recommend__loading">正在为你挑选…</View> : null}
      {products && products.length === 0 ? <EmptyState title="暂时没有合适的商品" /> : null}
      {products ? (
        <ProductGrid
          products={products}
          onOpen={(id) => void openApp('mall', APP_PAGES.mall.product, { id, ...extraParams, from: 'tools' })}
        />
      ) : null}
    </View>
  );
}
