import { readNumber, readString } from "../../core/eventsAccess";
import { formatCost, formatLatency, formatTokens } from "../../core/format";
import { dateTimeFormat } from "../../core/intlFormatters";
import { spanKindOf } from "../../core/spanKinds";
import { FORMAT_PLACEHOLDER } from "../../core/format";
import { describeCost, describeTokens, totalsUsageCoverage } from "../../core/traceUsage";
import { TRACE_TIME_DESCRIPTIONS, nodeWallClock } from "../../core/traceTimes";
import type { TraceTree, TraceTreeNode } from "../../core/trace";
import { cn } from "../ui/cn";
import { CopyButton } from "../ui/CopyButton";
import { TraceDetailAnnotationChips } from "./TraceDetailAnnotations";
import { TraceDetailChip } from "./TraceDetailChip";
import { costBreakdown } from "./TraceDetailHeader";
import { eventCostDetail, generationParameterLines, treeCostDetail } from "./TraceDetailCostHeader";
import { KIND_LABEL, KIND_TEXT, formatInteger, nodeErrored, nodeModel, nodeProperties, nodeTitle } from "./traceDetailModel";

const EVENT_TIME: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "medium" };

function formatTimestamp(value: string | undefined, locale?: string): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return null;
  try {
    return dateTimeFormat(locale, EVENT_TIME).format(ms);
  } catch {
    return new Date(ms).toISOString();
  }
}

export interface TraceDetailEventHeaderProps {
  node: TraceTreeNode;
  tree: TraceTree;
  locale?: string;
}

