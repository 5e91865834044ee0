import { Image, Text, View } from '@tarojs/components';
import type { ProductSummary } from '@wematrix/shared';
import { assetUrl } from '@wematrix/shared/taro';
import { Carousel, Price } from '@wematrix/ui';
import type { ReactElement } from 'react';

const SLOGANS = ['本周热卖', '口碑好物', '新品尝鲜'];

/** Banner of the best sellers: real products, so every slide leads somewhere. */
export function HomeBanner({
  products,
  onOpen,
}: {
  products: ProductSummary[];
  onOpen: (id: string) => void;
}): ReactElement {
  return (
    <Carousel
      className="home-banner"
      autoplay
      circular
      indicatorDots
      indicatorActiveColor="#ffffff"
      indicatorColor="rgba(255,255,255,0.5)"
    >
      {products.map((product, index) => (
        <View
          key={product.id}
          className={`home-banner__slide home-banner__slide--${index % 3}`}
          onClick={() => onOpen(product.id)}
        >
          <View className="home-banner__text">
            <Text className="home-banner__kicker">{SLOGANS[index % SLOGANS.length]}</Text>
            <Text className="home-banner__title">{product.title}</Text>
            <View className="home-banner__price">
              <Text className="home-banner__from">到手价</Text>
              <Price fen={product.priceFen} size="sm" />
            </View>
          </View>
          <Image className="home-banner__image" src={assetUrl(product.imageUrl)} mode="aspectFill" />
        </View>
      ))}
    </Carousel>
  );
}
