import { useId, type ReactNode } from "react";
import type { LLMTrace } from "../../core/eventsTrace";
import { FORMAT_PLACEHOLDER, formatLatency } from "../../core/format";
import { TRACE_TIME_DESCRIPTIONS } from "../../core/traceTimes";
import { describeCost, llmTraceUsage } from "../../core/traceUsage";
import type { SentimentError, SentimentResult } from "../../core/sentiment/types";
import { SentimentBar } from "../SentimentBar";
import { traceInputPreview, traceOutputPreview } from "../../core/tracePreviews";
import { traceClickDetails, type TraceClickDetails } from "../../core/traceRows";
import { LINK_BUTTON } from "../ui/buttonStyles";
import { DisclosureChevron } from "../ui/DisclosureChevron";
import { readableError } from "../ui/readableError";
import { markdownPreview } from "../../core/markdownPreview";
import { traceTimeLabel } from "./sessionViewModel";

export interface SessionViewTraceProps {
  trace: LLMTrace;
  /** 1-based place in the conversation. */
  position: number;
  expanded: boolean;
  onExpandedChange: (expanded: boolean) => void;
  sentiment: SentimentResult | SentimentError | null | undefined;
  sentimentLoading: boolean;
  summaryTitle: string | undefined;
  summarizing: boolean;
  summaryError: unknown;
  onTraceClick?: (traceId: string, details: TraceClickDetails) => void;
  renderConversation: (trace: LLMTrace) => ReactNode;
  locale?: string;
}

function Preview({ who, text }: { who: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p dir="auto" className="tl:m-0 tl:line-clamp-2 tl:break-words tl:text-xs tl:text-muted">
      <span className="tl:font-semibold tl:text-fg">{who}: </span>
      {text}
    </p>
  );
}

/** One trace of the session: its summary title, sentiment and time; expands to its conversation. */
export function SessionViewTrace(props: SessionViewTraceProps) {
  const { trace, position, expanded, onExpandedChange, sentiment, sentimentLoading, summaryTitle, summarizing, summaryError, onTraceClick, locale } = props;
  const bodyId = useId();
  const name = typeof trace.traceName === "string" && trace.traceName ? trace.traceName : `Trace ${String(trace.id).slice(0, 8)}`;
  // A summary title is model output: markdown marks would show as such on one line.
  const title = (summaryTitle && markdownPreview(summaryTitle, 200)) || name;
  // A cost nobody reported is left out rather than shown as $0.00; a partial one reads "≥ $x".
  const usage = llmTraceUsage(trace);
  const cost = describeCost(usage.totalCost, usage.coverage, locale);
  // PostHog's trace latency, named as the tables name it: a sum of latencies, not the session's wall clock.
  const latency = formatLatency(trace.totalLatency, { locale });
  const meta = [summaryTitle ? name : null, latency === FORMAT_PLACEHOLDER ? null : `latency ${latency}`, cost.text]
    .filter((part) => part && part !== FORMAT_PLACEHOLDER)
    .join(" · ");
  return (
    <li data-slot="session-trace" data-trace-id={String(trace.id)} data-state={expanded ? "open" : "closed"} className="tl:rounded-tl tl:border tl:border-solid tl:border-border tl:bg-bg">
      <div className="tl:flex tl:flex-wrap tl:items-center tl:gap-x-3 tl:gap-y-1 tl:px-3 tl:py-2">
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={() => onExpandedChange(!expanded)}
          className="tl:flex tl:min-w-0 tl:flex-1 tl:cursor-pointer tl:items-baseline tl:gap-2 tl:border-0 tl:bg-transparent tl:p-0 tl:text-left tl:text-sm tl:text-fg tl:focus-visible:outline-2 tl:focus-visible:outline-focus"
        >
          <DisclosureChevron open={expanded} />
          <span className="tl:tabular-nums tl:text-muted">{position}.</span>{" "}
          <span data-slot="session-trace-title" dir="auto" className="tl:min-w-0 tl:break-words tl:font-semibold">
            {title}
          </span>
        </button>
        <SentimentBar sentiment={sentiment ?? null} loading={sentimentLoading} />
        <time dateTime={typeof trace.createdAt === "string" ? trace.createdAt : undefined} className="tl:text-xs tl:text-muted">
          {traceTimeLabel(trace.createdAt, locale)}
        </time>
        {onTraceClick && (
          <button type="button" className={LINK_BUTTON} onClick={() => onTraceClick(trace.id, traceClickDetails(trace))}>
            Open trace<span className="tl:sr-only"> {position}</span>
          </button>
        )}
      </div>
      <div className="tl:flex tl:flex-col tl:gap-1 tl:px-3 tl:pb-2 tl:pl-8">
        {meta && (
          <p className="tl:m-0 tl:text-xs tl:text-muted" title={[latency === FORMAT_PLACEHOLDER ? "" : TRACE_TIME_DESCRIPTIONS.postHogLatency, cost.note].filter(Boolean).join("\n") || undefined}>
            {meta}
            {cost.note && <span className="tl:sr-only"> ({cost.note})</span>}
          </p>
        )}
        {summarizing && <p className="tl:m-0 tl:text-xs tl:italic tl:text-muted">Summarizing…</p>}
        {!summarizing && summaryError !== undefined && summaryError !== null && (
          <p className="tl:m-0 tl:break-words tl:text-xs tl:text-danger">Summary failed: {readableError(summaryError).slice(0, 200)}</p>
        )}
        {!expanded && <Preview who="User" text={traceInputPreview(trace)?.text} />}
        {!expanded && <Preview who="Assistant" text={traceOutputPreview(trace)?.text} />}
      </div>
      <div id={bodyId} hidden={!expanded} data-slot="session-trace-conversation" className="tl:border-t tl:border-solid tl:border-border tl:p-3">
        {expanded && props.renderConversation(trace)}
      </div>
    </li>
  );
}
