"use client";
import { useQueries, type UseQueryResult } from "@tanstack/react-query";
import { useTraceLens, type TraceLensHookOptions } from "./context";
import type { SentimentLevel, SentimentRange } from "./keys";
import { sentimentQueryOptions, type SentimentFor } from "./sentimentQueryOptions";

export interface UseSentimentsResult<L extends SentimentLevel> {
  /** Per id, its query result. */
  byId: Record<string, UseQueryResult<SentimentFor<L>, Error>>;
  /** Per id, the result once it has arrived. */
  data: Record<string, SentimentFor<L>>;
  /** True while any id is still loading for the first time. */
  isPending: boolean;
}

/**
 * Sentiment for several ids at once (a trace tree's generations, say), through the same
 * batching and cache as `useSentiment`.
 *
 * @example
 * const { data } = useSentiments({ ids: generationIds, level: "generation" });
 */
export function useSentiments<L extends SentimentLevel = "trace">(
  params: { ids: readonly string[]; level?: L; timestamps?: Readonly<Record<string, string | number | null | undefined>> } & SentimentRange,
  options: TraceLensHookOptions = {},
): UseSentimentsResult<L> {
  const { client, queryClient } = useTraceLens(options);
  const ids = [...new Set(params.ids.filter(Boolean))];
  return useQueries(
    {
      queries: ids.map((id) => sentimentQueryOptions(client, { ...params, id, timestamp: params.timestamps?.[id] ?? null })),
      combine: (results) => {
        const byId: Record<string, UseQueryResult<SentimentFor<L>, Error>> = {};
        const data: Record<string, SentimentFor<L>> = {};
        results.forEach((result, i) => {
          const id = ids[i]!;
          byId[id] = result as UseQueryResult<SentimentFor<L>, Error>;
          if (result.data !== undefined) data[id] = result.data as SentimentFor<L>;
        });
        return { byId, data, isPending: results.some((r) => r.isPending) };
      },
    },
    queryClient,
  );
}
