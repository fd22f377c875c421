"use client";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { EventsPage } from "../client/clientTypes";
import { useTraceLensClient, type TraceLensHookOptions } from "./context";
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
  const { client, queryClient } = useTraceLensClient(options);
  const base = eventsQueryOptions(client, traceEvaluationsParams(traceId, options.timestamp));
  return useQuery({ ...base, enabled: Boolean(traceId) && (options.enabled ?? true) }, queryClient);
}

/**
 * The trace with its evaluation runs among its events (each once, in time order), as PostHog's trace
 * view shows them. The trace itself is returned when there is nothing to add.
 */
export function withEvaluationRuns<T extends { events: readonly { id: string; createdAt: string }[] }>(trace: T, runs: readonly { id: string; createdAt: string }[] | undefined): T {
  if (!runs || runs.length === 0) return trace;
  const known = new Set(trace.events.map((event) => event.id));
  const extra = runs.filter((run) => !known.has(run.id));
  if (extra.length === 0) return trace;
  const time = (value: string) => {
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : Number.POSITIVE_INFINITY;
  };
  const events = [...trace.events, ...extra].sort((a, b) => time(a.createdAt) - time(b.createdAt));
  return { ...trace, events };
}
