"use client";
import { useQueries, type QueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import type { EventsPage, EventsParams, TraceLensClient } from "../client/clientTypes";
import type { LLMTraceEvent } from "../core/eventsTrace";
import { eventsQueryOptions } from "./eventsQueryOptions";

export interface EventPages {
  events: readonly LLMTraceEvent[];
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
 * Pages of events (EventsQuery) of `pageSize`, ordered and paged by the server; more on `loadMore`.
 * Pages restart when the params (filters, order) change.
 */
export function useEventPages(client: TraceLensClient, queryClient: QueryClient, params: Omit<EventsParams, "limit" | "offset">, pageSize: number): EventPages {
  const key = JSON.stringify(params);
  const [pages, setPages] = useState({ key, count: 1 });
  const count = pages.key === key ? pages.count : 1;
  if (pages.key !== key) setPages({ key, count: 1 });

  const results = useQueries(
    { queries: Array.from({ length: count }, (_, i) => eventsQueryOptions(client, { ...params, limit: pageSize, offset: i * pageSize })) },
    queryClient,
  );
  const data = results.map((r) => r.data as EventsPage | undefined);
  const previous = useRef<{ data: Array<EventsPage | undefined>; events: LLMTraceEvent[] }>({ data: [], events: [] });
  // A stable array while no page changed, so the table's rows are rebuilt only when they really change.
  if (!sameRefs(previous.current.data, data)) {
    const seen = new Set<string>();
    const events: LLMTraceEvent[] = [];
    for (const page of data) {
      for (const event of page?.results ?? []) {
        // Events arriving between page loads shift offsets; one seen on an earlier page stays there.
        if (!event || typeof event.id !== "string" || seen.has(event.id)) continue;
        seen.add(event.id);
        events.push(event);
      }
    }
    previous.current = { data, events };
  }
  const first = results[0];
  const last = results[results.length - 1];
  const failed = results.slice(1).find((r) => r.isError);
  const hasMore = Boolean((last?.data as EventsPage | undefined)?.hasMore) && !failed;
  const loadingMore = results.slice(1).some((r) => r.isPending || r.isFetching);
  const canLoad = hasMore && !loadingMore && Boolean(last?.isSuccess);
  const loadMore = useCallback(() => {
    if (canLoad) setPages((current) => (current.key === key && current.count === count ? { key, count: count + 1 } : current));
  }, [canLoad, key, count]);
  const retry = useCallback(() => {
    for (const result of results) if (result.isError) void result.refetch();
  }, [results]);
  return {
    events: previous.current.events,
    loading: Boolean(first?.isPending && !first.isError),
    error: first?.isError ? first.error : null,
    loadingMore,
    moreError: failed?.error ?? null,
    hasMore,
    loadMore,
    retry,
  };
}
