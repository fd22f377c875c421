"use client";
import { forwardRef, useMemo, type Ref } from "react";
import type { TraceNeighboursParams, TraceParams } from "../../client/clientTypes";
import type { LLMTrace } from "../../core/eventsTrace";
import { useTraceLensClient, type TraceLensHookOptions } from "../../hooks/context";
import { TraceLensScope } from "../../hooks/TraceLensScope";
import { useSentiment } from "../../hooks/useSentiment";
import { useLabelResults } from "../../hooks/useLabels";
import { useTrace } from "../../hooks/useTrace";
import { useTraceEvaluations, withEvaluationRuns } from "../../hooks/useTraceEvaluations";
import { TraceDetailSummary } from "./TraceDetailSummary";
import { TraceDetailTextConnected } from "./TraceDetailTextConnected";
import { TraceDetailView, type TraceDetailViewProps } from "./TraceDetailView";
import { neighboursInList, useTraceDetailNeighbours, type TraceListEntry } from "./useTraceDetailNeighbours";

export interface TraceDetailProps extends TraceLensHookOptions, Omit<TraceDetailViewProps, "trace"> {
  /** The trace to show; when given, nothing is fetched for it. */
  trace?: LLMTrace | null;
  /** Loads the trace through the surrounding `TraceLensProvider` when `trace` is not given. */
  traceId?: string;
  /** More of PostHog's TraceQuery (date range, filters, `includeSentiment`). */
  query?: Omit<TraceParams, "traceId">;
  /** @deprecated Renamed `query`, as on every drop-in. */
  traceParams?: Omit<TraceParams, "traceId">;
  /**
   * When the trace happened (a row's `createdAt`), so PostHog is searched where the trace is; without it
   * the client widens its search (7, 30, 90 days, all time).
   */
  timestamp?: string | number | null;
  /** Inside a provider, load the trace's `$ai_evaluation` runs (PostHog's TraceQuery leaves them out). @default true */
  loadEvaluations?: boolean;
  /**
   * Inside a provider whose client classifies labels (the local client with `labelClassifiers`), label the
   * trace's user messages with emotion and toxicity when the host passed no `labels`. @default true
   */
  loadLabels?: boolean;
  /** Inside a provider, fetch trace-level sentiment when neither `sentiment` nor `trace.sentiment` is there. @default true */
  loadSentiment?: boolean;
  /** Inside a provider, where the Text tab's text comes from: the client's text_repr, or core in the browser. @default "client" */
  textReprSource?: "client" | "local";
  /** The list the trace was opened from (a table's rows, newest first): with `onTraceNavigate`, its neighbours there. */
  traceList?: readonly TraceListEntry[];
  /** Without `traceList`, inside a provider: the filters PostHog's TraceNeighborsQuery finds neighbours under. */
  neighboursQuery?: Omit<TraceNeighboursParams, "traceId" | "timestamp">;
}

type ConnectedProps = TraceDetailProps & { forwardedRef: Ref<HTMLDivElement> };

