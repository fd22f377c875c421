"use client";
import { useQuery, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import type { TracesPage, TracesParams } from "../client/clientTypes";
import { useTraceLensClient, type TraceLensHookOptions } from "./context";
import { tracesQueryOptions } from "./traceQueryOptions";

export type UseTracesOptions = Omit<UseQueryOptions<TracesPage, Error>, "queryKey" | "queryFn"> & TraceLensHookOptions;

/**
 * One page of traces (PostHog's TracesQuery), newest first. Sentiment returned inline
 * (`includeSentiment`) is put in the sentiment cache for `useSentiment` to find.
 *
 * @example
 * const { data, isPending } = useTraces({ dateRange: { date_from: "-7d" }, limit: 50, offset: page * 50 });
 */
export function useTraces(params: TracesParams = {}, options: UseTracesOptions = {}): UseQueryResult<TracesPage, Error> {
  const { client: _client, queryClient: _queryClient, ...rest } = options;
  const { client, queryClient } = useTraceLensClient(options);
  const base = tracesQueryOptions(client, params);
  return useQuery({ ...base, ...rest } as typeof base, queryClient);
}
