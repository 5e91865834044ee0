import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextRowWindow, rowWindow, type WindowInput } from './virtual-window';

const base: WindowInput = { scrollTop: 0, headerPx: 100, rowPx: 110, viewportPx: 700, count: 5000, overscan: 6 };

describe('rowWindow', () => {
  it('renders the rows on screen plus the overscan, never all of a long list', () => {
    expect(rowWindow(base)).toEqual({ start: 0, end: 14 });
    const far = rowWindow({ ...base, scrollTop: 100 + 110 * 2000 });
    expect(far).toEqual({ start: 1994, end: 2014 });
    expect(far.end - far.start).toBeLessThan(25);
  });

  it('stays inside the list at both ends and for tiny lists', () => {
    expect(rowWindow({ ...base, count: 3 })).toEqual({ start: 0, end: 3 });
    expect(rowWindow({ ...base, scrollTop: 10_000_000 })).toEqual({ start: 4999, end: 5000 });
    expect(rowWindow({ ...base, count: 0 })).toEqual({ start: 0, end: 0 });
  });

  it('always covers every row that is on screen (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 20, max: 400 }),
        fc.integer({ min: 100, max: 2000 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 0, max: 10 }),
        (scrollTop, headerPx, rowPx, viewportPx, count, overscan) => {
          const w = rowWindow({ scrollTop, headerPx, rowPx, viewportPx, count, overscan });
          const top = Math.max(0, scrollTop - headerPx);
          const firstOnScreen = Math.min(count - 1, Math.floor(top / rowPx));
          const lastOnScreen = Math.min(count - 1, Math.floor((top + viewportPx) / rowPx));
          if (firstOnScreen * rowPx >= top + viewportPx) return; // scrolled past the end
          expect(w.start).toBeLessThanOrEqual(firstOnScreen);
          expect(w.end).toBeGreaterThan(lastOnScreen);
          expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(viewportPx / rowPx) + 1 + 2 * overscan);
        },
      ),
    );
  });
});

describe('nextRowWindow', () => {
  it('keeps the window for a small scroll and moves it once the overscan is used up', () => {
    const first = rowWindow(base);
    expect(nextRowWindow(first, { ...base, scrollTop: 150 })).toBe(first);
    const down = rowWindow({ ...base, scrollTop: 100 + 110 * 100 });
    expect(nextRowWindow(down, { ...base, scrollTop: 100 + 110 * 102 })).toBe(down);
    const moved = nextRowWindow(first, { ...base, scrollTop: 100 + 110 * 12 });
    expect(moved).not.toBe(first);
    expect(moved.start).toBeGreaterThan(first.start);
  });

  it('answers the same object when nothing changes, also for an empty list', () => {
    const empty = rowWindow({ ...base, count: 0 });
    expect(nextRowWindow(empty, { ...base, count: 0 })).toBe(empty);
    const w = rowWindow(base);
    expect(nextRowWindow(w, base)).toBe(w);
  });

  it('grows with the list: appended rows that come on screen are rendered', () => {
    const short = rowWindow({ ...base, count: 5 });
    expect(nextRowWindow(short, { ...base, count: 20 })).toEqual(rowWindow({ ...base, count: 20 }));
  });
});
