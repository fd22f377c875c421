"use client";
import { queryOptions } from "@tanstack/react-query";
import { WIDENING_STEPS, windowAround } from "../client/clientLookupWindows";
import type { TraceLensClient, TracesPage, TracesParams } from "../client/clientTypes";
import type { QueryPropertyFilter } from "../core/eventsTrace";
import { traceKeys } from "./keys";
import { TRACE_STALE_TIME_MS, seedInlineSentiment } from "./traceQueryOptions";

/** The TracesQuery filter that picks one AI session's traces (PostHog lists a trace when any of its events matches). */
export function sessionFilter(sessionId: string): QueryPropertyFilter {
  return { type: "event", key: "$ai_session_id", operator: "exact", value: sessionId };
}

/**
 * Options for the traces of a lookup by id that goes through a TracesQuery (an AI session, say). With a
 * `dateRange` it is asked once. Without one, PostHog would search its default 7 days only, so the
 * window is one around `timestamp` when known, then ever wider ones (7, 30, 90 days, all time) until
 * something is found: an old session is never silently empty.
 */
export function tracesLookupQueryOptions(client: TraceLensClient, params: TracesParams, timestamp?: string | number | null) {
  return queryOptions({
    queryKey: traceKeys.lookup(client.scope, params),
    queryFn: async ({ signal, client: queryClient }): Promise<TracesPage> => {
      const attempts: TracesParams[] = [];
      if (params.dateRange) attempts.push(params);
      else {
        const at = typeof timestamp === "number" ? timestamp : timestamp ? Date.parse(timestamp) : Number.NaN;
        if (Number.isFinite(at)) attempts.push({ ...params, dateRange: { date_from: windowAround(at).date_from } });
        for (const step of WIDENING_STEPS) attempts.push({ ...params, dateRange: { date_from: step } });
      }
      let page: TracesPage | null = null;
      for (const attempt of attempts) {
        page = await client.listTraces(attempt, { signal });
        if (page.results.length > 0) break;
      }
      seedInlineSentiment(queryClient, client.scope, page!.results);
      return page!;
    },
    staleTime: TRACE_STALE_TIME_MS,
    retry: false,
  });
}
