"use client";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { EventsPage } from "../client/clientTypes";
import { useTraceLens, type TraceLensHookOptions } from "./context";
import { eventsQueryOptions, traceEvaluationsParams } from "./eventsQueryOptions";

export interface UseTraceEvaluationsOptions extends TraceLensHookOptions {
  /** The trace's `createdAt`, so runs are searched from there (without it: all time). */
  timestamp?: string | number | null;
  /** @default true */
  enabled?: boolean;
}

/**
 * A trace's `$ai_evaluation` runs. PostHog's TraceQuery leaves them out and its UI loads them
 * separately; so does this, through an EventsQuery. An empty `traceId` disables it.
 *
 * @example
 * const { data } = useTraceEvaluations(trace.id, { timestamp: trace.createdAt });
 */
export function useTraceEvaluations(traceId: string, options: UseTraceEvaluationsOptions = {}): UseQueryResult<EventsPage, Error> {
  const { client, queryClient } = useTraceLens(options);
  const base = eventsQueryOptions(client, traceEvaluationsParams(traceId, options.timestamp));
  return useQuery({ ...base, enabled: Boolean(traceId) && (options.enabled ?? true) }, queryClient);
}
