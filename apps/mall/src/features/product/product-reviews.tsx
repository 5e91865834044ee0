import { Image, Text, View } from '@tarojs/components';
import type { ProductReviewPage } from '@wematrix/shared';
import { createWeMatrixClient } from '@wematrix/shared/taro';
import { type ReactElement, useEffect, useState } from 'react';

const stars = (n: number) => '★★★★★'.slice(0, n) + '☆☆☆☆☆'.slice(0, 5 - n);

/** 商品评价 on the product page: the rating and the two newest visible reviews with photos. */
export function ProductReviews({ productId }: { productId: string }): ReactElement | null {
  const [page, setPage] = useState<ProductReviewPage | null>(null);
  useEffect(() => {
    createWeMatrixClient()
      .api.reviews.ofProduct(productId, undefined, 2)
      .then(setPage, () => setPage(null));
  }, [productId]);
  if (!page) return null;
  const { count, averageStars } = page.summary;
  return (
    <View className="product__card product-reviews wm-product-reviews">
      <View className="product-reviews__head">
        <Text className="product__section-title">商品评价（{count}）</Text>
        {averageStars !== null ? <Text className="product-reviews__avg">{averageStars.toFixed(1)} 分</Text> : null}
      </View>
      {count === 0 ? <Text className="product-reviews__none">还没有评价，买过的朋友来说说吧</Text> : null}
      {page.items.map((review) => (
        <View key={review.id} className="product-reviews__item">
          <View className="product-reviews__who">
            <Text className="product-reviews__name">{review.nickname}</Text>
            <Text className="product-reviews__stars">{stars(review.stars)}</Text>
          </View>
          {review.specText ? <Text className="product-reviews__spec">{review.specText}</Text> : null}
          {review.text ? <Text className="product-reviews__text">{review.text}</Text> : null}
          {review.photos.length > 0 ? (
            <View className="product-reviews__photos">
              {review.photos.slice(0, 3).map((url) => (
                <Image key={url} className="product-reviews__photo" src={url} mode="aspectFill" lazyLoad />
              ))}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
