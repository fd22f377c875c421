"use client";
import { useQuery, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import type { TraceParams } from "../client/clientTypes";
import type { LLMTrace } from "../core/eventsTrace";
import { useTraceLens, type TraceLensHookOptions } from "./context";
import { traceQueryOptions } from "./traceQueryOptions";

export type UseTraceOptions = Omit<UseQueryOptions<LLMTrace | null, Error>, "queryKey" | "queryFn"> & TraceLensHookOptions;

/**
 * One trace with all its events (PostHog's TraceQuery); `data` is `null` when there is no such
 * trace in the range. An empty `traceId` disables the query.
 *
 * @example
 * const { data: trace } = useTrace({ traceId });
 */
export function useTrace(params: TraceParams, options: UseTraceOptions = {}): UseQueryResult<LLMTrace | null, Error> {
  const { client: _client, queryClient: _queryClient, ...rest } = options;
  const { client, queryClient } = useTraceLens(options);
  const base = traceQueryOptions(client, params);
  return useQuery({ ...base, ...rest, enabled: Boolean(params.traceId) ? (rest.enabled ?? true) : false } as typeof base, queryClient);
}
