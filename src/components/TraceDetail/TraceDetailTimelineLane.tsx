import { memo } from "react";
import { formatLatency } from "../../core/format";
import { describeNodeDuration, nodeDuration } from "../../core/traceTimesText";
import type { TraceTreeNode } from "../../core/trace";
import { cn } from "../ui/cn";
import { KIND_FILL, KIND_LABEL, nodeErrored, nodeTitle } from "./traceDetailModel";
import type { TimelineCluster } from "./traceDetailTimelineLayout";
import type { TraceLoop } from "../../core/traceLoopsTypes";
import { loopSummary } from "./traceDetailInsight";

export const LANE_HEIGHT = 22;

/** "label · wall-clock span (self …) · critical path · error", as PostHog's bar label plus our extras. */
export function barLabel(node: TraceTreeNode, locale?: string, loops?: readonly TraceLoop[]): string {
  const parts = [`${KIND_LABEL[node.kind]} ${nodeTitle(node)}`];
  const duration = describeNodeDuration(node, locale);
  if (duration !== null) parts.push(duration);
  if (node.onCriticalPath) parts.push("critical path");
  if (nodeErrored(node)) parts.push("error");
  const loop = loopSummary(loops);
  if (loop) parts.push(loop);
  return parts.join(" · ");
}

// The bar's visible text: the length it is drawn with, so a bar never reads shorter than it looks.
function barDuration(node: TraceTreeNode, locale?: string): string {
  const duration = nodeDuration(node);
  return duration === null ? "" : ` · ${formatLatency(duration, { locale })}`;
}

function clusterLabel(cluster: TimelineCluster, locale?: string, loopsByNodeKey?: ReadonlyMap<string, TraceLoop[]>): string {
  const first = cluster.bars[0];
  if (!first) return "";
  const loops = loopsByNodeKey?.get(first.node.key);
  if (cluster.bars.length === 1) return barLabel(first.node, locale, loops);
  return `${cluster.bars.length} events starting with ${barLabel(first.node, locale, loops)}`;
}

export interface TraceDetailTimelineLaneProps {
  lane: number;
  clusters: readonly TimelineCluster[];
  start: number;
  selectedKey: string;
  activeKey: string | null;
  criticalOnly: boolean;
  locale?: string;
  /** Loops per node key: their bars say so (label and a ↻ mark). */
  loopsByNodeKey?: ReadonlyMap<string, TraceLoop[]>;
  onSelect: (lane: number, node: TraceTreeNode) => void;
}

/** One lane of bars; each bar (or cluster of tiny bars) is a button. */
export const TraceDetailTimelineLane = memo(function TraceDetailTimelineLane({
  lane,
  clusters,
  start,
  selectedKey,
  activeKey,
  criticalOnly,
  locale,
  loopsByNodeKey,
  onSelect,
}: TraceDetailTimelineLaneProps) {
  return (
    <div data-slot="timeline-lane" data-lane={lane} className="tl:absolute tl:left-0 tl:top-0 tl:w-full" style={{ height: LANE_HEIGHT, transform: `translateY(${start}px)` }}>
      {clusters.map((cluster) => {
        const first = cluster.bars[0];
        if (!first) return null;
        const node = first.node;
        const selected = cluster.bars.some((bar) => bar.node.key === selectedKey);
        const errored = cluster.bars.some((bar) => nodeErrored(bar.node));
        const critical = cluster.bars.some((bar) => bar.node.onCriticalPath);
        const label = clusterLabel(cluster, locale, loopsByNodeKey);
        const looping = cluster.bars.some((bar) => loopsByNodeKey?.has(bar.node.key));
        return (
          <button
            key={node.key}
            type="button"
            tabIndex={node.key === activeKey ? 0 : -1}
            data-slot="timeline-bar"
            data-key={node.key}
            data-kind={node.kind}
            data-count={cluster.bars.length > 1 ? cluster.bars.length : undefined}
            data-state={selected ? "selected" : undefined}
            data-critical={critical || undefined}
            data-error={errored || undefined}
            data-loop={looping || undefined}
            aria-label={label}
            aria-current={selected || undefined}
            title={label}
            onClick={() => onSelect(lane, node)}
            className={cn(
              "tl:absolute tl:top-[3px] tl:box-border tl:h-4 tl:cursor-pointer tl:overflow-hidden tl:rounded-sm tl:border-0 tl:p-0 tl:text-left tl:text-[10px] tl:leading-4 tl:whitespace-nowrap tl:text-(color:--tl-on-kind)",
              "tl:focus-visible:outline-2 tl:focus-visible:outline-offset-1 tl:focus-visible:outline-focus",
              KIND_FILL[node.kind],
              cluster.widthPx >= 48 && "tl:px-1",
              critical && "tl:shadow-[inset_0_-3px_0_var(--tl-critical-path)]",
              errored && "tl:ring-2 tl:ring-(color:--tl-danger)",
              selected && "tl:outline-2 tl:outline-offset-1 tl:outline-(color:--tl-fg)",
              criticalOnly && !critical && "tl:opacity-30",
            )}
            style={{ left: cluster.leftPx, width: cluster.widthPx, minWidth: 3 }}
          >
            {cluster.widthPx >= 48 && !(criticalOnly && !critical) ? (
              <span aria-hidden="true">
                {looping ? "↻ " : ""}
                {nodeTitle(node)}
                {barDuration(node, locale)}
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
});
