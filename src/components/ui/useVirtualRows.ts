import {
  observeElementRect,
  useVirtualizer,
  type Range,
  type Rect,
  type Virtualizer,
} from "@tanstack/react-virtual";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { afterNextPaint } from "./useSlicedJob";

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
  const instance = useRef<Virtualizer<HTMLDivElement, HTMLTableRowElement> | null>(null);
  const rendered = useRef<RenderedSpan | null>(null);
  // Set when the rows drawn are the visible ones only (a first render, a jump): the overscan follows.
  const pending = useRef<"mount" | "jump" | null>(null);
  const [extended, setExtended] = useState(0);
  // A new function when the pin moves (or the overscan is due) makes the virtualizer recompute its memoised range.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const { indexes, visibleOnly } = overscannedIndexes(range, instance.current?.scrollDirection ?? null, rendered.current);
      if (indexes.length > 0) rendered.current = { start: indexes[0]!, end: indexes[indexes.length - 1]! };
      if (visibleOnly) pending.current = extended === 0 ? "mount" : "jump";
      if (pinnedIndex >= 0 && pinnedIndex < range.count && !indexes.includes(pinnedIndex)) {
        indexes.push(pinnedIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [pinnedIndex, extended],
  );
  // The overscan is drawn once the visible rows are painted (after a jump, once the jumps pause: during a
  // scrollbar drag every frame replaces every row, and rows drawn ahead would be thrown away unseen).
  useEffect(() => {
    const due = pending.current;
    if (!due) return;
    const extend = () => {
      pending.current = null;
      setExtended((n) => n + 1);
    };
    if (due === "mount") return afterNextPaint(extend);
    const timer = setTimeout(extend, OVERSCAN_AFTER_JUMP_MS);
    return () => clearTimeout(timer);
  });
  const fallback = useRef<Rect>({ width: 1024, height: fallbackHeight });
  fallback.current = { width: 1024, height: fallbackHeight };
  const observeRect = useCallback(
    (instance: Virtualizer<HTMLDivElement, HTMLTableRowElement>, cb: (rect: Rect) => void) =>
      observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : fallback.current)),
    [],
  );
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLTableRowElement>({
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
  instance.current = virtualizer;
  return virtualizer;
}

/** Rows kept behind the window while it moves: they are leaving the view, so one is enough. */
const TRAILING_OVERSCAN = 1;
/** A jump's overscan waits for the jumps to pause this long. */
const OVERSCAN_AFTER_JUMP_MS = 120;

/** The first and last row rendered (pinned rows aside). */
export interface RenderedSpan {
  start: number;
  end: number;
}

/**
 * The rows to render. With nothing rendered yet, or when none of the rendered rows is still in view (a
 * jump replaces them all), only the visible ones: they are what the user waits for, and rows drawn
 * ahead of them would delay that frame (`visibleOnly`; the caller adds the overscan later). Otherwise
 * the visible rows, `overscan` ahead of a moving window and one behind it, and `overscan` on both sides
 * at rest.
 */
export function overscannedIndexes(range: Range, direction: "forward" | "backward" | null, previous: RenderedSpan | null): { indexes: number[]; visibleOnly: boolean } {
  const jumped = previous === null || range.endIndex < previous.start || range.startIndex > previous.end;
  const behind = Math.min(range.overscan, TRAILING_OVERSCAN);
  const before = jumped ? 0 : direction === "forward" ? behind : range.overscan;
  const after = jumped ? 0 : direction === "backward" ? behind : range.overscan;
  const start = Math.max(range.startIndex - before, 0);
  const end = Math.min(range.endIndex + after, range.count - 1);
  const indexes: number[] = [];
  for (let i = start; i <= end; i++) indexes.push(i);
  return { indexes, visibleOnly: jumped && range.overscan > 0 };
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
