"use client";
import { useQuery, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import { useTraceLensClient, type TraceLensHookOptions } from "./context";
import type { SentimentLevel } from "./keys";
import { sentimentQueryOptions, type SentimentFor, type SentimentQueryParams } from "./sentimentQueryOptions";

export type UseSentimentOptions<L extends SentimentLevel> = Omit<UseQueryOptions<SentimentFor<L>, Error>, "queryKey" | "queryFn"> &
  TraceLensHookOptions;

/**
 * Sentiment of one trace or generation. Mount it in every row: ids requested in the same tick
 * are batched (5 per request, 2 requests in flight) and cached for 24 hours. An empty `id`
 * disables the query. Re-classify with `useRefreshSentiment`.
 *
 * @example
 * const { data, isPending } = useSentiment({ id: trace.id });          // trace level
 * const generation = useSentiment({ id: event.id, level: "generation" });
 */
export function useSentiment<L extends SentimentLevel = "trace">(
  params: SentimentQueryParams<L>,
  options: UseSentimentOptions<L> = {},
): UseQueryResult<SentimentFor<L>, Error> {
  const { client: _client, queryClient: _queryClient, ...rest } = options;
  const { client, queryClient } = useTraceLensClient(options);
  const base = sentimentQueryOptions(client, params);
  return useQuery({ ...base, ...rest, enabled: Boolean(params.id) ? (rest.enabled ?? true) : false } as typeof base, queryClient);
}
