"use client";
import { forwardRef, type Ref } from "react";
import type { TraceParams } from "../../client/clientTypes";
import { useTraceLensClient, type TraceLensHookOptions } from "../../hooks/context";
import { TraceLensScope } from "../../hooks/TraceLensScope";
import { useTrace } from "../../hooks/useTrace";
import { TraceBreakdownView, type TraceBreakdownViewProps } from "./TraceBreakdownView";

export interface TraceBreakdownProps extends TraceLensHookOptions, TraceBreakdownViewProps {
  /** Loads this trace through the surrounding `TraceLensProvider` when neither `trace` nor `traces` is given. */
  traceId?: string;
  /** More of PostHog's TraceQuery (date range, filters). */
  query?: Omit<TraceParams, "traceId">;
  /** When the trace happened (a row's `createdAt`), so PostHog is searched where it is. */
  timestamp?: string | number | null;
}

type ConnectedProps = TraceBreakdownProps & { forwardedRef: Ref<HTMLDivElement> };

function TraceBreakdownConnected({ forwardedRef, traceId, query: queryParams, timestamp, client: _client, queryClient: _queryClient, ...view }: ConnectedProps) {
  const fetching = view.trace === undefined && view.traces === undefined && Boolean(traceId);
  const query = useTrace({ ...queryParams, traceId: fetching ? (traceId as string) : "" }, { enabled: fetching, timestamp });
  return (
    <TraceBreakdownView
      {...view}
      ref={forwardedRef}
      trace={fetching ? query.data : view.trace}
      loading={view.loading ?? (fetching && query.isPending)}
      error={view.error ?? (fetching ? (query.error ?? undefined) : undefined)}
      onRetry={view.onRetry ?? (fetching ? () => void query.refetch() : undefined)}
    />
  );
}

function TraceBreakdownInner({ forwardedRef: ref, ...props }: ConnectedProps) {
  const connection = useTraceLensClient({ optional: true });
  if (connection) return <TraceBreakdownConnected {...props} forwardedRef={ref} />;
  const { traceId, query: _query, timestamp: _timestamp, client: _client, queryClient: _queryClient, ...view } = props;
  const missingProvider = view.trace === undefined && view.traces === undefined && Boolean(traceId) && !view.error;
  return (
    <TraceBreakdownView
      {...view}
      ref={ref}
      error={missingProvider ? new Error("TraceBreakdown needs a <TraceLensProvider> to load a trace by id, or a `trace` prop.") : view.error}
    />
  );
}

/**
 * The drop-in breakdown of where cost and time go. Pass `trace` (or `traces` for a set) to show
 * your own data, or `traceId` inside a `<TraceLensProvider>` (or with `client`) to load it. The
 * numbers are `traceBreakdown` / `tracesBreakdown` from `tracelens/core`.
 *
 * @example
 * <TraceBreakdown traceId={id} onOpenOccurrence={(o) => openTrace(o.traceId, o.eventKey)} />
 */
export const TraceBreakdown = forwardRef(function TraceBreakdown(props: TraceBreakdownProps, ref: Ref<HTMLDivElement>) {
  return (
    <TraceLensScope client={props.client} queryClient={props.queryClient}>
      <TraceBreakdownInner {...props} forwardedRef={ref} />
    </TraceLensScope>
  );
});
TraceBreakdown.displayName = "TraceBreakdown";
