import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { formatLatency } from "../../core/format";
import type { TraceTree, TraceTreeNode } from "../../core/trace";
import { cn } from "../ui/cn";
import { useIsomorphicLayoutEffect } from "../ui/useIsomorphicLayoutEffect";
import { fallbackRect, observeRectWithFallback } from "../ui/virtualRect";
import { KIND_FILL, KIND_LABEL, kindsInTree } from "./traceDetailModel";
import { clusterLane, timelineLayoutOf, type TimelineCluster, type TimelineLayout } from "./traceDetailTimelineLayout";
import { LANE_HEIGHT, TraceDetailTimelineLane } from "./TraceDetailTimelineLane";
import { traceDetailInsight, type TraceDetailInsight } from "./traceDetailInsight";

/** Lanes shown before the chart scrolls (PostHog: 6). */
const VISIBLE_LANES = 8;
const FALLBACK_WIDTH = 600;

export interface TraceDetailTimelineProps {
  tree: TraceTree;
  selectedKey: string;
  onSelectNode: (node: TraceTreeNode) => void;
  locale?: string;
  /** Starts collapsed. @default false */
  defaultCollapsed?: boolean;
  className?: string;
  /** The tree's insight when the caller has it (a large trace shows its loops later); else computed here. */
  insight?: TraceDetailInsight;
}

function useWidth(ref: RefObject<HTMLElement | null>, mounted: boolean): number {
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(1, element.clientWidth || FALLBACK_WIDTH));
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, mounted]);
  return width;
}

function findCluster(clusters: readonly TimelineCluster[], key: string): number {
  return clusters.findIndex((cluster) => cluster.bars.some((bar) => bar.node.key === key));
}

/**
 * The flame chart: one bar per timed event, from its operation start for its latency, laid out in
 * lanes under their parents. Click or Enter selects; arrow keys move between bars and lanes.
 * Critical-path bars carry an underline; "Critical path only" fades the rest.
 */
