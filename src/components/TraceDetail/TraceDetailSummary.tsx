"use client";
import { useMemo } from "react";
import type { LLMTraceEvent } from "../../core/eventsTrace";
import { flattenTraceTree } from "../../core/trace";
import { SummaryPanel } from "../SummaryPanel";
import type { TraceDetailPanelContext } from "./TraceDetailEventPanel";

const DAY_MS = 86_400_000;

/**
 * The default Summary tab: the whole trace's summary, whichever event is selected, so that a line
 * reference can select its event in the tree without the summary changing under the reader.
 */
export function TraceDetailSummary({ tree, trace, selectEvent }: TraceDetailPanelContext) {
  // Tree order, so events with the same label are matched the way the tree shows them.
  const events = useMemo(() => flattenTraceTree(tree).flatMap((row) => (row.node.event ? [row.node.event as LLMTraceEvent] : [])), [tree]);
  const traceId = tree.traceId ?? trace?.id;
  // PostHog looks traces up in the last 30 days unless told otherwise.
  const created = trace?.createdAt ? Date.parse(trace.createdAt) : Number.NaN;
  const dateFrom = Number.isFinite(created) ? new Date(created - DAY_MS).toISOString() : undefined;
  if (!traceId) return <p className="tl:m-0 tl:text-sm tl:text-muted">This trace has no id to summarize.</p>;
  return <SummaryPanel traceId={traceId} dateFrom={dateFrom} events={events} onSelectEvent={selectEvent} showTextRepr textReprMaxHeight={420} />;
}
