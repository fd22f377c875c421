import { useMemo } from "react";
import type { LLMTrace } from "../../core/eventsTrace";
import { isPropertyBag, readId, readString } from "../../core/eventsAccess";
import { formatCost } from "../../core/format";
import { traceTimes } from "../../core/traceTimes";
import { describeTraceTimes } from "../../core/traceTimesText";
import { describeCost, describeTokens } from "../../core/traceUsage";
import type { SentimentError, SentimentResult } from "../../core/sentiment/types";
import type { TraceTree } from "../../core/trace";
import { SentimentBar } from "../SentimentBar";
import { CopyButton } from "../ui/CopyButton";
import { TraceDetailChip } from "./TraceDetailChip";
import { TraceDetailAnnotationChips } from "./TraceDetailAnnotations";
import { formatInteger } from "./traceDetailModel";
import { TraceDetailModelParameters, treeCostDetail } from "./TraceDetailCostHeader";
import { TraceDetailExport } from "./TraceDetailExport";
import { traceDetailInsight, type TraceDetailInsight } from "./traceDetailInsight";

export interface TraceDetailHeaderProps {
  tree: TraceTree;
  trace?: LLMTrace | null;
  sentiment?: SentimentResult | SentimentError | null;
  sentimentLoading?: boolean;
  locale?: string;
  /** The tree's insight when the caller has it (a large trace shows its loops later); else computed here. */
  insight?: TraceDetailInsight;
}

// Hosts hand over whatever they have: ids as numbers, names as objects. Each field is read as text or
// left out, so one wrong type costs its chip, never the header.
function personLabel(trace: LLMTrace | null | undefined): string | null {
  const person = isPropertyBag(trace?.person) ? trace.person : null;
  if (!person) return readId(trace?.distinctId);
  const props = isPropertyBag(person.properties) ? person.properties : {};
  return readString(props.email) || readString(props.name) || readString(props.username) || readId(person.distinct_id);
}

/**
 * Costs of a node's usage, one per line, for the cost tooltip. Parts at 0 are left out: a sum of
 * parts nobody reported is not a cost of $0.00.
 */
export function costBreakdown(input: number, output: number, locale?: string, extra: Array<[string, number]> = []): string {
  const lines: string[] = [];
  for (const [name, value] of [["Input", input], ["Output", output], ...extra] as Array<[string, number]>) {
    if (value > 0) lines.push(`${name}: ${formatCost(value, { locale })}`);
  }
  return lines.join("\n");
}

/** The trace's name and its chips: person, session, times (model latency, wall clock, idle), tokens, cost, errors, sentiment, metrics, feedback. */
export function TraceDetailHeader({ tree, trace, sentiment, sentimentLoading, locale, insight }: TraceDetailHeaderProps) {
  const m = tree.metrics;
  const name = readString(trace?.traceName) || tree.root.name || "Trace";
  const person = personLabel(trace);
  const session = readId(trace?.aiSessionId) ?? readId((tree.root.event?.properties as Record<string, unknown> | undefined)?.$ai_session_id);
  const traceId = tree.traceId ?? readId(trace?.id);
  // A latency the `$ai_trace` event reported is the trace's own; otherwise prefer the server's figure.
  const postHogLatency = m.latencyRule !== "trace-event" && typeof trace?.totalLatency === "number" && Number.isFinite(trace.totalLatency) ? trace.totalLatency : m.totalLatency;
  const times = useMemo(() => describeTraceTimes(traceTimes(tree), { locale, postHogLatency, latencyRule: m.latencyRule }), [tree, locale, postHogLatency, m.latencyRule]);
  const cost = describeCost(m.totalCost, m.coverage, locale);
  const tokens = describeTokens(m.inputTokens, m.outputTokens, m.coverage, locale);
  // Input, output, request and web search, as PostHog's cost tooltip splits them (issue 19).
  const costDetail = [cost.note, cost.status !== "unknown" ? treeCostDetail(tree, undefined, locale) : ""].filter(Boolean).join("\n");
  const loops = (insight ?? traceDetailInsight(tree, locale)).loops;
  const showSentiment = sentiment !== undefined || sentimentLoading;
  return (
    <div data-slot="trace-header" className="tl:flex tl:flex-col tl:gap-1.5">
      <div className="tl:flex tl:flex-wrap tl:items-baseline tl:gap-2">
        <h2 className="tl:m-0 tl:min-w-0 tl:truncate tl:text-base tl:font-semibold tl:text-fg" title={name}>
          {name}
        </h2>
        {traceId && (
          <span className="tl:inline-flex tl:items-center tl:gap-1 tl:font-code tl:text-xs tl:text-muted">
            <span className="tl:sr-only">Trace id</span>
            <span title={traceId}>{traceId.length > 12 ? `${traceId.slice(0, 4)}…${traceId.slice(-4)}` : traceId}</span>
            <CopyButton value={traceId} label="Copy id" description="of the trace" />
          </span>
        )}
        {trace && <TraceDetailExport trace={trace} />}
      </div>
      <div data-slot="trace-chips" className="tl:flex tl:flex-wrap tl:items-center tl:gap-1.5">
        {person && (
          <TraceDetailChip label="Person" showLabel>
            {person}
          </TraceDetailChip>
        )}
        {session && (
          <TraceDetailChip label="Session" showLabel detail={session}>
            <span className="tl:font-code">{session.slice(0, 8)}</span>
          </TraceDetailChip>
        )}
        {times.modelLatency && (
          <TraceDetailChip label="Model latency" showLabel data-slot="chip-model-latency" detail={times.modelLatency.detail}>
            {times.modelLatency.text}
          </TraceDetailChip>
        )}
        <TraceDetailChip label="Wall clock" showLabel data-slot="chip-wall-clock" detail={times.wallClock.detail}>
          {times.wallClock.text}
        </TraceDetailChip>
        {times.idle && (
          <TraceDetailChip label="Idle" showLabel data-slot="chip-idle" detail={times.idle.detail}>
            {times.idle.text}
          </TraceDetailChip>
        )}
        <TraceDetailChip label="Tokens" showLabel data-slot="chip-tokens" detail={tokens.note || undefined}>
          <span data-usage={tokens.status}>{tokens.text}</span>
        </TraceDetailChip>
        <TraceDetailChip label="Cost" showLabel data-slot="chip-cost" detail={costDetail || undefined}>
          <span data-usage={cost.status}>{cost.text}</span>
        </TraceDetailChip>
        {m.errorCount > 0 && (
          <TraceDetailChip label="Errors" tone="danger" showLabel data-slot="chip-errors">
            {formatInteger(m.errorCount, locale)}
          </TraceDetailChip>
        )}
        {loops.length > 0 && (
          <TraceDetailChip label="Loops" showLabel tone="danger" data-slot="chip-loops" detail={loops.map((loop) => loop.description).join("\n")}>
            {formatInteger(loops.length, locale)}
          </TraceDetailChip>
        )}
        <TraceDetailModelParameters tree={tree} />
        {showSentiment && (
          <TraceDetailChip label="Sentiment" showLabel data-slot="chip-sentiment">
            <SentimentBar sentiment={sentiment ?? null} loading={sentimentLoading && !sentiment} />
          </TraceDetailChip>
        )}
        <TraceDetailAnnotationChips node={tree.root} tree={tree} includeDescendants />
      </div>
    </div>
  );
}
