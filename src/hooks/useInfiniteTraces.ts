"use client";
import { useInfiniteQuery, type InfiniteData, type UseInfiniteQueryResult } from "@tanstack/react-query";
import type { TracesPage, TracesParams } from "../client/clientTypes";
import { useTraceLensClient, type TraceLensHookOptions } from "./context";
import { infiniteTracesQueryOptions } from "./traceQueryOptions";

export interface UseInfiniteTracesOptions extends TraceLensHookOptions {
  /** Traces per page. @default 50 */
  pageSize?: number;
  /** @default true */
  enabled?: boolean;
}

/**
 * Pages of traces (PostHog's TracesQuery, newest first), one more on `fetchNextPage()`: TanStack's
 * infinite query, unchanged. A new query starts again at the first page. `usePagedRows` reads it as a
 * list (rows once each, first-page and next-page states).
 *
 * @example
 * const pages = useInfiniteTraces({ dateRange: { date_from: "-7d" } });
 * const { rows, loadMore } = usePagedRows(pages);
 */
export function useInfiniteTraces(
  params: Omit<TracesParams, "limit" | "offset"> = {},
  options: UseInfiniteTracesOptions = {},
): UseInfiniteQueryResult<InfiniteData<TracesPage>, Error> {
  const { client, queryClient } = useTraceLensClient(options);
  return useInfiniteQuery({ ...infiniteTracesQueryOptions(client, params, options.pageSize), enabled: options.enabled ?? true }, queryClient);
}
