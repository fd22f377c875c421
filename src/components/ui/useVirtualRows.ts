import {
  defaultRangeExtractor,
  observeElementRect,
  useVirtualizer,
  type Range,
  type Rect,
  type Virtualizer,
} from "@tanstack/react-virtual";
import { useCallback, useRef, type RefObject } from "react";

export interface UseVirtualRowsOptions {
  count: number;
  scrollRef: RefObject<HTMLDivElement | null>;
  /** Expected row height in px; rows are measured once rendered. */
  estimateSize: (index: number) => number;
  getItemKey: (index: number) => string | number;
  /** An item index that must stay rendered (the focused row), or -1. */
  pinnedIndex: number;
  /** Height of what sits above the rows inside the scroll element (the sticky header). */
  headerHeight: number;
  /** Used while the scroll element reports no size (jsdom, or a hidden tab), so some rows still render. */
  fallbackHeight: number;
  overscan?: number;
}

/**
 * Row virtualization for a native `<table>`: TanStack Virtual decides which rows exist, the table keeps its
 * own layout, and spacer rows stand in for the rest. The focused row is pinned so keyboard focus survives
 * scrolling it out of view.
 */
export function useVirtualRows({
  count,
  scrollRef,
  estimateSize,
  getItemKey,
  pinnedIndex,
  headerHeight,
  fallbackHeight,
  // Five rows (260 px at the tables' 52 px) cover a fast wheel notch; each row past the window costs as
  // much as a visible one on every mount and jump (its cells' elements, style and layout).
  overscan = 5,
}: UseVirtualRowsOptions): Virtualizer<HTMLDivElement, HTMLTableRowElement> {
  // A new function when the pin moves makes the virtualizer recompute its memoised range.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (pinnedIndex >= 0 && pinnedIndex < range.count && !indexes.includes(pinnedIndex)) {
        indexes.push(pinnedIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [pinnedIndex],
  );
  const fallback = useRef<Rect>({ width: 1024, height: fallbackHeight });
  fallback.current = { width: 1024, height: fallbackHeight };
  const observeRect = useCallback(
    (instance: Virtualizer<HTMLDivElement, HTMLTableRowElement>, cb: (rect: Rect) => void) =>
      observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : fallback.current)),
    [],
  );
  return useVirtualizer<HTMLDivElement, HTMLTableRowElement>({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan,
    rangeExtractor,
    observeElementRect: observeRect,
    initialRect: { width: 1024, height: fallbackHeight },
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
  });
}

export interface VirtualRowSlot {
  index: number;
  key: string | number;
  /** Blank space to leave before this row (the rows not rendered between it and the previous one). */
  gapBefore: number;
}

/**
 * The rendered rows in order, each with the gap before it, and the gap after the last. A pinned row far
 * from the window gets its own gaps, so every rendered row sits exactly where the virtualizer placed it.
 */
export function virtualRowSlots(virtualizer: Virtualizer<HTMLDivElement, HTMLTableRowElement>, headerHeight: number) {
  const items = virtualizer.getVirtualItems();
  const slots: VirtualRowSlot[] = [];
  let cursor = 0;
  for (const item of items) {
    const start = item.start - headerHeight;
    slots.push({ index: item.index, key: item.key as string | number, gapBefore: Math.max(0, start - cursor) });
    cursor = Math.max(cursor, item.end - headerHeight);
  }
  return { slots, gapAfter: Math.max(0, virtualizer.getTotalSize() - cursor) };
}
