import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { TraceNodeKind, TraceTreeRow } from "../../core/trace";
import { cn } from "../ui/cn";
import { useIsomorphicLayoutEffect } from "../ui/useIsomorphicLayoutEffect";
import { fallbackRect, observeRectWithFallback } from "../ui/virtualRect";
import { generationSentiment, type SentimentSources, type TraceSearchResult } from "./traceDetailModel";
import { siblingPositionsOf } from "./traceDetailRows";
import { treeKeyAction, typeAheadIndex } from "./traceDetailTreeKeys";
import { TREE_ROW_HEIGHT, TraceDetailTreeRow } from "./TraceDetailTreeRow";
import type { TraceDetailInsight } from "./traceDetailInsight";

/** Keys typed within this many milliseconds extend the type-ahead buffer. */
const TYPE_AHEAD_MS = 600;

export interface TraceDetailTreeProps {
  rows: readonly TraceTreeRow[];
  selectedKey: string;
  onSelectNode: (row: TraceTreeRow) => void;
  onCollapse: (keys: readonly string[], collapsed: boolean) => void;
  search: TraceSearchResult;
  compactKinds: ReadonlySet<TraceNodeKind>;
  sentiments: SentimentSources;
  /** Height of the scrolling tree. */
  height: number;
  label: string;
  locale?: string;
  className?: string;
  /** Loop, evaluation, feedback and metric badges per row (`traceDetailInsight(tree)`). */
  insight?: TraceDetailInsight;
  /** The tree is still being finished (rows leave out subtree figures and the critical path). */
  pending?: boolean;
}

/**
 * The span tree: a virtualized WAI-ARIA tree. Arrows move, ←/→ collapse and expand, Home/End jump,
 * Enter/Space select, `*` expands siblings, printable keys type ahead. The focused row is always
 * kept mounted so focus survives scrolling.
 */
export function TraceDetailTree({ rows, selectedKey, onSelectNode, onCollapse, search, compactKinds, sentiments, height, label, locale, className, insight, pending }: TraceDetailTreeProps) {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [activeKey, setActiveKey] = useState(selectedKey);
  // A scan for the one or two keys asked for is cheaper than a map of every row, rebuilt whenever the rows change.
  const indexOfKey = useCallback((key: string) => {
    const index = rows.findIndex((row) => row.node.key === key);
    return index < 0 ? undefined : index;
  }, [rows]);
  const activeIndex = useMemo(() => indexOfKey(activeKey) ?? indexOfKey(selectedKey) ?? 0, [indexOfKey, activeKey, selectedKey]);
  const positions = useMemo(() => siblingPositionsOf(rows), [rows]);
  const pendingFocus = useRef(false);
  const typeAhead = useRef({ buffer: "", at: 0 });

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex < rows.length && !indexes.includes(activeIndex)) indexes.push(activeIndex);
      return indexes.sort((a, b) => a - b);
    },
    [activeIndex, rows.length],
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => TREE_ROW_HEIGHT,
    overscan: 8,
    rangeExtractor,
    initialRect: fallbackRect(height),
    observeElementRect: observeRectWithFallback(height),
  });

  // Follow the selection from outside (timeline, text view, host): make it the active row and show it.
  const lastSelected = useRef(selectedKey);
  useIsomorphicLayoutEffect(() => {
    if (lastSelected.current === selectedKey) return;
    lastSelected.current = selectedKey;
    setActiveKey(selectedKey);
    const index = indexOfKey(selectedKey);
    if (index !== undefined) virtualizer.scrollToIndex(index, { align: "auto" });
  }, [selectedKey, indexOfKey, virtualizer]);

  useIsomorphicLayoutEffect(() => {
    if (!pendingFocus.current) return;
    pendingFocus.current = false;
    const node = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    node?.focus({ preventScroll: true });
  });

  const focusIndex = (index: number) => {
    const row = rows[index];
    if (!row) return;
    setActiveKey(row.node.key);
    pendingFocus.current = true;
    virtualizer.scrollToIndex(index, { align: "auto" });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const action = treeKeyAction(event.key, rows, activeIndex);
    if (action) {
      event.preventDefault();
      if (action.type === "focus") focusIndex(action.index);
      else if (action.type === "select") {
        const row = rows[action.index];
        if (row) onSelectNode(row);
      } else if (action.type === "expand") onCollapse([action.key], false);
      else if (action.type === "collapse") onCollapse([action.key], true);
      else onCollapse(action.keys, false);
      return;
    }
    if (event.key.length === 1 && event.key !== " ") {
      const now = Date.now();
      const state = typeAhead.current;
      state.buffer = now - state.at > TYPE_AHEAD_MS ? event.key : state.buffer + event.key;
      state.at = now;
      const index = typeAheadIndex(rows, activeIndex, state.buffer);
      if (index >= 0) {
        event.preventDefault();
        focusIndex(index);
      }
    }
  };

  const onRowClick = useCallback(
    (index: number) => {
      const row = rows[index];
      if (!row) return;
      setActiveKey(row.node.key);
      onSelectNode(row);
    },
    [rows, onSelectNode],
  );
  const onToggle = useCallback(
    (index: number) => {
      const row = rows[index];
      if (row?.hasChildren) onCollapse([row.node.key], !row.collapsed);
    },
    [rows, onCollapse],
  );

  return (
    <div
      ref={scrollRef}
      data-slot="trace-tree-scroll"
      className={cn("tl:relative tl:overflow-auto tl:rounded-tl tl:border tl:border-border tl:bg-bg", className)}
      style={{ height: Math.min(height, rows.length * TREE_ROW_HEIGHT + 2), contain: "strict" }}
    >
      <div
        role="tree"
        aria-label={label}
        data-slot="trace-tree"
        data-rows={rows.length}
        onKeyDown={onKeyDown}
        className="tl:relative tl:w-full"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const { node } = row;
          return (
            <TraceDetailTreeRow
              // Rows are never measured (fixed height), so the virtualizer keeps its index keys: string keys cost a
              // map look-up per row of a large trace on every count change. React gets the node's key.
              key={node.key}
              row={row}
              index={item.index}
              start={item.start}
              level={row.depth + 1}
              posInSet={positions.pos[item.index] ?? 1}
              setSize={positions.size[item.index] ?? 1}
              selected={node.key === selectedKey}
              active={item.index === activeIndex}
              compact={compactKinds.has(node.kind)}
              searchQuery={search.query}
              matched={search.matches.has(node.key)}
              sentiment={node.kind === "generation" ? generationSentiment(node, sentiments) : undefined}
              locale={locale}
              insight={insight}
              pending={pending}
              onRowClick={onRowClick}
              onToggle={onToggle}
            />
          );
        })}
      </div>
    </div>
  );
}
