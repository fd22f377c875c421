import { memo, type MouseEvent } from "react";
import { formatCost, formatLatency } from "../../core/format";
import { spanKindOf } from "../../core/spanKinds";
import { TRACE_TIME_DESCRIPTIONS } from "../../core/traceTimes";
import { nodeDuration } from "../../core/traceTimesText";
import type { GenerationSentiment, SentimentError } from "../../core/sentiment/types";
import type { TraceTreeRow } from "../../core/trace";
import { SentimentBar } from "../SentimentBar";
import { cn } from "../ui/cn";
import { highlightText } from "../ui/HighlightText";
import { TraceDetailNodeBadges } from "./TraceDetailNodeBadges";
import type { TraceDetailInsight } from "./traceDetailInsight";
import { KIND_LABEL, KIND_TEXT, formatInteger, nodeErrored, nodeModel, nodeTitle } from "./traceDetailModel";

export const TREE_ROW_HEIGHT = 30;
/** Indentation stops growing here; deeper rows show their level instead. */
const MAX_INDENT_LEVELS = 24;

export interface TraceDetailTreeRowProps {
  row: TraceTreeRow;
  index: number;
  start: number;
  level: number;
  posInSet: number;
  setSize: number;
  selected: boolean;
  active: boolean;
  compact: boolean;
  searchQuery: string;
  matched: boolean;
  sentiment: GenerationSentiment | SentimentError | null | undefined;
  locale?: string;
  insight?: TraceDetailInsight;
  /** The tree is still being finished: subtree figures and the critical path are not known yet, so they are not shown. */
  pending?: boolean;
  onRowClick: (index: number) => void;
  onToggle: (index: number) => void;
}

/** One treeitem: no focusable descendants (the row itself is the focus target). */
export const TraceDetailTreeRow = memo(function TraceDetailTreeRow(props: TraceDetailTreeRowProps) {
  const { row, index, start, level, posInSet, setSize, selected, active, compact, searchQuery, matched, sentiment, locale, pending = false } = props;
  const { node } = row;
  const critical = !pending && node.onCriticalPath;
  const errored = nodeErrored(node);
  const model = nodeModel(node);
  const indent = Math.min(row.depth, MAX_INDENT_LEVELS);
  // The same duration the node's timeline bar spans: the trace's row shows its wall clock, not a latency sum.
  const latency = nodeDuration(node);
  const latencyTitle = node.parentKey === null || node.metrics.latency === null ? TRACE_TIME_DESCRIPTIONS.wallClock : TRACE_TIME_DESCRIPTIONS.eventLatency;
  const usage = node.kind === "generation" || node.kind === "embedding";
  const spanKind = node.kind === "span" ? spanKindOf(node.event?.properties) : null;
  const onChevron = (event: MouseEvent) => {
    event.stopPropagation();
    props.onToggle(index);
  };
  return (
    <div
      role="treeitem"
      aria-level={level}
      aria-posinset={posInSet}
      aria-setsize={setSize}
      aria-expanded={row.hasChildren ? !row.collapsed : undefined}
      aria-selected={selected}
      tabIndex={active ? 0 : -1}
      data-key={node.key}
      data-index={index}
      data-slot="trace-tree-row"
      data-kind={node.kind}
      data-state={selected ? "selected" : undefined}
      data-error={errored || undefined}
      data-critical={critical || undefined}
      data-match={matched || undefined}
      onClick={() => props.onRowClick(index)}
      className={cn(
        "tl:absolute tl:left-0 tl:top-0 tl:flex tl:box-border tl:w-full tl:cursor-pointer tl:items-center tl:gap-1.5 tl:pr-2 tl:text-xs",
        "tl:focus-visible:outline-2 tl:focus-visible:-outline-offset-2 tl:focus-visible:outline-focus",
        selected ? "tl:bg-(color:--tl-selected-bg)" : "tl:hover:bg-bg-subtle",
        errored && "tl:border-l-2 tl:border-danger",
        // Matches in message contents have nothing to mark in the title, so the row itself is marked.
        matched && "tl:shadow-[inset_-3px_0_0_var(--tl-highlight-border)]",
      )}
      style={{ height: TREE_ROW_HEIGHT, transform: `translateY(${start}px)`, paddingLeft: 4 + indent * 12 }}
    >
      <span aria-hidden="true" onClick={row.hasChildren ? onChevron : undefined} className="tl:inline-flex tl:w-3 tl:shrink-0 tl:justify-center tl:text-muted">
        {row.hasChildren ? (row.collapsed ? "▸" : "▾") : ""}
      </span>
      {row.depth > MAX_INDENT_LEVELS && (
        <span aria-hidden="true" className="tl:shrink-0 tl:text-[10px] tl:text-muted">
          L{row.depth}
        </span>
      )}
      <span className={cn("tl:shrink-0 tl:rounded-sm tl:border tl:px-1 tl:text-[10px] tl:font-semibold tl:uppercase tl:leading-4", KIND_TEXT[node.kind])}>
        {KIND_LABEL[node.kind]}
      </span>
      {compact && <span className="tl:sr-only">{nodeTitle(node)}</span>}
      {!compact && spanKind && (
        <span data-slot="span-kind" title="Span kind, as the SDK recorded it" className="tl:shrink-0 tl:rounded-sm tl:bg-bg-subtle tl:px-1 tl:text-[10px] tl:leading-4 tl:text-muted">
          {spanKind}
        </span>
      )}
      {!compact && (
        <>
          {node.kind === "generation" && sentiment !== undefined && (
            <SentimentBar sentiment={sentiment} focusable={false} tooltip={false} className="tl:shrink-0" />
          )}
          <span className={cn("tl:min-w-0 tl:flex-1 tl:truncate", errored ? "tl:text-danger" : "tl:text-fg")} title={nodeTitle(node)}>
            {highlightText(nodeTitle(node), searchQuery)}
            {model && model !== node.name && <span className="tl:ml-1 tl:text-muted">{model}</span>}
          </span>
          {props.insight && <TraceDetailNodeBadges nodeKey={node.key} insight={props.insight} />}
          <span className="tl:flex tl:shrink-0 tl:items-center tl:gap-1 tl:tabular-nums tl:text-muted">
            {errored && <span className="tl:rounded-sm tl:border tl:border-danger tl:px-1 tl:text-[10px] tl:font-semibold tl:text-danger">Error</span>}
            {node.orphan && <span className="tl:text-[10px]">orphan</span>}
            {critical && (
              <span className="tl:text-(color:--tl-critical-path)" title="On the critical path">
                <span aria-hidden="true">◆</span>
                <span className="tl:sr-only">critical path</span>
              </span>
            )}
            {latency !== null && latency >= 0.01 && (
              <span data-slot="tree-row-duration" title={latencyTitle}>
                {formatLatency(latency, { locale })}
              </span>
            )}
            {usage && node.metrics.totalTokens > 0 && <span>{formatInteger(node.metrics.totalTokens, locale)} tok</span>}
            {!pending && node.totals.totalCost > 0 && <span>{formatCost(node.totals.totalCost, { locale })}</span>}
          </span>
        </>
      )}
    </div>
  );
});