export function TraceDetailTimeline({ tree, selectedKey, onSelectNode, locale, defaultCollapsed = false, className, insight }: TraceDetailTimelineProps) {
  const id = useId();
  const layout: TimelineLayout = useMemo(() => timelineLayoutOf(tree), [tree]);
  const loops = useMemo(() => (insight ?? traceDetailInsight(tree, locale)).loopsByNodeKey, [tree, locale, insight]);
  const [open, setOpen] = useState(!defaultCollapsed);
  const [criticalOnly, setCriticalOnly] = useState(false);
  const chartRef = useRef<HTMLDivElement | null>(null);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const width = useWidth(chartRef, open && layout.lanes.length > 0);
  const clusterCache = useMemo(() => new Map<number, TimelineCluster[]>(), [layout, width]);
  const clustersOf = useCallback(
    (lane: number) => {
      let clusters = clusterCache.get(lane);
      if (!clusters) {
        clusters = clusterLane(layout.lanes[lane] ?? [], layout, width);
        clusterCache.set(lane, clusters);
      }
      return clusters;
    },
    [clusterCache, layout, width],
  );
  const selectedBar = layout.byKey.get(selectedKey);
  const [active, setActive] = useState<{ lane: number; key: string } | null>(null);
  const activeLane = active?.lane ?? selectedBar?.lane ?? 0;
  const laneClusters = clustersOf(activeLane);
  const activeKey = (() => {
    const wanted = active?.key ?? selectedBar?.node.key;
    const index = wanted ? findCluster(laneClusters, wanted) : -1;
    return laneClusters[index >= 0 ? index : 0]?.bars[0]?.node.key ?? null;
  })();

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (!indexes.includes(activeLane) && activeLane < layout.lanes.length) indexes.push(activeLane);
      return indexes.sort((a, b) => a - b);
    },
    [activeLane, layout.lanes.length],
  );
  const virtualizer = useVirtualizer({
    count: open ? layout.lanes.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LANE_HEIGHT,
    overscan: 4,
    rangeExtractor,
    initialRect: fallbackRect(VISIBLE_LANES * LANE_HEIGHT),
    observeElementRect: observeRectWithFallback(VISIBLE_LANES * LANE_HEIGHT),
  });

  const pendingFocus = useRef<{ lane: number; key: string } | null>(null);
  useIsomorphicLayoutEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    const lane = scrollRef.current?.querySelector(`[data-lane="${target.lane}"]`);
    const bar = [...(lane?.querySelectorAll<HTMLElement>("[data-key]") ?? [])].find((node) => node.dataset.key === target.key);
    bar?.focus({ preventScroll: true });
  });
  const focusBar = (lane: number, key: string) => {
    setActive({ lane, key });
    pendingFocus.current = { lane, key };
    virtualizer.scrollToIndex(lane, { align: "auto" });
  };
  const onSelectBar = useCallback(
    (lane: number, node: TraceTreeNode) => {
      setActive({ lane, key: node.key });
      onSelectNode(node);
    },
    [onSelectNode],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!activeKey) return;
    const clusters = clustersOf(activeLane);
    const index = findCluster(clusters, activeKey);
    const current = clusters[index];
    let lane = activeLane;
    let target: TimelineCluster | undefined;
    if (event.key === "ArrowRight") target = clusters[index + 1];
    else if (event.key === "ArrowLeft") target = clusters[index - 1];
    else if (event.key === "Home") target = clusters[0];
    else if (event.key === "End") target = clusters[clusters.length - 1];
    else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const step = event.key === "ArrowDown" ? 1 : -1;
      for (lane = activeLane + step; lane >= 0 && lane < layout.lanes.length; lane += step) {
        const candidates = clustersOf(lane);
        if (candidates.length === 0) continue;
        const x = current?.leftPx ?? 0;
        target = candidates.reduce((best, c) => (Math.abs(c.leftPx - x) < Math.abs(best.leftPx - x) ? c : best));
        break;
      }
    } else return;
    event.preventDefault();
    const key = target?.bars[0]?.node.key;
    if (key) focusBar(lane, key);
  };

  const total = layout.durationMs / 1000;
  const kinds = useMemo(() => kindsInTree(tree), [tree]);
  const hasCritical = tree.criticalPath.length > 0;
  return (
    <div role="group" data-slot="trace-timeline" aria-labelledby={`${id}-title`} className={cn("tl:rounded-tl tl:border tl:border-border tl:bg-bg", className)}>
      <div className="tl:flex tl:flex-wrap tl:items-center tl:gap-x-3 tl:gap-y-1 tl:px-2 tl:py-1.5">
        <button
          type="button"
          id={`${id}-title`}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          className="tl:cursor-pointer tl:border-0 tl:bg-transparent tl:p-0 tl:text-sm tl:font-semibold tl:text-fg tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
        >
          <span aria-hidden="true">{open ? "▾ " : "▸ "}</span>
          Timeline ({formatLatency(total, { locale })} wall clock)
        </button>
        <ul aria-label="Legend" className="tl:m-0 tl:flex tl:list-none tl:flex-wrap tl:gap-2 tl:p-0 tl:text-[11px] tl:text-muted">
          {kinds.map((kind) => (
            <li key={kind} className="tl:inline-flex tl:items-center tl:gap-1">
              <span aria-hidden="true" className={cn("tl:inline-block tl:h-2 tl:w-3 tl:rounded-sm", KIND_FILL[kind])} />
              {KIND_LABEL[kind]}
            </li>
          ))}
          <li className="tl:inline-flex tl:items-center tl:gap-1">
            <span aria-hidden="true" className="tl:inline-block tl:h-2 tl:w-3 tl:rounded-sm tl:ring-2 tl:ring-(color:--tl-danger)" />
            Error
          </li>
          {hasCritical && (
            <li className="tl:inline-flex tl:items-center tl:gap-1">
              <span aria-hidden="true" className="tl:inline-block tl:h-2 tl:w-3 tl:rounded-sm tl:shadow-[inset_0_-3px_0_var(--tl-critical-path)] tl:bg-bg-subtle" />
              Critical path
            </li>
          )}
        </ul>
        {hasCritical && open && (
          <label className="tl:ml-auto tl:inline-flex tl:cursor-pointer tl:items-center tl:gap-1 tl:text-xs tl:text-fg">
            <input type="checkbox" checked={criticalOnly} onChange={(event) => setCriticalOnly(event.target.checked)} className="tl:accent-(color:--tl-accent)" />
            Critical path only
          </label>
        )}
      </div>
      {open && (
        <div className="tl:border-t tl:border-border tl:px-2 tl:pb-2">
          <div aria-hidden="true" className="tl:relative tl:h-5 tl:text-[10px] tl:text-muted">
            {layout.ticks.map((tick, i) => (
              <span key={i} className="tl:absolute tl:top-1 tl:-translate-x-1/2 tl:first:translate-x-0" style={{ left: layout.durationMs > 0 ? `${(tick.ms / layout.durationMs) * 100}%` : 0 }}>
                {tick.label}
              </span>
            ))}
          </div>
          {layout.lanes.length === 0 ? (
            <p className="tl:m-0 tl:text-xs tl:text-muted">No event in this trace has timing.</p>
          ) : (
            <div ref={scrollRef} className="tl:relative tl:overflow-y-auto tl:overflow-x-hidden" style={{ height: Math.min(layout.lanes.length, VISIBLE_LANES) * LANE_HEIGHT }}>
              <div
                ref={chartRef}
                role="group"
                aria-label="Timeline bars; arrow keys move between bars and lanes"
                onKeyDown={onKeyDown}
                data-slot="timeline-chart"
                data-lanes={layout.lanes.length}
                className="tl:relative tl:w-full"
                style={{ height: virtualizer.getTotalSize() }}
              >
                {virtualizer.getVirtualItems().map((item) => (
                  <TraceDetailTimelineLane
                    key={item.index}
                    lane={item.index}
                    clusters={clustersOf(item.index)}
                    start={item.start}
                    selectedKey={selectedKey}
                    activeKey={item.index === activeLane ? activeKey : null}
                    criticalOnly={criticalOnly}
                    locale={locale}
                    loopsByNodeKey={loops}
                    onSelect={onSelectBar}
                  />
                ))}
              </div>
            </div>
          )}
          {layout.untimedCount > 0 && (
            <p className="tl:m-0 tl:mt-1 tl:text-[11px] tl:text-muted">
              {layout.untimedCount} {layout.untimedCount === 1 ? "event has" : "events have"} no timing and {layout.untimedCount === 1 ? "is" : "are"} not drawn.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
