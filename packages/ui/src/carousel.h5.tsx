import { View } from '@tarojs/components';
import { Children, type ReactElement, useEffect, useRef, useState } from 'react';
import { CAROUSEL_INTERVAL_MS, type CarouselProps, slideKey } from './carousel-props';
import './carousel.scss';

/**
 * Slides in H5: a CSS scroll-snap strip (the browser swipes and snaps), dots and autoplay.
 * Replaces Taro's H5 swiper, which brings the Swiper library into every page's first load
 * (see carousel.tsx, the mini-program version; both take CarouselProps).
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
  const slides = Children.toArray(children);
  const track = useRef<HTMLElement>(null);
  const [current, setCurrent] = useState(0);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const el = track.current;
    if (!el) return;
    const slideAt = (): number => (el.clientWidth > 0 ? Math.round(el.scrollLeft / el.clientWidth) : 0);
    let shown = slideAt();
    let touching = false;
    const onScroll = (): void => {
      const index = slideAt();
      if (index === shown) return;
      shown = index;
      setCurrent(index);
      onChangeRef.current?.(index);
    };
    const hold = (): void => {
      touching = true;
    };
    const release = (): void => {
      touching = false;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    el.addEventListener('touchstart', hold, { passive: true });
    el.addEventListener('touchend', release);
    el.addEventListener('touchcancel', release);
    const timer =
      autoplay && slides.length > 1
        ? setInterval(() => {
            if (touching || document.hidden) return;
            const next = slideAt() + 1;
            if (next >= slides.length && !circular) return;
            el.scrollTo({ left: (next % slides.length) * el.clientWidth, behavior: 'smooth' });
          }, CAROUSEL_INTERVAL_MS)
        : undefined;
    return () => {
      clearInterval(timer);
      el.removeEventListener('scroll', onScroll);
      el.removeEventListener('touchstart', hold);
      el.removeEventListener('touchend', release);
      el.removeEventListener('touchcancel', release);
    };
  }, [autoplay, circular, slides.length]);

  return (
    <View className={`wm-carousel${className ? ` ${className}` : ''}`}>
      <View className="wm-carousel__track" ref={track}>
        {slides.map((slide, index) => (
          <View key={slideKey(slide, index)} className="wm-carousel__slide">
            {slide}
          </View>
        ))}
      </View>
      {indicatorDots && slides.length > 1 ? (
        <View className="wm-carousel__dots">
          {slides.map((_, index) => (
            <View
              // biome-ignore lint/suspicious/noArrayIndexKey: one dot per position
              key={index}
              className="wm-carousel__dot"
              style={{ background: index === current ? indicatorActiveColor : indicatorColor }}
            />
          ))}
        </View>
      ) : null}
    </View>
  );
}
