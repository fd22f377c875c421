"use client";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { EventsParams, TraceLensClient, TracesParams } from "../client/clientTypes";
import { eventKeys } from "./keys";
import { TRACE_STALE_TIME_MS } from "./traceQueryOptions";

/**
 * Options for one page of events (PostHog's EventsQuery): `$ai_generation` at every depth, a trace's
 * `$ai_evaluation` runs. Ordered and paged by the server.
 *
 * @example
 * queryClient.fetchQuery(eventsQueryOptions(client, { event: "$ai_generation", dateRange: { date_from: "-7d" }, limit: 50 }));
 */
export function eventsQueryOptions(client: TraceLensClient, params: EventsParams) {
  return queryOptions({
    queryKey: eventKeys.list(client.scope, params),
    queryFn: ({ signal }) => client.listEvents(params, { signal }),
    staleTime: TRACE_STALE_TIME_MS,
    retry: false,
  });
}

/**
 * Options for pages of events loaded one after another (offset paging, `pageSize` each), ordered by
 * the server; a new query starts again at the first page.
 */
export function infiniteEventsQueryOptions(client: TraceLensClient, params: Omit<EventsParams, "limit" | "offset">, pageSize = 50) {
  return infiniteQueryOptions({
    queryKey: eventKeys.pages(client.scope, params, pageSize),
    queryFn: ({ pageParam, signal }) => client.listEvents({ ...params, limit: pageSize, offset: pageParam }, { signal }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (last.hasMore ? pages.length * pageSize : undefined),
    staleTime: TRACE_STALE_TIME_MS,
    retry: false,
  });
}

const DAY = 86_400_000;

/**
 * The query for a trace's evaluation runs: `$ai_evaluation` events of the trace, oldest first, from the
 * day before the trace started (runs come after the generation they judge).
 */
export function traceEvaluationsParams(traceId: string, traceTimestamp: string | number | null | undefined): EventsParams {
  const at = typeof traceTimestamp === "number" ? traceTimestamp : traceTimestamp ? Date.parse(traceTimestamp) : Number.NaN;
  const dateFrom = Number.isFinite(at) ? new Date(Math.floor(at / DAY) * DAY - DAY).toISOString() : "all";
  return {
    event: "$ai_evaluation",
    properties: [{ type: "event", key: "$ai_trace_id", operator: "exact", value: traceId }],
    dateRange: { date_from: dateFrom },
    orderBy: ["timestamp ASC"],
    limit: 500,
  };
}

/**
 * The EventsQuery behind a generations list: every `$ai_generation` (at any depth, unlike a
 * TracesQuery's rows) in the traces query's window and filters, ordered by the server.
 */
export function generationEventsParams(query: Omit<TracesParams, "limit" | "offset">, orderBy?: string[]): Omit<EventsParams, "limit" | "offset"> {
  return {
    event: "$ai_generation",
    ...(query.dateRange ? { dateRange: query.dateRange } : {}),
    ...(query.properties?.length ? { properties: query.properties } : {}),
    ...(query.personId ? { personId: query.personId } : {}),
    ...(query.filterTestAccounts !== undefined ? { filterTestAccounts: query.filterTestAccounts } : {}),
    orderBy: orderBy?.length ? orderBy : ["timestamp DESC"],
  };
}
