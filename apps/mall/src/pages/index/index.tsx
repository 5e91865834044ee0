import { SearchBar } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { assetUrl, useCart, useProductPages } from '@wematrix/shared/taro';
import { AccountBar, CartEntry, DevSignInSheet, EmptyState, ProductGrid, SectionTitle } from '@wematrix/ui';
import { type ReactElement, useState } from 'react';
import { useCartTabBadge } from '../../features/cart/tab-badge';
import { categoryIntent } from '../../features/catalog/category-intent';
import { openProduct } from '../../features/catalog/open-product';
import { useCategories } from '../../features/catalog/use-categories';
import { HomeBanner } from './home-banner';
import './index.scss';

export default function HomePage(): ReactElement {
  const [keyword, setKeyword] = useState('');
  const [query, setQuery] = useState('');
  const { categories } = useCategories();
  const products = useProductPages({ q: query || undefined, pageSize: 10 });
  const best = useProductPages({ sort: 'sales', pageSize: 3 }, query === '');
  const { count } = useCart({ refreshOnShow: true });
  useCartTabBadge(count);
  useReachBottom(products.loadMore);

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
        <SearchBar
          className="home__search wm-search"
          shape="round"
          placeholder="搜索商品，如：精华、连衣裙"
          value={keyword}
          onChange={setKeyword}
          onSearch={(value) => setQuery(value.trim())}
          onClear={() => setQuery('')}
        />
      </View>

      {query === '' && best.items.length > 0 ? <HomeBanner products={best.items} onOpen={openProduct} /> : null}

      {query === '' && categories.length > 0 ? (
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

      <SectionTitle
        title={query ? `“${query}”的搜索结果` : '为你推荐'}
        more={query ? '清除搜索' : undefined}
        onMore={() => {
          setKeyword('');
          setQuery('');
        }}
      />
      {products.error && products.items.length === 0 ? (
        <EmptyState title="商品加载失败" hint={products.error} />
      ) : products.done && products.items.length === 0 ? (
        <EmptyState title="没有找到相关商品" hint="换个关键词试试" />
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
