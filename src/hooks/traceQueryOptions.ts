"use client";
import { infiniteQueryOptions, queryOptions, type QueryClient } from "@tanstack/react-query";
import type { TraceLensClient, TraceParams, TracesParams } from "../client/clientTypes";
import type { LLMTrace } from "../core/eventsTrace";
import type { GenerationSentiment, TraceSentiment } from "../core/sentiment/types";
import { sentimentKeys, traceKeys } from "./keys";

/** How long a trace list or trace stays fresh; PostHog's own TraceQuery cache targets one minute. */
export const TRACE_STALE_TIME_MS = 60_000;

/**
 * Sentiment that came inline with traces (`includeSentiment`) goes straight into the sentiment
 * cache, so rows that ask `useSentiment` for it never send a request.
 */
export function seedInlineSentiment(queryClient: QueryClient, scope: string, traces: readonly LLMTrace[]): void {
  for (const trace of traces) {
    const sentiment = trace.sentiment as TraceSentiment | null | undefined;
    const traceKey = sentimentKeys.detail(scope, "trace", trace.id);
    if (sentiment && queryClient.getQueryData(traceKey) === undefined) queryClient.setQueryData(traceKey, sentiment);
    for (const event of trace.events ?? []) {
      const generation = event.sentiment as GenerationSentiment | null | undefined;
      const key = sentimentKeys.detail(scope, "generation", event.id);
      if (generation && queryClient.getQueryData(key) === undefined) queryClient.setQueryData(key, generation);
    }
  }
}

/**
 * Options for one page of traces; use with `useQuery`, `prefetchQuery` or `ensureQueryData`.
 *
 * @example
 * await queryClient.prefetchQuery(tracesQueryOptions(client, { dateRange: { date_from: "-7d" }, limit: 50 }));
 */
export function tracesQueryOptions(client: TraceLensClient, params: TracesParams = {}) {
  return queryOptions({
    queryKey: traceKeys.list(client.scope, params),
    queryFn: async ({ signal, client: queryClient }) => {
      const page = await client.listTraces(params, { signal });
      seedInlineSentiment(queryClient, client.scope, page.results);
      return page;
    },
    staleTime: TRACE_STALE_TIME_MS,
    // The client already retries with backoff and Retry-After; a second layer would multiply requests.
    retry: false,
  });
}

/** Traces per page when loading pages one after another. */
export const TRACE_PAGE_SIZE = 50;

/**
 * Options for pages of traces loaded one after another (offset paging, `pageSize` each), for
 * `useInfiniteQuery`, `prefetchInfiniteQuery` or `fetchInfiniteQuery`. A new query starts again at the
 * first page.
 *
 * @example
 * await queryClient.prefetchInfiniteQuery(infiniteTracesQueryOptions(client, { dateRange: { date_from: "-7d" } }));
 */
export function infiniteTracesQueryOptions(client: TraceLensClient, params: Omit<TracesParams, "limit" | "offset"> = {}, pageSize = TRACE_PAGE_SIZE) {
  return infiniteQueryOptions({
    queryKey: traceKeys.pages(client.scope, params, pageSize),
    queryFn: async ({ pageParam, signal, client: queryClient }) => {
      const page = await client.listTraces({ ...params, limit: pageSize, offset: pageParam }, { signal });
      seedInlineSentiment(queryClient, client.scope, page.results);
      return page;
    },
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (last.hasMore ? pages.length * pageSize : undefined),
    staleTime: TRACE_STALE_TIME_MS,
    retry: false,
  });
}

/** What a caller knows about when a trace happened, so PostHog is asked in a window that holds it. */
export interface TraceLookupHint {
  /** The trace's `createdAt`, or any of its events' timestamps (a row's, a session's). */
  timestamp?: string | number | Date | null;
}

/**
 * Options for one trace with all its events (`null` when there is none). The hint is not part of the
 * key: it only helps find the trace (without one, the PostHog client widens its search).
 */
export function traceQueryOptions(client: TraceLensClient, params: TraceParams, hint: TraceLookupHint = {}) {
  const { traceId, ...rest } = params;
  return queryOptions({
    queryKey: traceKeys.detail(client.scope, traceId, rest),
    queryFn: async ({ signal, client: queryClient }) => {
      const trace = await client.getTrace(params, { signal, timestamp: hint.timestamp ?? null });
      if (trace) seedInlineSentiment(queryClient, client.scope, [trace]);
      return trace;
    },
    staleTime: TRACE_STALE_TIME_MS,
    retry: false,
  });
}
