"use client";
import { useQuery, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import type { SummarizationBatchCheckResponseBody } from "../core/eventsApi";
import { useTraceLensClient, type TraceLensHookOptions } from "./context";
import { summaryBatchCheckQueryOptions, type SummaryBatchCheckParams } from "./summaryQueryOptions";

export type UseSummaryBatchCheckOptions = Omit<UseQueryOptions<SummarizationBatchCheckResponseBody, Error>, "queryKey" | "queryFn"> &
  TraceLensHookOptions;

/**
 * Which of these traces already have a summary (and its title), without generating any:
 * one request per 100 ids. Disabled for an empty list.
 *
 * @example
 * const { data } = useSummaryBatchCheck({ traceIds: session.traces.map((t) => t.id) });
 * const titles = new Map(data?.summaries.map((s) => [s.trace_id, s.title]));
 */
export function useSummaryBatchCheck(
  params: SummaryBatchCheckParams,
  options: UseSummaryBatchCheckOptions = {},
): UseQueryResult<SummarizationBatchCheckResponseBody, Error> {
  const { client: _client, queryClient: _queryClient, ...rest } = options;
  const { client, queryClient } = useTraceLensClient(options);
  const base = summaryBatchCheckQueryOptions(client, params);
  return useQuery({ ...base, ...rest, enabled: params.traceIds.length > 0 ? (rest.enabled ?? true) : false } as typeof base, queryClient);
}
