"use client";
import { forwardRef, type Ref } from "react";
import type { SummarizationMode, SummarizationResponseBody, TextReprEventData } from "../../core/eventsApi";
import { useTraceLensClient, type TraceLensHookOptions } from "../../hooks/context";
import { TraceLensScope } from "../../hooks/TraceLensScope";
import type { TraceSummaryParams } from "../../hooks/summaryQueryOptions";
import { useTraceSummary } from "../../hooks/useTraceSummary";
import { useControllableState } from "../ui/useControllableState";
import { eventSubject, type SummaryPanelStatus, type SummarySubject } from "./summaryPanelModel";
import { SummaryPanelView, type SummaryPanelViewProps } from "./SummaryPanelView";

type HostEvent = Pick<TextReprEventData, "id" | "event" | "properties"> & { timestamp?: string };

export interface SummaryPanelProps
  extends TraceLensHookOptions,
    Omit<SummaryPanelViewProps, "status" | "summary" | "textRepr" | "error" | "onGenerate" | "onRegenerate" | "onRetry" | "eventId"> {
  /** Summarizes this trace (the server looks it up by id). */
  traceId?: string;
  /** Summarizes this generation instead (looked up by id); with `traceId`, the trace is only context. */
  eventId?: string;
  /** Summarizes this event, sent as data: spans, and events outside the server's date range. */
  event?: HostEvent;
  /** Full control over the request (`data` + `summarizeType`, …); wins over the props above. */
  query?: Omit<TraceSummaryParams, "mode">;
  /** @deprecated Renamed `query`, as on every drop-in. */
  params?: Omit<TraceSummaryParams, "mode">;
  /** Model to ask for; empty for the server's default. */
  model?: string | null;
  /** Date bounds the server searches for `traceId` / `eventId` (PostHog's default is the last 30 days). */
  dateFrom?: string | null;
  dateTo?: string | null;
  /**
   * When the trace or event happened (its `createdAt`), when no bounds are given: the server is asked in
   * a window that holds it. Without either, the client widens its search past PostHog's 30 days.
   */
  timestamp?: string | number | null;
  /** Generate on mount, as PostHog does when its Summary tab is opened directly. @default false */
  autoGenerate?: boolean;
  /** For a trace, load a summary the server already has (batch_check first, nothing generated). @default true */
  loadCached?: boolean;
  /** A response the host already holds: shown as it is, nothing fetched. */
  response?: SummarizationResponseBody | null;
}

/** The request the host spelled out in full, if it did. */
const fullQuery = (p: SummaryPanelProps) => p.query ?? p.params;

function requestParams(p: SummaryPanelProps, mode: SummarizationMode): TraceSummaryParams {
  const dates = { model: p.model, dateFrom: p.dateFrom, dateTo: p.dateTo, timestamp: p.timestamp };
  const query = fullQuery(p);
  if (query) return { ...dates, ...query, mode };
  if (p.event) {
    const { id, event, properties, timestamp } = p.event;
    return { ...dates, mode, summarizeType: "event", data: { event: { id, event, properties, ...(timestamp ? { timestamp } : {}) } } };
  }
  if (p.eventId) return { ...dates, mode, generationId: p.eventId };
  return { ...dates, mode, traceId: p.traceId };
}

function subjectOf(p: SummaryPanelProps): SummarySubject | null {
  if (p.subject) return p.subject;
  const query = fullQuery(p);
  if (query) return query.summarizeType === "event" || query.generationId ? "generation" : "trace";
  if (p.event) return eventSubject(p.event.event);
  return p.eventId ? "generation" : "trace";
}

function shared(p: SummaryPanelProps): Omit<SummaryPanelProps, keyof SummaryPanelOwnProps> {
  const {
    traceId: _t, eventId: _e, event: _v, query: _q, params: _p, model: _m, dateFrom: _f, dateTo: _d, timestamp: _s, autoGenerate: _a, loadCached: _l,
    response: _r, client: _c, queryClient: _qc, ...view
  } = p;
  return view;
}
type SummaryPanelOwnProps = Pick<
  SummaryPanelProps,
  | "traceId" | "eventId" | "event" | "query" | "params" | "model" | "dateFrom" | "dateTo" | "timestamp" | "autoGenerate" | "loadCached" | "response"
  | "client" | "queryClient"
>;

/** Said once, where the panel would otherwise quietly never find a saved summary. */
export const CACHE_CHECK_UNAVAILABLE_NOTICE =
  "Saved summaries can't be looked up with a personal API key (PostHog allows that only for a signed-in session). Generate summary loads a saved one or makes a new one.";

type ConnectedProps = SummaryPanelProps & { forwardedRef: Ref<HTMLDivElement> };

function SummaryPanelConnected({ forwardedRef, ...props }: ConnectedProps) {
  const [mode, setMode] = useControllableState<SummarizationMode>(props.mode, props.defaultMode ?? "minimal", props.onModeChange);
  const subject = subjectOf(props);
  const hostOwned = props.response !== undefined;
  const params = hostOwned || !subject ? {} : requestParams(props, mode);
  const result = useTraceSummary(params, { autoGenerate: props.autoGenerate, loadCached: props.loadCached });
  const response = hostOwned ? props.response : result.data;
  const status: SummaryPanelStatus = !subject ? "unsupported" : hostOwned ? (response ? "success" : "idle") : result.status;
  return (
    <SummaryPanelView
      {...shared(props)}
      ref={forwardedRef}
      mode={mode}
      onModeChange={setMode}
      subject={subject ?? "event"}
      status={status}
      summary={response?.summary}
      textRepr={response?.text_repr}
      error={result.error ?? undefined}
      eventId={props.event?.id ?? props.eventId}
      notice={props.notice ?? (result.cacheCheckUnavailable && !response ? CACHE_CHECK_UNAVAILABLE_NOTICE : undefined)}
      onGenerate={hostOwned ? undefined : result.generate}
      onRegenerate={hostOwned ? undefined : result.regenerate}
      onRetry={result.regeneration.error ? result.regenerate : () => void result.query.refetch()}
    />
  );
}

/**
 * The drop-in AI summary of a trace or one event, through the surrounding `TraceLensProvider`
 * (PostHog's summarization endpoint, or a local client's summarizer). A summary the server already
 * holds is loaded on mount; nothing is generated until Generate is pressed (or `autoGenerate`).
 *
 * @example
 * <SummaryPanel traceId={id} mode="detailed" onSelectEvent={setEventId} />
 */
export const SummaryPanel = forwardRef(function SummaryPanel(props: SummaryPanelProps, ref: Ref<HTMLDivElement>) {
  return (
    <TraceLensScope client={props.client} queryClient={props.queryClient}>
      <SummaryPanelInner {...props} forwardedRef={ref} />
    </TraceLensScope>
  );
});
SummaryPanel.displayName = "SummaryPanel";

function SummaryPanelInner({ forwardedRef: ref, ...props }: ConnectedProps) {
  const connection = useTraceLensClient({ optional: true });
  if (connection) return <SummaryPanelConnected {...props} forwardedRef={ref} />;
  const response = props.response;
  const missing = response === undefined ? new Error("SummaryPanel needs a <TraceLensProvider> to load a summary, or a `response` prop.") : undefined;
  return (
    <SummaryPanelView
      {...shared(props)}
      ref={ref}
      subject={subjectOf(props) ?? "event"}
      status={missing ? "error" : response ? "success" : "idle"}
      error={missing}
      summary={response?.summary}
      textRepr={response?.text_repr}
      eventId={props.event?.id ?? props.eventId}
    />
  );
}
