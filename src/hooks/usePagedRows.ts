"use client";
import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import type { PagingState } from "../core/paging";

/** What a paged list shows: its rows so far, where the loading stands, and what the user can do next. */
export interface PagedRows<T> extends PagingState {
  /** Every loaded page's rows, each id once. Stable while no page changed. */
  rows: readonly T[];
}

const flattened = new WeakMap<readonly unknown[], unknown[]>();

function idOf(row: { id?: unknown }): string | null {
  return typeof row.id === "string" ? row.id : null;
}

/**
 * The rows of all pages, each key once (a row's `id` unless `keyOf` says otherwise; rows without one are
 * skipped): rows arriving between page loads shift offsets, and one seen on an earlier page stays there.
 * With the default key, remembered per pages array, so the same pages give the same array.
 */
export function rowsOfPages<T>(pages: ReadonlyArray<{ results: readonly T[] }> | undefined, keyOf?: (row: T) => string | null): readonly T[] {
  if (!pages) return [];
  const key = keyOf ?? (idOf as (row: T) => string | null);
  const cached = keyOf ? undefined : flattened.get(pages);
  if (cached) return cached as T[];
  const seen = new Set<string>();
  const rows: T[] = [];
  for (const page of pages) {
    for (const row of page?.results ?? []) {
      const id = row === null || row === undefined ? null : key(row);
      if (id === null || seen.has(id)) continue;
      seen.add(id);
      rows.push(row);
    }
  }
  if (!keyOf) flattened.set(pages, rows);
  return rows;
}

/**
 * A list view's reading of an infinite query (`useInfiniteTraces`, `useInfiniteEvents`): the rows, the
 * first page's state, and the next page's, with `loadMore` safe to call on every scroll to the end.
 */
export function usePagedRows<T>(
  result: UseInfiniteQueryResult<InfiniteData<{ results: readonly T[] }, unknown>, Error>,
  keyOf?: (row: T) => string | null,
): PagedRows<T> {
  const { data, error, isPending, isError, isFetching, isFetchingNextPage, isFetchNextPageError, hasNextPage, fetchNextPage, refetch } = result;
  const pages = data?.pages;
  // keyOf is read inside: callers pass arrow functions, and the rows depend only on the pages.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const rows = useMemo(() => rowsOfPages(pages, keyOf), [pages]);
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
    status: isPending ? "loading" : listFailed ? "error" : "ready",
    error: listFailed ? error : null,
    loadingMore: isFetchingNextPage,
    moreError: isFetchNextPageError ? error : null,
    hasMore: hasNextPage && !isFetchNextPageError,
    loadMore,
    retry,
  };
}
