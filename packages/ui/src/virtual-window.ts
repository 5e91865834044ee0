/**
 * Which rows of a fixed-height list to render: the ones on screen plus `overscan` on each
 * side, for a scroll offset. Rows outside are replaced by spacing, so a list of thousands
 * keeps a few dozen nodes and each mini-program setData stays small whatever the length.
 */
export interface WindowInput {
  /** Scroll offset of the list's scroller, px. */
  scrollTop: number;
  /** Height of whatever sits above the first row inside the scroller (a banner), px. */
  headerPx: number;
  rowPx: number;
  viewportPx: number;
  count: number;
  overscan: number;
}

export interface RowWindow {
  /** First rendered row (inclusive). */
  start: number;
  /** Last rendered row (exclusive). */
  end: number;
}

export function rowWindow({ scrollTop, headerPx, rowPx, viewportPx, count, overscan }: WindowInput): RowWindow {
  if (count <= 0 || rowPx <= 0) return { start: 0, end: 0 };
  const firstVisible = Math.floor(Math.max(0, scrollTop - headerPx) / rowPx);
  const visible = Math.ceil(viewportPx / rowPx) + 1;
  const start = Math.max(0, Math.min(count - 1, firstVisible - overscan));
  const end = Math.min(count, firstVisible + visible + overscan);
  return { start, end: Math.max(start, end) };
}

/**
 * The window to keep while scrolling: kept while the rows on screen are inside it with half
 * the overscan to spare, so scrolling re-renders once every few rows, not at every pixel.
 */
export function nextRowWindow(current: RowWindow, input: WindowInput): RowWindow {
  const { scrollTop, headerPx, rowPx, viewportPx, count, overscan } = input;
  // The same object when nothing changes: callers compare by identity to skip a re-render.
  if (count <= 0 || rowPx <= 0) return current.start === 0 && current.end === 0 ? current : { start: 0, end: 0 };
  const top = Math.max(0, scrollTop - headerPx);
  const firstVisible = Math.min(count - 1, Math.floor(top / rowPx));
  const lastVisible = Math.min(count - 1, Math.floor((top + viewportPx) / rowPx));
  const margin = Math.floor(overscan / 2);
  const spareAbove = current.start === 0 || firstVisible - current.start >= margin;
  const spareBelow = current.end >= count || current.end - 1 - lastVisible >= margin;
  const covers = current.end > current.start && firstVisible >= current.start && lastVisible < current.end;
  if (covers && spareAbove && spareBelow && current.end <= count) return current;
  return rowWindow(input);
}
