import { ScrollView, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type ReactElement, type ReactNode, useMemo, useState } from 'react';
import { nextRowWindow, type RowWindow } from './virtual-window';

export interface VirtualRowsProps<T> {
  items: readonly T[];
  /** Every row's height in design px (750 wide), which the row's style must honour exactly. */
  rowHeight: number;
  /** Height of `header` in design px, when there is one. */
  headerHeight?: number;
  header?: ReactNode;
  footer?: ReactNode;
  rowKey: (item: T) => string;
  renderRow: (item: T, index: number) => ReactNode;
  onEndReached?: () => void;
  className?: string;
  overscan?: number;
}

/** Design px (750 wide) to CSS px on this screen; H5's pxtransform and WeChat's rpx agree. */
function designToPx(design: number): number {
  const { windowWidth } = Taro.getSystemInfoSync();
  return (design * windowWidth) / 750;
}

/**
 * A scrolling list that renders only the rows near the screen (see virtual-window.ts), with
 * spacing for the rest: a category or search list of thousands stays a few dozen nodes, so
 * scrolling stays smooth and no mini-program setData grows with the list. Fixed row height.
 */
export function VirtualRows<T>({
  items,
  rowHeight,
  headerHeight = 0,
  header,
  footer,
  rowKey,
  renderRow,
  onEndReached,
  className,
  overscan = 6,
}: VirtualRowsProps<T>): ReactElement {
  const metrics = useMemo(
    () => ({
      rowPx: designToPx(rowHeight),
      headerPx: designToPx(headerHeight),
      viewportPx: Taro.getSystemInfoSync().windowHeight,
    }),
    [rowHeight, headerHeight],
  );
  const [scrollTop, setScrollTop] = useState(0);
  const [rows, setRows] = useState<RowWindow>({ start: 0, end: 0 });
  const input = { scrollTop, ...metrics, count: items.length, overscan };
  // Recomputed on render so a longer list (next page) or another list is covered at once.
  const shown = nextRowWindow(rows, input);
  if (shown !== rows) setRows(shown);

  return (
    <ScrollView
      scrollY
      className={className}
      lowerThreshold={Math.round(metrics.rowPx * 2)}
      onScrollToLower={onEndReached}
      onScroll={(event) => {
        const top = event.detail.scrollTop;
        // Only a window change re-renders (a state update per few rows, not per pixel).
        const next = nextRowWindow(shown, { ...input, scrollTop: top });
        if (next !== shown) {
          setScrollTop(top);
          setRows(next);
        }
      }}
    >
      {header}
      <View style={{ position: 'relative', height: `${items.length * metrics.rowPx}px` }}>
        <View style={{ position: 'absolute', left: 0, right: 0, top: `${shown.start * metrics.rowPx}px` }}>
          {items.slice(shown.start, shown.end).map((item, i) => (
            <View key={rowKey(item)} style={{ height: `${metrics.rowPx}px`, overflow: 'hidden' }}>
              {renderRow(item, shown.start + i)}
            </View>
          ))}
        </View>
      </View>
      {footer}
    </ScrollView>
  );
}
