"use client";
import { forwardRef, useMemo, type Ref } from "react";
import type { TracesParams } from "../../client/clientTypes";
import type { LLMTrace } from "../../core/eventsTrace";
import { useTraceLensClient, type TraceLensHookOptions } from "../../hooks/context";
import { TraceLensScope } from "../../hooks/TraceLensScope";
import { useSentimentResults } from "../../hooks/useSentimentResults";
import { useSessionSummaries } from "../../hooks/useSessionSummaries";
import { useSessionTraces } from "../../hooks/useSessionTraces";
import { useTrace } from "../../hooks/useTrace";
import { ErrorBoundary } from "../ui/ErrorState";
import { SessionViewConversation } from "./SessionViewConversation";
import { useSessionOrder } from "./useSessionOrder";
import { useControllableState } from "../ui/useControllableState";
import { SessionViewTraceList, sessionPageSize, sessionShownCount, type SessionViewTraceListProps } from "./SessionViewTraceList";

/** Said once when batch_check is refused to a personal API key. */
const SESSION_TITLES_UNAVAILABLE =
  "Saved summary titles can't be looked up with a personal API key (PostHog allows that only for a signed-in session); Summarize all still works.";

/** PostHog's default page size, and as many ids as one batch_check takes. */
const SESSION_TRACE_LIMIT = 100;

export interface SessionViewProps extends TraceLensHookOptions, Omit<SessionViewTraceListProps, "traces" | "sessionId"> {
  /** The AI session: `$ai_session_id` (or `$session_id` for PostHog-LLM events). */
  sessionId: string;
  /** Traces the host already has; only those of `sessionId` are shown and none are fetched. */
  traces?: readonly LLMTrace[];
  /**
   * More of the TracesQuery (date range, test-account filter); the session filter is added to `properties`.
   * Without a date range the session is searched around `timestamp`, then in ever wider windows.
   */
  query?: Omit<TracesParams, "offset">;
  /** When the session happened (one of its traces' `createdAt`), so PostHog is searched where it is. */
  timestamp?: string | number | null;
  /** Inside a provider, load trace sentiment that the traces do not carry. @default true */
  loadSentiment?: boolean;
  /** Inside a provider, show cached summary titles and offer "Summarize all". @default true */
  loadSummaries?: boolean;
}

/** An expanded trace: the full trace (TraceQuery; list rows hold only top-level events), the list row meanwhile. */
function SessionViewFullConversation({ trace }: { trace: LLMTrace }) {
  const full = useTrace({ traceId: trace.id }, { timestamp: trace.createdAt });
  return <SessionViewConversation trace={full.data ?? trace} />;
}
const fullConversation = (trace: LLMTrace) => <SessionViewFullConversation trace={trace} />;

type ConnectedProps = SessionViewProps & { forwardedRef: Ref<HTMLDivElement> };

