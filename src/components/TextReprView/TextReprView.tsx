"use client";
import { useVirtualizer, defaultRangeExtractor, type Range } from "@tanstack/react-virtual";
import { forwardRef, useCallback, useEffect, useMemo, useRef, useState, type ComponentPropsWithoutRef, type Ref } from "react";
import { parseTextRepr } from "../../core/textRepr";
import { cn } from "../ui/cn";
import { ErrorState } from "../ui/ErrorState";
import { Skeleton } from "../ui/Skeleton";
import { useIsomorphicLayoutEffect } from "../ui/useIsomorphicLayoutEffect";
import { fallbackRect, observeRectWithFallback } from "../ui/virtualRect";
import { TextReprViewRow } from "./TextReprViewRow";
import { TextReprViewToolbar } from "./TextReprViewToolbar";
import {
  NOTHING_EXPANDED,
  buildTextReprRows,
  inRanges,
  isExpanded,
  isNumbered,
  selectionRanges,
  toggleExpansion,
  type TextReprExpansion,
  type TextReprLineSelection,
} from "./textReprViewModel";

const ROW_ESTIMATE_PX = 18;
const MAX_PINNED_ROWS = 64;

export interface TextReprViewProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  /** A text_repr text, made locally by `formatTextRepr` or returned by the endpoint. */
  text?: string | null;
  /** Shows a skeleton. @default false */
  loading?: boolean;
  /** Shows an error with its message instead of the text. */
  error?: unknown;
  /** Adds "Try again" to the error state. */
  onRetry?: () => void;
  /**
   * Lines to mark (controlled): a line number, a `{start, end}` range or a list of both, in the
   * numbers shown in the gutter (`L…:` numbers when the text has them). On change, the first one
   * is scrolled to the centre and focused so screen readers read it. `null` clears the mark.
   */
  highlightLines?: TextReprLineSelection | null;
  /** Move keyboard focus to the first highlighted line when `highlightLines` changes. @default true */
  focusHighlight?: boolean;
  /** Makes `[GEN]`/`[SPAN]` tags and `EVENT_LINK` markers buttons that report the event id. */
  onSelectEvent?: (eventId: string) => void;
  /** Makes gutter numbers buttons (e.g. to copy a link to the line). */
  onLineNumberClick?: (lineNumber: number) => void;
  /** Shows the line-number gutter. @default true */
  lineNumbers?: boolean;
  /** Wraps long lines; off, lines scroll sideways. @default true */
  wrap?: boolean;
  /** Height limit of the scrolling area. @default 600 */
  maxHeight?: number | string;
  /** Accessible name of the text area. @default "Text representation" */
  label?: string;
  /** Opens every marker at first. @default false */
  defaultExpandAll?: boolean;
  /** Shows Expand all / Collapse all / Copy text. @default true */
  toolbar?: boolean;
}

/**
 * A virtualized viewer for PostHog's text representation: numbered lines, interactive markers
 * (truncated middles, tool lists, expandable events, event links), a controlled line highlight
 * and copy. Only the rows in view are in the DOM, so multi-megabyte texts stay smooth.
 */
