import { Search } from '@nutui/icons-react-taro';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { assetUrl, useCart, useProductPages } from '@wematrix/shared/taro';
import { AccountBar, CartEntry, DevSignInSheet, EmptyState, ProductGrid, SectionTitle } from '@wematrix/ui';
import type { ReactElement } from 'react';
import { useCartTabBadge } from '../../features/cart/tab-badge';
import { categoryIntent } from '../../features/catalog/category-intent';
import { openProduct } from '../../features/catalog/open-product';
import { useCategories } from '../../features/catalog/use-categories';
import { HomeBanner } from './home-banner';
import './index.scss';

export default function HomePage(): ReactElement {
  const { categories } = useCategories();
  const products = useProductPages({ pageSize: 10 });
  const best = useProductPages({ sort: 'sales', pageSize: 3 });
  const { count } = useCart({ refreshOnShow: true });
  useCartTabBadge(count);
  useReachBottom(products.loadMore);

  function openSearch(): void {
    void Taro.navigateTo({ url: '/pkg-goods/search/index' });
  }

  function openCategory(categoryId: string): void {
    categoryIntent.setState({ categoryId });
    void Taro.switchTab({ url: '/pages/category/index' });
  }

  return (
    <View className="wm-page home">
      <View className="home__header">
        <View className="home__topline">
          <AccountBar tone="light" />
          <CartEntry
            variant="inline"
            tone="light"
            count={count}
            onClick={() => void Taro.switchTab({ url: '/pages/cart/index' })}
          />
        </View>
        {/* A box that opens the search page, as store homes do: typing happens there. */}
        <View className="home__search wm-search" onClick={openSearch}>
          <Search className="home__search-icon" size={16} />
          <Text className="home__search-text">搜索商品，如：精华、防晒</Text>
        </View>
      </View>

      {best.items.length > 0 ? <HomeBanner products={best.items} onOpen={openProduct} /> : null}

      {categories.length > 0 ? (
        <View className="home__categories">
          {categories.slice(0, 10).map((category) => (
            <View key={category.id} className="home__category wm-category" onClick={() => openCategory(category.id)}>
              <View className="home__category-icon">
                {category.icon ? (
                  <Image className="home__category-img" src={assetUrl(category.icon)} mode="aspectFit" />
                ) : null}
              </View>
              <Text className="home__category-name">{category.name}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <SectionTitle title="为你推荐" />
      {products.error && products.items.length === 0 ? (
        <EmptyState title="商品加载失败" hint={products.error} />
      ) : (
        <ProductGrid products={products.items} onOpen={openProduct} />
      )}
      <View className="home__footer">
        {products.loading ? '加载中…' : products.done && products.items.length > 0 ? '— 已经到底啦 —' : ''}
      </View>
      <DevSignInSheet />
    </View>
  );
}