function SessionViewConnected({
  forwardedRef, sessionId, traces: hostTraces, query, timestamp, loadSentiment = true, loadSummaries = true, client: _client, queryClient: _queryClient, ...view
}: ConnectedProps) {
  // The session's own time (when the host knows it) finds it in one query; otherwise ever wider windows do.
  const list = useSessionTraces(sessionId, { ...query, limit: query?.limit ?? SESSION_TRACE_LIMIT }, { enabled: !hostTraces, timestamp });
  const source = hostTraces ?? list.data?.results;
  const { traces, pending: ordering } = useSessionOrder(source, sessionId);
  // Sentiment and summary titles only for the traces on show: a 20,000-trace session asks for a page.
  const pageSize = sessionPageSize(view.pageSize);
  const [shown, setShown] = useControllableState(view.shownCount, view.defaultShownCount ?? pageSize, view.onShownCountChange);
  // sessionTraces gives them oldest first, the order the view shows them in.
  const onShow = useMemo(() => (traces ?? []).slice(0, sessionShownCount(shown, pageSize)), [traces, shown, pageSize]);
  const ids = useMemo(() => onShow.map((t) => t.id), [onShow]);
  // Each trace's own time goes with every lookup by its id, so PostHog searches where the trace is.
  const timestamps = useMemo(() => Object.fromEntries(onShow.map((t) => [t.id, t.createdAt])), [onShow]);
  const unscored = loadSentiment && view.sentiments === undefined ? onShow.filter((t) => !t.sentiment).map((t) => t.id) : [];
  // Results and failures alike go to each trace's SentimentBar as they are.
  const sentiment = useSentimentResults({ ids: unscored, timestamps });
  const summaries = useSessionSummaries(loadSummaries ? ids : [], { enabled: loadSummaries, timestamps });
  return (
    <SessionViewTraceList
      {...view}
      ref={forwardedRef}
      sessionId={sessionId}
      traces={traces}
      loading={(view.loading ?? (!hostTraces && list.isPending)) || ordering}
      error={view.error ?? (hostTraces ? undefined : (list.error ?? undefined))}
      onRetry={view.onRetry ?? (hostTraces ? undefined : () => void list.refetch())}
      moreTraces={view.moreTraces ?? (!hostTraces && list.data?.hasMore === true)}
      sentiments={view.sentiments ?? sentiment.data}
      sentimentLoadingIds={view.sentimentLoadingIds ?? sentiment.pendingIds}
      summaryTitles={view.summaryTitles ?? (loadSummaries ? summaries.titles : undefined)}
      summarizingIds={view.summarizingIds ?? summaries.summarizingIds}
      summaryErrors={view.summaryErrors ?? summaries.errors}
      onSummarizeAll={view.onSummarizeAll ?? (loadSummaries ? summaries.summarizeAll : undefined)}
      summaryNotice={view.summaryNotice ?? (summaries.unavailable ? SESSION_TITLES_UNAVAILABLE : undefined)}
      renderConversation={view.renderConversation ?? fullConversation}
      shownCount={shown}
      onShownCountChange={setShown}
    />
  );
}

function SessionViewUnconnected({
  forwardedRef, traces, sessionId, query: _query, timestamp: _t, loadSentiment: _s, loadSummaries: _m, client: _client, queryClient: _queryClient, ...view
}: ConnectedProps) {
  const { traces: shown, pending: ordering } = useSessionOrder(traces, sessionId);
  const missingProvider = traces === undefined && !view.error && !view.loading;
  return (
    <SessionViewTraceList
      {...view}
      ref={forwardedRef}
      sessionId={sessionId}
      traces={shown}
      loading={view.loading || ordering}
      error={missingProvider ? new Error("SessionView needs a <TraceLensProvider> to load a session, or a `traces` prop.") : view.error}
    />
  );
}

/**
 * The drop-in session view: every trace of one AI session, oldest first, as one conversation. Inside a
 * `<TraceLensProvider>` it lists the session's traces (TracesQuery filtered on `$ai_session_id`), their
 * sentiment (batched), their cached summary titles (one batch_check; failures are ignored, as PostHog
 * does) and offers "Summarize all" for the rest; an expanded trace loads in full. Or pass `traces`.
 *
 * @example
 * <SessionView sessionId={trace.aiSessionId} onTraceClick={(id, { timestamp }) => navigate(`/traces/${id}?at=${timestamp}`)} />
 */
export const SessionView = forwardRef(function SessionView(props: SessionViewProps, ref: Ref<HTMLDivElement>) {
  // The shell reads the traces too (to pick the session's), so its own failures need containing as well.
  return (
    <TraceLensScope client={props.client} queryClient={props.queryClient}>
      <ErrorBoundary title="The session could not be shown" resetKey={props.traces ?? props.sessionId}>
        <SessionViewInner {...props} forwardedRef={ref} />
      </ErrorBoundary>
    </TraceLensScope>
  );
});
SessionView.displayName = "SessionView";

function SessionViewInner(props: ConnectedProps) {
  const connection = useTraceLensClient({ optional: true });
  return connection ? <SessionViewConnected {...props} /> : <SessionViewUnconnected {...props} />;
}
