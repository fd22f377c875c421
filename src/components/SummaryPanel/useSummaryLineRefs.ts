import { useCallback, useEffect, useMemo, useRef } from "react";
import { formatLineRefLabel, type LineRefRange } from "../../core/lineRefs";
import { eventAtLines, mapTextReprLinesToEvents, type TextReprEventLike } from "../../core/textRepr";
import { useControllableState } from "../ui/useControllableState";
import type { SummaryLineRefContextValue } from "./SummaryPanelLineRefs";
import type { SummaryLineRefTarget } from "./summaryPanelModel";

export interface SummaryLineRefsOptions {
  textRepr: string | null | undefined;
  events: Iterable<TextReprEventLike> | undefined;
  eventId: string | null | undefined;
  highlightLines: LineRefRange[] | null | undefined;
  onHighlightLinesChange: ((ranges: LineRefRange[] | null) => void) | undefined;
  onLineRefClick: ((target: SummaryLineRefTarget) => void) | undefined;
  onSelectEvent: ((eventId: string) => void) | undefined;
  /** Whether a click would do anything (text shown, or someone listening). */
  clickable: boolean;
}

/** The marked lines and what a line-reference click does: mark, report, and select the event. */
export function useSummaryLineRefs(o: SummaryLineRefsOptions): { highlight: LineRefRange[] | null; context: SummaryLineRefContextValue } {
  const [highlight, setHighlight] = useControllableState<LineRefRange[] | null>(o.highlightLines, null, o.onHighlightLinesChange);
  const { textRepr, events, eventId, onLineRefClick, onSelectEvent } = o;
  const lineEvents = useMemo(() => (textRepr ? mapTextReprLinesToEvents(textRepr, { events, eventId }) : null), [textRepr, events, eventId]);
  // Only well-formed ranges name the active reference; a controlled value may come from anywhere.
  const marked = Array.isArray(highlight) ? highlight.filter((r) => Number.isFinite(r?.start) && Number.isFinite(r?.end)) : [];
  const activeLabel = marked.length ? formatLineRefLabel(marked) : null;
  const rejump = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(rejump.current), []);
  const onLineRef = useCallback(
    (ranges: LineRefRange[]) => {
      clearTimeout(rejump.current);
      if (activeLabel === formatLineRefLabel(ranges)) {
        // The text view scrolls only when the marked lines change: unmark, then mark again to jump back.
        setHighlight(null);
        rejump.current = setTimeout(() => setHighlight(ranges), 0);
      } else {
        setHighlight(ranges);
      }
      const target = { ranges, eventId: lineEvents ? eventAtLines(lineEvents, ranges) : null };
      onLineRefClick?.(target);
      if (target.eventId) onSelectEvent?.(target.eventId);
    },
    [activeLabel, setHighlight, lineEvents, onLineRefClick, onSelectEvent],
  );
  const context = useMemo(() => ({ onLineRef: o.clickable ? onLineRef : undefined, activeLabel }), [o.clickable, onLineRef, activeLabel]);
  return { highlight, context };
}
