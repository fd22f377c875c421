"use client";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { errorGroupFilters } from "../client/clientExploreQueries";
import type { ExploreFilters } from "../client/clientExploreTypes";
import type { TracesPage, TracesParams } from "../client/clientTypes";
import { useTraceLensClient, type TraceLensHookOptions } from "./context";
import { tracesQueryOptions } from "./traceQueryOptions";

/**
 * The TracesQuery that finds one error group's traces under the explore filters, as PostHog's errors tab
 * links to them: `$ai_is_error` and the normalised message as event property filters.
 */
export function errorTracesParams(error: string, filters: ExploreFilters = {}, limit = 20): TracesParams {
  return {
    ...(filters.dateRange ? { dateRange: filters.dateRange } : {}),
    ...(filters.filterTestAccounts ? { filterTestAccounts: true } : {}),
    properties: [...(filters.properties ?? []), ...errorGroupFilters(error)],
    limit,
  };
}

/** The newest traces of one error group (20 by default). */
export function useErrorTraces(
  error: string,
  filters: ExploreFilters = {},
  options: TraceLensHookOptions & { limit?: number; enabled?: boolean } = {},
): UseQueryResult<TracesPage, Error> {
  const { client, queryClient } = useTraceLensClient(options);
  const base = tracesQueryOptions(client, errorTracesParams(error, filters, options.limit));
  return useQuery({ ...base, enabled: error !== "" && (options.enabled ?? true) }, queryClient);
}
