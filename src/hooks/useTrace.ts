"use client";
import { useQuery, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import type { TraceParams } from "../client/clientTypes";
import type { LLMTrace } from "../core/eventsTrace";
import { useTraceLensClient, type TraceLensHookOptions } from "./context";
import { traceQueryOptions, type TraceLookupHint } from "./traceQueryOptions";

export type UseTraceOptions = Omit<UseQueryOptions<LLMTrace | null, Error>, "queryKey" | "queryFn"> & TraceLensHookOptions & TraceLookupHint;

/**
 * One trace with all its events (PostHog's TraceQuery); `data` is `null` when there is no such
 * trace. Pass the `timestamp` you have (a row's `createdAt`) so PostHog is searched where the trace
 * is; without one the client widens its search (7, 30, 90 days, all time). An empty `traceId` disables
 * the query.
 *
 * @example
 * const { data: trace } = useTrace({ traceId }, { timestamp: row.createdAt });
 */
export function useTrace(params: TraceParams, options: UseTraceOptions = {}): UseQueryResult<LLMTrace | null, Error> {
  const { client: _client, queryClient: _queryClient, timestamp, ...rest } = options;
  const { client, queryClient } = useTraceLensClient(options);
  const base = traceQueryOptions(client, params, { timestamp });
  return useQuery({ ...base, ...rest, enabled: Boolean(params.traceId) ? (rest.enabled ?? true) : false } as typeof base, queryClient);
}
