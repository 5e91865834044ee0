import { Home } from '@nutui/icons-react-taro';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { initialSelection, type SpecSelection, selectedSku, selectionForSku, toggleSpecValue } from '@wematrix/shared';
import { assetUrl, toast, useCart, useProductPages } from '@wematrix/shared/taro';
import {
  Carousel,
  CartEntry,
  DevSignInSheet,
  EmptyState,
  OriginalPrice,
  Price,
  ProductGrid,
  requireSession,
  salesText,
} from '@wematrix/ui';
import { type ReactElement, useEffect, useState } from 'react';
import { openCheckout } from '../../features/order/order-pages';
import { LiveCampaigns } from '../../features/product/live-campaigns';
import { ProductReviews } from '../../features/product/product-reviews';
import { type SpecAction, SpecSheet } from '../../features/product/spec-sheet';
import { useProduct } from '../../features/product/use-product';
import './index.scss';

export default function ProductPage(): ReactElement {
  const { params } = useRouter();
  const { product, error } = useProduct(params.id);
  const cart = useCart({ refreshOnShow: true });
  const [selection, setSelection] = useState<SpecSelection>([]);
  const [quantity, setQuantity] = useState(1);
  const [sheet, setSheet] = useState<{ visible: boolean; action: SpecAction }>({ visible: false, action: 'choose' });
  const [current, setCurrent] = useState(0);
  // 相关推荐: best sellers of the same category (one page, this product left out).
  const related = useProductPages(
    { categoryId: product?.categoryId, sort: 'sales', pageSize: 7 },
    Boolean(product?.categoryId),
  );

  useEffect(() => {
    if (!product) return;
    // A link may name the SKU (再次购买, the tools app's "按此尺码购买"): start on it when in stock.
    const linked = params.sku ? selectionForSku(product.specGroups, product.skus, params.sku) : null;
    if (linked) {
      setSelection(linked);
      return;
    }
    let start = initialSelection(product.specGroups, product.skus);
    // The tools app's size advisor links here with ?size=M: preselect it when in stock.
    const size = params.size;
    const group = product.specGroups.findIndex((g) => g.values.includes(size ?? ''));
    if (size && group >= 0 && start[group] !== size) start = toggleSpecValue(product.skus, start, group, size);
    setSelection(start);
  }, [product, params.size, params.sku]);

  if (error) return <EmptyState title="商品不存在或已下架" hint={error} />;
  if (!product) return <View className="product__loading">加载中…</View>;

  const sku = selectedSku(product.skus, selection);
  const soldOut = product.skus.every((s) => s.stock === 0);
  const chosenText = sku
    ? `${sku.specValues.join(' / ')}，${quantity} 件`
    : `请选择 ${product.specGroups.map((g) => g.name).join(' ')}`;

  async function act(action: Exclude<SpecAction, 'choose'>): Promise<void> {
    if (!sku) {
      setSheet({ visible: true, action });
      return;
    }
    if (!(await requireSession())) return;
    if (action === 'buy') {
      // 立即购买 goes straight to checkout with this SKU; the cart is left as it is.
      setSheet((s) => ({ ...s, visible: false }));
      openCheckout({ source: 'buy_now', skuId: sku.id, quantity });
      return;
    }
    const result = await cart.add({ skuId: sku.id, quantity });
    if (!result) {
      toast(cart.error ?? '加入购物车失败');
      return;
    }
    setSheet((s) => ({ ...s, visible: false }));
    toast('已加入购物车');
  }

  return (
    <View className="wm-page product">
      <View className="product__gallery">
        <Carousel className="product__swiper" circular onChange={setCurrent}>
          {product.images.map((url) => (
            <Image key={url} className="product__image" src={assetUrl(url)} mode="aspectFill" />
          ))}
        </Carousel>
        <Text className="product__counter">
          {current + 1}/{product.images.length}
        </Text>
      </View>

      <View className="product__price-band">
        <View>
          <Price fen={sku?.priceFen ?? product.priceFen} size="lg" className="product__price" />
          <OriginalPrice
            fen={sku ? sku.originalPriceFen : product.originalPriceFen}
            than={sku?.priceFen ?? product.priceFen}
          />
        </View>
        <Text className="product__sales">{salesText(product.sales)}</Text>
      </View>

      <LiveCampaigns productId={product.id} />

      <View className="product__card">
        <View className="product__title wm-product-title">{product.title}</View>
        <View className="product__subtitle">{product.subtitle}</View>
        {product.tags.length > 0 ? (
          <View className="product__tags">
            {product.tags.map((tag) => (
              <Text key={tag} className="product__tag">
                {tag}
              </Text>
            ))}
          </View>
        ) : null}
      </View>

      <View
        className="product__card product__row wm-spec-open"
        onClick={() => setSheet({ visible: true, action: 'choose' })}
      >
        <Text className="product__row-label">已选</Text>
        <Text className="product__row-value">{chosenText}</Text>
        <Text className="product__row-arrow">›</Text>
      </View>
      <View className="product__card product__row">
        <Text className="product__row-label">服务</Text>
        <Text className="product__row-value">正品保障 · 7 天无理由退货 · 48 小时发货</Text>
      </View>

      <ProductReviews productId={product.id} />

      <View className="product__card">
        <View className="product__section-title">商品详情</View>
        <View className="product__description">{product.description}</View>
        {product.images.slice(1).map((url) => (
          <Image key={url} className="product__detail-image" src={assetUrl(url)} mode="widthFix" lazyLoad />
        ))}
      </View>

      {related.items.some((p) => p.id !== product.id) ? (
        <View className="product__card product__related">
          <View className="product__section-title">相关推荐</View>
          <ProductGrid
            products={related.items.filter((p) => p.id !== product.id).slice(0, 6)}
            onOpen={(id) => void Taro.redirectTo({ url: `/pkg-goods/product/index?id=${encodeURIComponent(id)}` })}
          />
        </View>
      ) : null}

      <View className="product__bar">
        <View className="product__bar-icon" onClick={() => void Taro.switchTab({ url: '/pages/index/index' })}>
          <Home size={20} />
          <Text>首页</Text>
        </View>
        <View className="product__bar-icon">
          <CartEntry
            variant="inline"
            count={cart.count}
            onClick={() => void Taro.switchTab({ url: '/pages/cart/index' })}
          />
        </View>
        {soldOut ? (
          <View className="product__bar-btn product__bar-btn--soldout">已售罄</View>
        ) : (
          <>
            <View className="product__bar-btn product__bar-btn--cart wm-add-to-cart" onClick={() => void act('cart')}>
              加入购物车
            </View>
            <View className="product__bar-btn product__bar-btn--buy wm-buy-now" onClick={() => void act('buy')}>
              立即购买
            </View>
          </>
        )}
      </View>

      <SpecSheet
        product={product}
        visible={sheet.visible}
        action={sheet.action}
        selection={selection}
        quantity={quantity}
        onSelectionChange={setSelection}
        onQuantityChange={setQuantity}
        onConfirm={(action) => void act(action)}
        onClose={() => setSheet((s) => ({ ...s, visible: false }))}
      />
      <DevSignInSheet />
    </View>
  );
}
