import { Swiper, SwiperItem } from '@tarojs/components';
import { Children, type ReactElement } from 'react';
import { CAROUSEL_INTERVAL_MS, type CarouselProps, slideKey } from './carousel-props';

/**
 * Slides, with WeChat's native swiper. H5 builds take carousel.h5.tsx instead (Taro resolves
 * `<file>.h5.tsx` first): Taro's H5 swiper carries the Swiper library, and because Taro's
 * components are registered together, one swiper anywhere in an app puts ~27 KB br into every
 * page's first load.
 */
export function Carousel({
  className,
  children,
  autoplay = false,
  circular = false,
  indicatorDots = false,
  indicatorColor = 'rgba(0, 0, 0, .3)',
  indicatorActiveColor = '#000000',
  onChange,
}: CarouselProps): ReactElement {
  return (
    <Swiper
      className={className}
      autoplay={autoplay}
      interval={CAROUSEL_INTERVAL_MS}
      circular={circular}
      indicatorDots={indicatorDots}
      indicatorColor={indicatorColor}
      indicatorActiveColor={indicatorActiveColor}
      onChange={onChange ? (event) => onChange(event.detail.current) : undefined}
    >
      {Children.toArray(children).map((slide, index) => (
        <SwiperItem key={slideKey(slide, index)}>{slide}</SwiperItem>
      ))}
    </Swiper>
  );
}
