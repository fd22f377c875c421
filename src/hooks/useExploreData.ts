"use client";
import { useInfiniteQuery, useQuery, type InfiniteData, type UseInfiniteQueryResult, type UseQueryResult } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import type { ErrorsPage, ErrorsParams, ErrorTrends, ErrorTrendsParams, SessionsPage, SessionsParams, TraceNeighboursParams, TraceNeighboursResult } from "../client/clientExploreTypes";
import { useTraceLensClient, type TraceLensHookOptions } from "./context";
import {
  ERROR_PAGE_SIZE,
  SESSION_PAGE_SIZE,
  errorTrendsQueryOptions,
  infiniteErrorsQueryOptions,
  infiniteSessionsQueryOptions,
  traceNeighboursQueryOptions,
} from "./exploreQueryOptions";

export interface UseExplorePagesOptions extends TraceLensHookOptions {
  pageSize?: number;
  /** @default true */
  enabled?: boolean;
}

/**
 * Pages of AI sessions (PostHog's sessions-tab query), one more on `fetchNextPage()`.
 *
 * @example
 * const pages = useInfiniteSessions({ dateRange: { date_from: "-7d" } });
 * const { rows, loadMore } = useExploreRows(pages, (row) => row.sessionId);
 */
export function useInfiniteSessions(
  params: Omit<SessionsParams, "offset" | "limit"> = {},
  options: UseExplorePagesOptions = {},
): UseInfiniteQueryResult<InfiniteData<SessionsPage>, Error> {
  const { client, queryClient } = useTraceLensClient(options);
  return useInfiniteQuery({ ...infiniteSessionsQueryOptions(client, params, options.pageSize ?? SESSION_PAGE_SIZE), enabled: options.enabled ?? true }, queryClient);
}

/** Pages of LLM error groups (normalised messages), as PostHog's errors tab lists them. */
export function useInfiniteErrors(
  params: Omit<ErrorsParams, "offset" | "limit"> = {},
  options: UseExplorePagesOptions = {},
): UseInfiniteQueryResult<InfiniteData<ErrorsPage>, Error> {
  const { client, queryClient } = useTraceLensClient(options);
  return useInfiniteQuery({ ...infiniteErrorsQueryOptions(client, params, options.pageSize ?? ERROR_PAGE_SIZE), enabled: options.enabled ?? true }, queryClient);
}

/** Per-bucket counts of some error groups (asked only when there are any). */
export function useErrorTrends(params: ErrorTrendsParams, options: TraceLensHookOptions & { enabled?: boolean } = {}): UseQueryResult<ErrorTrends, Error> {
  const { client, queryClient } = useTraceLensClient(options);
  return useQuery({ ...errorTrendsQueryOptions(client, params), enabled: params.errors.length > 0 && (options.enabled ?? true) }, queryClient);
}

/** A trace's newer and older neighbours under the filters (PostHog's TraceNeighborsQuery). */
export function useTraceNeighbours(
  params: TraceNeighboursParams | null,
  options: TraceLensHookOptions & { enabled?: boolean } = {},
): UseQueryResult<TraceNeighboursResult, Error> {
  const { client, queryClient } = useTraceLensClient(options);
  const safe = params ?? { traceId: "", timestamp: "" };
  return useQuery({ ...traceNeighboursQueryOptions(client, safe), enabled: Boolean(params?.traceId && params.timestamp) && (options.enabled ?? true) }, queryClient);
}

/** What a paged explore list shows: rows so far, the first page's state, and the next page's. */
export interface ExploreRows<T> {
  rows: readonly T[];
  status: "loading" | "error" | "ready";
  error: unknown;
  loadingMore: boolean;
  moreError: unknown;
  hasMore: boolean;
  loadMore: () => void;
  retry: () => void;
}

/**
 * A list's reading of `useInfiniteSessions` / `useInfiniteErrors`: every page's rows, each key once
 * (rows arriving between page loads shift offsets; one already shown stays where it was).
 */
export function useExploreRows<T>(
  result: UseInfiniteQueryResult<InfiniteData<{ results: readonly T[] }>, Error>,
  keyOf: (row: T) => string,
): ExploreRows<T> {
  const { data, error, isPending, isError, isFetching, isFetchingNextPage, isFetchNextPageError, hasNextPage, fetchNextPage, refetch } = result;
  const pages = data?.pages;
  // keyOf is read inside: hosts pass arrow functions, and the rows depend only on the pages.
  const rows = useMemo(() => {
    const seen = new Set<string>();
    const out: T[] = [];
    for (const page of pages ?? []) {
      for (const row of page?.results ?? []) {
        const key = row === null || row === undefined ? null : keyOf(row);
        if (key === null || seen.has(key)) continue;
        seen.add(key);
        out.push(row);
      }
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pages]);
  const canLoad = hasNextPage && !isFetching && !isFetchNextPageError;
  const loadMore = useCallback(() => {
    if (canLoad) void fetchNextPage();
  }, [canLoad, fetchNextPage]);
  const retry = useCallback(() => {
    if (isFetchNextPageError) void fetchNextPage();
    else void refetch();
  }, [isFetchNextPageError, fetchNextPage, refetch]);
  const listFailed = isError && !isFetchNextPageError;
  return {
    rows,
    status: isPending && !listFailed ? "loading" : listFailed ? "error" : "ready",
    error: listFailed ? error : null,
    loadingMore: isFetchingNextPage,
    moreError: isFetchNextPageError ? error : null,
    hasMore: hasNextPage && !isFetchNextPageError,
    loadMore,
    retry,
  };
}