function TraceDetailConnected({
  forwardedRef, trace: traceProp, traceId, query: queryProp, traceParams, timestamp, loadSentiment = true, loadEvaluations = true, textReprSource = "client",
  loadLabels = true, traceList, neighboursQuery, client: _client, queryClient: _queryClient, ...view
}: ConnectedProps) {
  const needTrace = traceProp === undefined && Boolean(traceId);
  const query = useTrace({ ...(queryProp ?? traceParams), traceId: needTrace ? (traceId as string) : "" }, { enabled: needTrace, timestamp });
  const loaded = traceProp !== undefined ? traceProp : query.data;
  // Runs of a fetched trace come separately; a host's own trace is shown as given.
  const needRuns = needTrace && loadEvaluations && Boolean(loaded?.id);
  const runs = useTraceEvaluations(needRuns && loaded ? loaded.id : "", { timestamp: loaded?.createdAt, enabled: needRuns });
  const trace = useMemo(() => (loaded && needRuns ? withEvaluationRuns(loaded, runs.data?.results) : loaded), [loaded, needRuns, runs.data]);
  const inline = trace?.sentiment ?? undefined;
  const needSentiment = view.sentiment === undefined && !inline && loadSentiment && Boolean(trace?.id);
  const sentimentQuery = useSentiment({ id: needSentiment && trace ? trace.id : "", timestamp: trace?.createdAt ?? null }, { enabled: needSentiment });
  // A result or a failure (`{error}`), shown by the header's SentimentBar as it is.
  const fetched = needSentiment ? sentimentQuery.data : undefined;
  const neighbours = useTraceDetailNeighbours({
    traceId: trace?.id ?? traceId, timestamp: trace?.createdAt, traceList, neighboursQuery, enabled: Boolean(view.onTraceNavigate) && view.neighbours === undefined,
  });
  // Labels stored on the events are read by the conversation itself; these fill in the rest.
  const needLabels = view.labels === undefined && loadLabels && Boolean(trace?.id);
  const labelResults = useLabelResults({ ids: needLabels && trace ? [trace.id] : [] });
  return (
    <TraceDetailView
      {...view}
      ref={forwardedRef}
      trace={trace}
      loading={view.loading ?? (needTrace && query.isPending)}
      error={view.error ?? (needTrace ? query.error ?? undefined : undefined)}
      onRetry={view.onRetry ?? (needTrace ? () => void query.refetch() : undefined)}
      neighbours={view.neighbours ?? neighbours}
      sentiment={view.sentiment ?? inline ?? fetched}
      sentimentLoading={view.sentimentLoading ?? (needSentiment && sentimentQuery.isPending)}
      labels={view.labels ?? (needLabels && trace ? labelResults.data[trace.id] : undefined)}
      renderText={view.renderText ?? (textReprSource === "client" ? (context) => <TraceDetailTextConnected {...context} /> : undefined)}
      summary={view.summary === undefined ? (context) => <TraceDetailSummary {...context} /> : view.summary}
    />
  );
}

/**
 * The drop-in trace view. Pass `trace` to show your own data, or `traceId` inside a
 * `<TraceLensProvider>` to load it (and its sentiment and text representation) through the client.
 * Inside a provider, the Summary tab holds the trace's `SummaryPanel` (pass `summary` to replace it,
 * `null` to drop it); its line references select their events in the tree.
 * Everything a host may want to own is controllable: `selectedEventId` + `onSelectEvent`,
 * `collapsedNodes` + `onCollapsedNodesChange`, `tab` + `onTabChange`, `search` + `onSearchChange`.
 *
 * @example
 * <TraceLensProvider client={client}>
 *   <TraceDetail traceId={id} selectedEventId={eventId} onSelectEvent={setEventId} />
 * </TraceLensProvider>
 */
export const TraceDetail = forwardRef(function TraceDetail(props: TraceDetailProps, ref: Ref<HTMLDivElement>) {
  return (
    <TraceLensScope client={props.client} queryClient={props.queryClient}>
      <TraceDetailInner {...props} forwardedRef={ref} />
    </TraceLensScope>
  );
});
TraceDetail.displayName = "TraceDetail";

function TraceDetailInner({ forwardedRef: ref, ...props }: ConnectedProps) {
  const connection = useTraceLensClient({ optional: true });
  if (connection) return <TraceDetailConnected {...props} forwardedRef={ref} />;
  const {
    trace, traceId, query: _query, traceParams: _params, timestamp: _timestamp, loadSentiment: _load, loadEvaluations: _runs, textReprSource: _source,
    loadLabels: _labels, traceList, neighboursQuery: _neighbours, client: _client, queryClient: _queryClient, ...view
  } = props;
  const missingProvider = trace === undefined && Boolean(traceId) && !view.error;
  return (
    <TraceDetailView
      {...view}
      ref={ref}
      trace={trace}
      neighbours={view.neighbours ?? neighboursInList(traceList, trace?.id ?? traceId) ?? undefined}
      error={missingProvider ? new Error("TraceDetail needs a <TraceLensProvider> to load a trace by id, or a `trace` prop.") : view.error}
    />
  );
}
