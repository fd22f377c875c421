"use client";
import { useQueries, type UseQueryResult } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useTraceLensClient, type TraceLensHookOptions } from "./context";
import type { SentimentLevel, SentimentRange } from "./keys";
import { sentimentQueryOptions, type SentimentFor } from "./sentimentQueryOptions";

export interface SentimentResultsParams<L extends SentimentLevel> extends SentimentRange {
  ids: readonly string[];
  /** @default "trace" */
  level?: L;
  /** Per id, when it happened (a row's `createdAt`), so PostHog is asked in a window that holds it. */
  timestamps?: Readonly<Record<string, string | number | null | undefined>>;
  /** @default true */
  enabled?: boolean;
}

export interface UseSentimentResultsResult<L extends SentimentLevel> {
  /**
   * Per id, what arrived: its result or its `SentimentFailure` (ready for SentimentBar's `sentiment`).
   * The same object while nothing new arrived, so it can key memoised work over many rows.
   */
  data: Readonly<Record<string, SentimentFor<L>>>;
  /** Ids still loading for the first time. */
  pendingIds: readonly string[];
  /** True while any id is still loading for the first time. */
  isPending: boolean;
  /** Per id, its query result. */
  byId: Readonly<Record<string, UseQueryResult<SentimentFor<L>, Error>>>;
}

/**
 * Holds `byId`. An instance rather than a plain object on purpose: TanStack Query compares every
 * combined result deeply with the last one on each query update, and walking a page of fresh query
 * results each time made a batch of 100 arriving cost O(n²) in one task (the results are new
 * objects on every update anyway, so nothing was shared).
 */
class QueryResultsById {}

/**
 * Sentiment for many ids at once (a page of rows, a session's traces, a dashboard's items), through the
 * same gathering and cache as `useSentiment`: an id any other row already showed costs nothing. Empty
 * and repeated ids are ignored.
 *
 * @example
 * const { data, pendingIds } = useSentimentResults({ ids: generationIds, level: "generation" });
 */
export function useSentimentResults<L extends SentimentLevel = "trace">(
  params: SentimentResultsParams<L>,
  options: TraceLensHookOptions = {},
): UseSentimentResultsResult<L> {
  const { client, queryClient } = useTraceLensClient(options);
  const enabled = params.enabled ?? true;
  // Keyed by content: callers build a new id list on every render.
  const idsKey = enabled ? [...new Set(params.ids.filter((id) => typeof id === "string" && id !== ""))].join("\u0000") : "";
  const ids = useMemo(() => (idsKey ? idsKey.split("\u0000") : []), [idsKey]);
  const combine = useCallback(
    (results: Array<UseQueryResult<SentimentFor<L>, Error>>): UseSentimentResultsResult<L> => {
      const byId = new QueryResultsById() as Record<string, UseQueryResult<SentimentFor<L>, Error>>;
      const data: Record<string, SentimentFor<L>> = {};
      const pendingIds: string[] = [];
      results.forEach((result, i) => {
        const id = ids[i]!;
        byId[id] = result;
        if (result.data !== undefined) data[id] = result.data;
        else if (result.isPending) pendingIds.push(id);
      });
      return { byId, data, pendingIds, isPending: pendingIds.length > 0 };
    },
    [ids],
  );
  return useQueries(
    {
      queries: ids.map((id) => sentimentQueryOptions(client, { ...params, id, timestamp: params.timestamps?.[id] ?? null })),
      combine: combine as (results: unknown[]) => UseSentimentResultsResult<L>,
    },
    queryClient,
  );
}

/** @deprecated Use `useSentimentResults` (the same, with `pendingIds`; failures are in `data`). */
export const useSentiments = useSentimentResults;
/** @deprecated Use `UseSentimentResultsResult`. */
export type UseSentimentsResult<L extends SentimentLevel> = UseSentimentResultsResult<L>;