export const TextReprView = forwardRef(function TextReprView(
  {
    text,
    loading = false,
    error,
    onRetry,
    highlightLines,
    focusHighlight = true,
    onSelectEvent,
    onLineNumberClick,
    lineNumbers = true,
    wrap = true,
    maxHeight = 600,
    label = "Text representation",
    defaultExpandAll = false,
    toolbar = true,
    className,
    ...rest
  }: TextReprViewProps,
  ref: Ref<HTMLDivElement>,
) {
  const source = typeof text === "string" ? text : "";
  const lines = useMemo(() => parseTextRepr(source), [source]);
  const numbered = useMemo(() => isNumbered(lines), [lines]);
  const [expansion, setExpansion] = useState<TextReprExpansion>(() => (defaultExpandAll ? { all: true, toggled: new Set() } : NOTHING_EXPANDED));
  // New text, new markers: what was open no longer means anything (PostHog resets too).
  const [expansionSource, setExpansionSource] = useState(source);
  if (expansionSource !== source) {
    setExpansionSource(source);
    setExpansion(defaultExpandAll ? { all: true, toggled: new Set() } : NOTHING_EXPANDED);
  }
  const [fullRows, setFullRows] = useState<ReadonlySet<string>>(() => new Set());
  const rows = useMemo(
    () => buildTextReprRows(lines, { numbered, expanded: (key) => isExpanded(expansion, key) }),
    [lines, numbered, expansion],
  );
  const ranges = useMemo(() => selectionRanges(highlightLines), [highlightLines]);
  const highlightKey = ranges.map((r) => `${r.start}-${r.end}`).join(",");
  const firstHighlighted = useMemo(() => (ranges.length ? rows.findIndex((row) => inRanges(row.lineNumber, ranges)) : -1), [rows, ranges]);
  const maxNumber = useMemo(() => rows.reduce((max, row) => Math.max(max, row.gutter ?? 0), 0), [rows]);
  const gutterWidth = String(maxNumber).length;
  // Copy writes numbers the way the source did (PostHog pads them: L001).
  const copyWidth = numbered ? (/^L(\d+): /.exec(source)?.[1]?.length ?? gutterWidth) : 0;

  const scrollRef = useRef<HTMLDivElement | null>(null);
  const viewportFallback = typeof maxHeight === "number" ? maxHeight : 600;
  // The highlighted rows (up to a screenful) stay mounted: focus on the first survives scrolling away,
  // and the whole mark is in the DOM in the same commit that moves focus, before the scroll settles.
  const pinnedRows = useMemo(() => {
    const pins: number[] = [];
    for (let i = firstHighlighted; i >= 0 && i < rows.length && pins.length < MAX_PINNED_ROWS; i++) {
      if (!inRanges(rows[i]!.lineNumber, ranges)) break;
      pins.push(i);
    }
    return pins;
  }, [rows, ranges, firstHighlighted]);
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = new Set(defaultRangeExtractor(range));
    for (const pin of pinnedRows) indexes.add(pin);
    return [...indexes].sort((a, b) => a - b);
    // A new function when the pins move makes the virtualizer recompute its (memoised) indexes.
  }, [pinnedRows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 12,
    getItemKey: (index) => rows[index]?.key ?? index,
    rangeExtractor,
    // A row measured at 0 px (hidden panel, jsdom) keeps its estimate; otherwise every row would
    // fit in the viewport and the whole text would be mounted.
    measureElement: (element, entry) => {
      const size = entry?.borderBoxSize?.[0]?.blockSize ?? element.getBoundingClientRect().height;
      return size > 0 ? size : ROW_ESTIMATE_PX;
    },
    initialRect: fallbackRect(viewportFallback),
    observeElementRect: observeRectWithFallback(viewportFallback),
  });

  const lastScrolled = useRef<string>("");
  useIsomorphicLayoutEffect(() => {
    if (firstHighlighted < 0 || lastScrolled.current === highlightKey) return;
    lastScrolled.current = highlightKey;
    virtualizer.scrollToIndex(firstHighlighted, { align: "center" });
    if (!focusHighlight) return;
    const node = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${firstHighlighted}"]`);
    node?.focus({ preventScroll: true });
  }, [firstHighlighted, highlightKey, focusHighlight, virtualizer]);
  useEffect(() => {
    if (ranges.length === 0) lastScrolled.current = "";
  }, [ranges.length]);

  const onToggle = useCallback((key: string) => setExpansion((current) => toggleExpansion(current, key)), []);
  const onShowFullText = useCallback((key: string) => setFullRows((current) => new Set(current).add(key)), []);

  const frame = cn("tl-root tl:flex tl:flex-col tl:gap-2 tl:font-body tl:text-fg", className);
  if (loading) {
    return (
      <div {...rest} ref={ref} data-slot="text-repr-view" data-state="loading" className={frame}>
        <Skeleton lines={6} label="Loading text representation" />
      </div>
    );
  }
  if (error) {
    return (
      <div {...rest} ref={ref} data-slot="text-repr-view" data-state="error" className={frame}>
        <ErrorState title="The text representation could not be loaded" error={error} onRetry={onRetry} />
      </div>
    );
  }
  if (source.trim() === "") {
    return (
      <div {...rest} ref={ref} data-slot="text-repr-view" data-state="empty" className={frame}>
        <p className="tl:text-sm tl:text-muted">No text representation to show.</p>
      </div>
    );
  }
  const items = virtualizer.getVirtualItems();
  return (
    <div {...rest} ref={ref} data-slot="text-repr-view" data-state="ready" className={frame}>
      {toolbar && (
        <TextReprViewToolbar
          lines={lines}
          numbered={numbered}
          expansion={expansion}
          gutterWidth={copyWidth}
          onExpandAll={() => setExpansion({ all: true, toggled: new Set() })}
          onCollapseAll={() => setExpansion(NOTHING_EXPANDED)}
        />
      )}
      <div
        ref={scrollRef}
        tabIndex={0}
        role="group"
        aria-label={label}
        data-slot="text-repr-scroll"
        className="tl:relative tl:overflow-auto tl:rounded-tl tl:border tl:border-border tl:bg-bg tl:font-code tl:text-xs tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
        style={{ maxHeight, height: typeof maxHeight === "number" ? Math.min(virtualizer.getTotalSize() + 2, maxHeight) : maxHeight }}
      >
        <div role="list" aria-label={`${label}, ${rows.length.toLocaleString("en-US")} lines`} className="tl:relative tl:w-full" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <TextReprViewRow
                key={item.key}
                row={row}
                index={item.index}
                count={rows.length}
                start={item.start}
                highlighted={inRanges(row.lineNumber, ranges)}
                gutterWidth={gutterWidth}
                showGutter={lineNumbers}
                wrap={wrap}
                fullText={fullRows.has(row.key)}
                onToggle={onToggle}
                onShowFullText={onShowFullText}
                onSelectEvent={onSelectEvent}
                onLineNumberClick={onLineNumberClick}
                measure={virtualizer.measureElement}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
});
TextReprView.displayName = "TextReprView";
