"use client";
import { useMemo, useState } from "react";
import { isPropertyBag } from "../../core/eventsAccess";
import type { LLMTraceEvent } from "../../core/eventsTrace";
import { flattenTraceTree, type TraceTreeNode } from "../../core/trace";
import { SummaryPanel } from "../SummaryPanel";
import { SMALL_BUTTON } from "../ui/buttonStyles";
import { cn } from "../ui/cn";
import type { TraceDetailPanelContext } from "./TraceDetailEventPanel";
import { KIND_LABEL, nodeTitle } from "./traceDetailModel";

const DAY_MS = 86_400_000;

/** Events PostHog can summarize on their own (its summarize endpoint takes a generation or a span). */
function summarizableEvent(node: TraceTreeNode): LLMTraceEvent | null {
  const event = node.event as LLMTraceEvent | null | undefined;
  if (!event || (event.event !== "$ai_generation" && event.event !== "$ai_span")) return null;
  if (typeof event.id !== "string" || event.id === "" || !isPropertyBag(event.properties)) return null;
  return event;
}

function ScopeSwitch({ scope, onChange, node }: { scope: "trace" | "event"; onChange: (scope: "trace" | "event") => void; node: TraceTreeNode }) {
  const options = [
    { value: "trace" as const, label: "Whole trace" },
    { value: "event" as const, label: `This ${KIND_LABEL[node.kind].toLowerCase()}: ${nodeTitle(node).slice(0, 40)}` },
  ];
  return (
    <div role="group" aria-label="Summarize" data-slot="summary-scope" className="tl:flex tl:flex-wrap tl:gap-1">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={scope === option.value}
          onClick={() => onChange(option.value)}
          className={cn(SMALL_BUTTON, scope === option.value && "tl:border-accent tl:bg-(color:--tl-selected-bg)")}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

/**
 * The default Summary tab: the whole trace's summary, whichever event is selected, so that a line
 * reference can select its event in the tree without the summary changing under the reader. With a
 * generation or span selected, "This generation" summarizes that event alone (sent as data, so
 * spans and events outside the server's date range work too).
 */
export function TraceDetailSummary({ node, tree, trace, selectEvent }: TraceDetailPanelContext) {
  // Tree order, so events with the same label are matched the way the tree shows them.
  const events = useMemo(() => flattenTraceTree(tree).flatMap((row) => (row.node.event ? [row.node.event as LLMTraceEvent] : [])), [tree]);
  const [scope, setScope] = useState<"trace" | "event">("trace");
  const traceId = tree.traceId ?? trace?.id;
  // PostHog looks traces up in the last 30 days unless told otherwise.
  const created = trace?.createdAt ? Date.parse(trace.createdAt) : Number.NaN;
  const dateFrom = Number.isFinite(created) ? new Date(created - DAY_MS).toISOString() : undefined;
  const selected = node === tree.root ? null : summarizableEvent(node);
  const eventScope = scope === "event" && selected !== null;
  return (
    <div className="tl:flex tl:flex-col tl:gap-2">
      {selected && <ScopeSwitch scope={eventScope ? "event" : "trace"} onChange={setScope} node={node} />}
      {eventScope ? (
        <SummaryPanel
          key={node.key}
          event={{ id: selected.id, event: selected.event, properties: selected.properties as Record<string, unknown>, timestamp: selected.createdAt || undefined }}
          events={[selected]}
          onSelectEvent={selectEvent}
          showTextRepr
          textReprMaxHeight={420}
        />
      ) : traceId ? (
        <SummaryPanel traceId={traceId} dateFrom={dateFrom} events={events} onSelectEvent={selectEvent} showTextRepr textReprMaxHeight={420} />
      ) : (
        <p className="tl:m-0 tl:text-sm tl:text-muted">This trace has no id to summarize.</p>
      )}
    </div>
  );
}
