"use client";
import { useInfiniteQuery, useQuery, type InfiniteData, type UseInfiniteQueryResult, type UseQueryResult } from "@tanstack/react-query";
import type { ErrorsPage, ErrorsParams, ErrorTrends, ErrorTrendsParams, SessionsPage, SessionsParams, TraceNeighboursParams, TraceNeighboursResult } from "../client/clientExploreTypes";
import { useTraceLensClient, type TraceLensHookOptions } from "./context";
import { usePagedRows, type PagedRows } from "./usePagedRows";
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
export type ExploreRows<T> = PagedRows<T>;

/**
 * A list's reading of `useInfiniteSessions` / `useInfiniteErrors`: `usePagedRows` keyed by the list's own
 * key (a session id, an error message) instead of `id`.
 */
export function useExploreRows<T>(
  result: UseInfiniteQueryResult<InfiniteData<{ results: readonly T[] }>, Error>,
  keyOf: (row: T) => string,
): ExploreRows<T> {
  return usePagedRows(result, keyOf);
}