/** Type tag, title and the selected event's facts (PostHog's MetadataHeader, plus self time and critical path). */
export function TraceDetailEventHeader({ node, tree, locale }: TraceDetailEventHeaderProps) {
  const p = nodeProperties(node);
  const m = node.metrics;
  const t = node.totals;
  const model = nodeModel(node);
  const provider = readString(p.$ai_provider);
  const ttft = readNumber(p.$ai_time_to_first_token);
  const when = formatTimestamp(node.event?.createdAt, locale);
  const usage = node.kind === "generation" || node.kind === "embedding";
  const isRoot = node === tree.root;
  // The trace, and a span that reported no latency of its own, are timed by the span of what ran under them.
  const wallClock = isRoot || m.latency === null ? nodeWallClock(node) : null;
  const aggregate = node !== tree.root && node.children.length > 0 && (t.costReportedCount > 0 || t.tokensReportedCount > 0);
  const below = totalsUsageCoverage(t);
  const belowCost = describeCost(t.totalCost, below, locale);
  const belowTokens = describeTokens(t.inputTokens, t.outputTokens, below, locale);
  const parameters = generationParameterLines(node);
  return (
    <div data-slot="event-header" className="tl:flex tl:flex-col tl:gap-1.5">
      <div className="tl:flex tl:flex-wrap tl:items-center tl:gap-2">
        <span className={cn("tl:rounded-sm tl:border tl:px-1 tl:text-[10px] tl:font-semibold tl:uppercase", KIND_TEXT[node.kind])}>{KIND_LABEL[node.kind]}</span>
        {node.kind === "span" && spanKindOf(p) && (
          <span data-slot="span-kind" className="tl:rounded-sm tl:bg-bg-subtle tl:px-1 tl:text-[10px] tl:text-muted">
            {spanKindOf(p)}
          </span>
        )}
        <h3 className="tl:m-0 tl:min-w-0 tl:truncate tl:text-sm tl:font-semibold tl:text-fg" title={nodeTitle(node)}>
          {nodeTitle(node)}
        </h3>
      </div>
      <div className="tl:flex tl:flex-wrap tl:items-center tl:gap-1.5">
        {nodeErrored(node) && (
          <TraceDetailChip label="Status" tone="danger" data-slot="chip-error">
            Error
          </TraceDetailChip>
        )}
        {/* The trace does no work of its own: its time is its wall clock, and what its steps leave uncovered is idle. */}
        {wallClock !== null && (isRoot || wallClock > 0) && (
          <TraceDetailChip label="Wall clock" showLabel detail={TRACE_TIME_DESCRIPTIONS.wallClock}>
            {formatLatency(wallClock, { locale })}
          </TraceDetailChip>
        )}
        {!isRoot && m.latency !== null && (
          <TraceDetailChip label="Latency" showLabel detail={TRACE_TIME_DESCRIPTIONS.eventLatency}>
            {formatLatency(m.latency, { locale })}
          </TraceDetailChip>
        )}
        {ttft !== null && (
          <TraceDetailChip label="Time to first token" detail="Time to first token">
            TTFT {formatLatency(ttft, { locale })}
          </TraceDetailChip>
        )}
        {m.selfTime !== null && node.children.length > 0 && (
          <TraceDetailChip label={isRoot ? "Idle" : "Self time"} showLabel detail={isRoot ? TRACE_TIME_DESCRIPTIONS.idle : TRACE_TIME_DESCRIPTIONS.selfTime}>
            {formatLatency(m.selfTime, { locale })}
          </TraceDetailChip>
        )}
        {node.onCriticalPath && (
          <TraceDetailChip label="Critical path" data-slot="chip-critical" detail="This event is on the chain of work that set the trace's end time">
            <span className="tl:text-(color:--tl-critical-path)">◆ Critical path</span>
          </TraceDetailChip>
        )}
        {usage && (
          <TraceDetailChip label="Tokens" showLabel detail={m.tokensReported ? undefined : "This event reported no token counts."}>
            <span data-usage={m.tokensReported ? "complete" : "unknown"}>{m.tokensReported ? formatTokens(m.inputTokens, m.outputTokens, { locale }) : FORMAT_PLACEHOLDER}</span>
          </TraceDetailChip>
        )}
        {usage && (m.cacheReadTokens > 0 || m.cacheCreationTokens > 0) && (
          <TraceDetailChip label="Cache" showLabel>
            {formatInteger(m.cacheReadTokens, locale)} read · {formatInteger(m.cacheCreationTokens, locale)} write
          </TraceDetailChip>
        )}
        {usage && (
          <TraceDetailChip label="Cost" showLabel detail={m.costReported ? eventCostDetail(node, locale) || costBreakdown(m.inputCost, m.outputCost, locale) : "This event reported no cost."}>
            <span data-usage={m.costReported ? "complete" : "unknown"}>{m.costReported ? formatCost(m.totalCost, { locale }) : FORMAT_PLACEHOLDER}</span>
          </TraceDetailChip>
        )}
        {aggregate && (
          <TraceDetailChip
            label="Total below"
            showLabel
            detail={[`Total tokens: ${belowTokens.text}`, belowTokens.note, treeCostDetail(tree, node.key, locale), belowCost.note].filter(Boolean).join("\n")}
          >
            <span data-usage={belowCost.status}>{belowCost.text}</span> · {belowTokens.status === "unknown" ? FORMAT_PLACEHOLDER : formatInteger(t.totalTokens, locale)} tokens
          </TraceDetailChip>
        )}
        {model && (
          <span className="tl:inline-flex tl:items-center tl:gap-1 tl:text-xs">
            <span className="tl:sr-only">Model</span>
            <span className="tl:font-code">{model}</span>
            {provider && <span className="tl:text-muted">({provider})</span>}
            <CopyButton value={model} description="model name" />
          </span>
        )}
        {parameters.length > 0 && (
          <TraceDetailChip label="Parameters" showLabel data-slot="chip-parameters" detail={parameters.map((p) => `${p.label}: ${p.text}`).join("\n")}>
            {parameters.slice(0, 3).map((p) => `${p.key === "maxTokens" ? "max" : p.key === "temperature" ? "temp" : p.label.toLowerCase()} ${p.text.length > 16 ? `${p.text.slice(0, 16)}…` : p.text}`).join(" · ")}
            {parameters.length > 3 ? ` +${parameters.length - 3}` : ""}
          </TraceDetailChip>
        )}
        {when && <span className="tl:text-xs tl:text-muted">{when}</span>}
        <TraceDetailAnnotationChips node={node} tree={tree} />
      </div>
    </div>
  );
}
