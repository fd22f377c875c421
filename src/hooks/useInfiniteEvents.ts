"use client";
import { useInfiniteQuery, type InfiniteData, type UseInfiniteQueryResult } from "@tanstack/react-query";
import type { EventsPage, EventsParams } from "../client/clientTypes";
import { useTraceLensClient } from "./context";
import { infiniteEventsQueryOptions } from "./eventsQueryOptions";
import type { UseInfiniteTracesOptions } from "./useInfiniteTraces";

export type UseInfiniteEventsOptions = UseInfiniteTracesOptions;

/**
 * Pages of events (PostHog's EventsQuery: `$ai_generation` at every depth, say), ordered and paged by
 * the server, one more on `fetchNextPage()`: TanStack's infinite query, unchanged. A new query (other
 * filters or order) starts again at the first page.
 *
 * @example
 * const pages = useInfiniteEvents(generationEventsParams({ dateRange: { date_from: "-7d" } }));
 */
export function useInfiniteEvents(
  params: Omit<EventsParams, "limit" | "offset">,
  options: UseInfiniteEventsOptions = {},
): UseInfiniteQueryResult<InfiniteData<EventsPage>, Error> {
  const { client, queryClient } = useTraceLensClient(options);
  return useInfiniteQuery({ ...infiniteEventsQueryOptions(client, params, options.pageSize), enabled: options.enabled ?? true }, queryClient);
}
