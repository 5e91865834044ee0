import { isValidElement, type ReactNode } from 'react';

/** What both carousels (carousel.tsx for mini-programs, carousel.h5.tsx for H5) accept. */
export interface CarouselProps {
  /** Sizes the carousel (each slide fills it). */
  className?: string;
  /** One child per slide. */
  children: ReactNode;
  autoplay?: boolean;
  /** After the last slide comes the first (autoplay and, in WeChat, swiping). */
  circular?: boolean;
  indicatorDots?: boolean;
  indicatorColor?: string;
  indicatorActiveColor?: string;
  /** The slide now shown, from 0. */
  onChange?: (index: number) => void;
}

/** How long a slide stays before autoplay moves on, as WeChat's swiper does by default. */
export const CAROUSEL_INTERVAL_MS = 5000;

/** A slide's own key (Children.toArray keeps it), its position when it has none. */
export function slideKey(slide: ReactNode, index: number): string | number {
  return isValidElement(slide) && slide.key !== null ? String(slide.key) : index;
}
