import { Image, ScrollView, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { assetUrl, useCart, useProductPages } from '@wematrix/shared/taro';
import { DevSignInSheet, EmptyState, OriginalPrice, Price, salesText, VirtualRows } from '@wematrix/ui';
import { type ReactElement, useEffect, useState } from 'react';
import { useCartTabBadge } from '../../features/cart/tab-badge';
import { categoryIntent } from '../../features/catalog/category-intent';
import { openProduct } from '../../features/catalog/open-product';
import { useCategories } from '../../features/catalog/use-categories';
import './index.scss';

/** Row and banner heights in design px: category__item and category__banner in index.scss. */
const CATEGORY_ROW_HEIGHT = 222;
const CATEGORY_BANNER_HEIGHT = 156;

export default function CategoryPage(): ReactElement {
  const { categories, error } = useCategories();
  const [active, setActive] = useState<string | null>(null);
  const products = useProductPages({ categoryId: active ?? undefined, pageSize: 10 }, active !== null);
  const { count } = useCart({ refreshOnShow: true });
  useCartTabBadge(count);

  useDidShow(() => {
    const wanted = categoryIntent.getState().categoryId;
    if (wanted) {
      setActive(wanted);
      categoryIntent.setState({ categoryId: null });
    }
  });
  useEffect(() => {
    if (active === null && categories[0]) setActive(categories[0].id);
  }, [active, categories]);

  if (error) return <EmptyState title="分类加载失败" hint={error} />;
  const current = categories.find((c) => c.id === active);

  return (
    <View className="category">
      <ScrollView scrollY className="category__side">
        {categories.map((c) => (
          <View
            key={c.id}
            className={`category__side-item wm-category-tab${c.id === active ? ' category__side-item--active' : ''}`}
            onClick={() => setActive(c.id)}
          >
            {c.name}
          </View>
        ))}
      </ScrollView>
      {/* Rows outside the screen are not rendered: a category of thousands scrolls like one of ten. */}
      <VirtualRows
        className="category__main"
        items={products.items}
        rowHeight={CATEGORY_ROW_HEIGHT}
        headerHeight={current ? CATEGORY_BANNER_HEIGHT : 0}
        rowKey={(p) => p.id}
        onEndReached={products.loadMore}
        header={
          current ? (
            <View className="category__banner">
              {current.icon ? (
                <Image className="category__banner-icon" src={assetUrl(current.icon)} mode="aspectFit" />
              ) : null}
              <View>
                <View className="category__banner-title">{current.name}</View>
                <View className="category__banner-sub">共 {current.productCount} 件好物</View>
              </View>
            </View>
          ) : null
        }
        renderRow={(p) => (
          <View className="category__item wm-product-card" onClick={() => openProduct(p.id)}>
            <Image className="category__item-image" src={assetUrl(p.imageUrl)} mode="aspectFill" lazyLoad />
            <View className="category__item-body">
              <View className="category__item-title">{p.title}</View>
              <Text className="category__item-sub">{p.subtitle}</Text>
              <View className="category__item-foot">
                <View>
                  <Price fen={p.priceFen} size="sm" />
                  <OriginalPrice fen={p.originalPriceFen} than={p.priceFen} />
                </View>
                <Text className="category__item-sales">{salesText(p.sales)}</Text>
              </View>
            </View>
          </View>
        )}
        footer={
          <>
            {products.done && products.items.length === 0 ? <EmptyState title="该分类暂无商品" /> : null}
            <View className="category__footer">
              {products.loading ? '加载中…' : products.done && products.items.length > 0 ? '— 没有更多了 —' : ''}
            </View>
          </>
        }
      />
      <DevSignInSheet />
    </View>
  );
}
