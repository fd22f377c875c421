import { useQueries, type QueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import type { TraceLensClient, TracesPage, TracesParams } from "../../client/clientTypes";
import type { LLMTrace } from "../../core/eventsTrace";
import { tracesQueryOptions } from "../../hooks/traceQueryOptions";

export interface TracePages {
  traces: readonly LLMTrace[];
  /** How the server applied a search (see `TracesPage.searchedBy`), from the first page. */
  searchedBy?: TracesPage["searchedBy"];
  /** First page still loading. */
  loading: boolean;
  /** The first page failed. */
  error: unknown;
  /** A later page is loading. */
  loadingMore: boolean;
  /** A later page failed (the loaded rows stay). */
  moreError: unknown;
  hasMore: boolean;
  loadMore: () => void;
  retry: () => void;
}

function sameRefs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * Infinite loading on the query path: pages of `pageSize` through the hooks' `tracesQueryOptions`, so they
 * share the cache (and inline-sentiment seeding) with `useTraces`. Pages restart when the query changes.
 */
export function useTracePages(client: TraceLensClient, queryClient: QueryClient, params: TracesParams, pageSize: number): TracePages {
  const key = JSON.stringify(params);
  const [pages, setPages] = useState({ key, count: 1 });
  const count = pages.key === key ? pages.count : 1;
  if (pages.key !== key) setPages({ key, count: 1 });

  const results = useQueries(
    {
      queries: Array.from({ length: count }, (_, i) => tracesQueryOptions(client, { ...params, limit: pageSize, offset: i * pageSize })),
    },
    queryClient,
  );
  const data = results.map((r) => r.data as TracesPage | undefined);
  const previous = useRef<{ data: Array<TracesPage | undefined>; traces: LLMTrace[] }>({ data: [], traces: [] });
  // A stable array while no page changed: the table's row model is rebuilt only when rows really change.
  if (!sameRefs(previous.current.data, data)) {
    const seen = new Set<string>();
    const traces: LLMTrace[] = [];
    for (const page of data) {
      for (const trace of page?.results ?? []) {
        // New traces arriving between page loads shift offsets; a trace seen on an earlier page is kept there.
        if (!trace || typeof trace.id !== "string" || seen.has(trace.id)) continue;
        seen.add(trace.id);
        traces.push(trace);
      }
    }
    previous.current = { data, traces };
  }
  const first = results[0];
  const last = results[results.length - 1];
  const lastPage = last?.data as TracesPage | undefined;
  const failed = results.slice(1).find((r) => r.isError);
  const hasMore = Boolean(lastPage?.hasMore) && !failed;
  const loadingMore = results.slice(1).some((r) => r.isPending || r.isFetching);
  const canLoad = hasMore && !loadingMore && Boolean(last?.isSuccess);

  const loadMore = useCallback(() => {
    if (canLoad) setPages((current) => (current.key === key && current.count === count ? { key, count: count + 1 } : current));
  }, [canLoad, key, count]);
  const retry = useCallback(() => {
    for (const result of results) if (result.isError) void result.refetch();
  }, [results]);

  return {
    traces: previous.current.traces,
    searchedBy: (first?.data as TracesPage | undefined)?.searchedBy,
    loading: Boolean(first?.isPending && !first.isError),
    error: first?.isError ? first.error : null,
    loadingMore,
    moreError: failed?.error ?? null,
    hasMore,
    loadMore,
    retry,
  };
}
