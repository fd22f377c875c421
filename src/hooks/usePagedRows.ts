"use client";
import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import { useCallback } from "react";
import type { PagingState } from "../core/paging";

/** What a paged list shows: its rows so far, where the loading stands, and what the user can do next. */
export interface PagedRows<T> extends PagingState {
  /** Every loaded page's rows, each id once. Stable while no page changed. */
  rows: readonly T[];
}

const flattened = new WeakMap<readonly unknown[], unknown[]>();

/**
 * The rows of all pages, each id once: rows arriving between page loads shift offsets, and one seen on
 * an earlier page stays there. Remembered per pages array, so the same pages give the same array.
 */
export function rowsOfPages<T extends { id?: unknown }>(pages: ReadonlyArray<{ results: readonly T[] }> | undefined): readonly T[] {
  if (!pages) return [];
  const cached = flattened.get(pages);
  if (cached) return cached as T[];
  const seen = new Set<string>();
  const rows: T[] = [];
  for (const page of pages) {
    for (const row of page?.results ?? []) {
      if (!row || typeof row.id !== "string" || seen.has(row.id)) continue;
      seen.add(row.id);
      rows.push(row);
    }
  }
  flattened.set(pages, rows);
  return rows;
}

/**
 * A list view's reading of an infinite query (`useInfiniteTraces`, `useInfiniteEvents`): the rows, the
 * first page's state, and the next page's, with `loadMore` safe to call on every scroll to the end.
 */
export function usePagedRows<T extends { id?: unknown }>(
  result: UseInfiniteQueryResult<InfiniteData<{ results: readonly T[] }, unknown>, Error>,
): PagedRows<T> {
  const { data, error, isPending, isError, isFetching, isFetchingNextPage, isFetchNextPageError, hasNextPage, fetchNextPage, refetch } = result;
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
    rows: rowsOfPages(data?.pages),
    status: isPending ? "loading" : listFailed ? "error" : "ready",
    error: listFailed ? error : null,
    loadingMore: isFetchingNextPage,
    moreError: isFetchNextPageError ? error : null,
    hasMore: hasNextPage && !isFetchNextPageError,
    loadMore,
    retry,
  };
}
