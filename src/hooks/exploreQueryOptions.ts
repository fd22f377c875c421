"use client";
/**
 * Query options for the explore screens: pages of AI sessions and error groups, error trends for
 * sparklines, and a trace's newer/older neighbours. A client without an explore method (a host's own)
 * fails the query with a clear error, which the components show like any other.
 */
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { ErrorsPage, ErrorsParams, ErrorTrendsParams, SessionsPage, SessionsParams, TraceNeighboursParams } from "../client/clientExploreTypes";
import type { TraceLensClient } from "../client/clientTypes";

export const exploreKeys = {
  all: ["tracelens", "explore"] as const,
  sessions: (scope: string, params: Omit<SessionsParams, "offset" | "limit">, pageSize: number) => [...exploreKeys.all, "sessions", scope, params, pageSize] as const,
  errors: (scope: string, params: Omit<ErrorsParams, "offset" | "limit">, pageSize: number) => [...exploreKeys.all, "errors", scope, params, pageSize] as const,
  errorTrends: (scope: string, params: ErrorTrendsParams) => [...exploreKeys.all, "error-trends", scope, params] as const,
  neighbours: (scope: string, params: TraceNeighboursParams) => [...exploreKeys.all, "neighbours", scope, params] as const,
};

/** PostHog's page sizes: 50 sessions, 100 error groups. */
export const SESSION_PAGE_SIZE = 50;
export const ERROR_PAGE_SIZE = 100;
const EXPLORE_STALE_TIME_MS = 30_000;

function method<K extends "listSessions" | "listErrors" | "errorTrends" | "traceNeighbours">(client: TraceLensClient, name: K): NonNullable<TraceLensClient[K]> {
  const found = client[name];
  if (typeof found !== "function") throw new Error(`tracelens: this client has no ${name}(); the built-in PostHog and local clients do.`);
  return found.bind(client) as NonNullable<TraceLensClient[K]>;
}

export function infiniteSessionsQueryOptions(client: TraceLensClient, params: Omit<SessionsParams, "offset" | "limit"> = {}, pageSize = SESSION_PAGE_SIZE) {
  return infiniteQueryOptions({
    queryKey: exploreKeys.sessions(client.scope, params, pageSize),
    queryFn: ({ pageParam, signal }): Promise<SessionsPage> => method(client, "listSessions")({ ...params, limit: pageSize, offset: pageParam }, { signal }),
    initialPageParam: 0,
    getNextPageParam: (last: SessionsPage, pages: SessionsPage[]) => (last.hasMore ? pages.length * pageSize : undefined),
    staleTime: EXPLORE_STALE_TIME_MS,
    retry: false,
  });
}

export function infiniteErrorsQueryOptions(client: TraceLensClient, params: Omit<ErrorsParams, "offset" | "limit"> = {}, pageSize = ERROR_PAGE_SIZE) {
  return infiniteQueryOptions({
    queryKey: exploreKeys.errors(client.scope, params, pageSize),
    queryFn: ({ pageParam, signal }): Promise<ErrorsPage> => method(client, "listErrors")({ ...params, limit: pageSize, offset: pageParam }, { signal }),
    initialPageParam: 0,
    getNextPageParam: (last: ErrorsPage, pages: ErrorsPage[]) => (last.hasMore ? pages.length * pageSize : undefined),
    staleTime: EXPLORE_STALE_TIME_MS,
    retry: false,
  });
}

export function errorTrendsQueryOptions(client: TraceLensClient, params: ErrorTrendsParams) {
  return queryOptions({
    queryKey: exploreKeys.errorTrends(client.scope, params),
    queryFn: ({ signal }) => method(client, "errorTrends")(params, { signal }),
    staleTime: EXPLORE_STALE_TIME_MS,
    retry: false,
  });
}

export function traceNeighboursQueryOptions(client: TraceLensClient, params: TraceNeighboursParams) {
  return queryOptions({
    queryKey: exploreKeys.neighbours(client.scope, params),
    queryFn: ({ signal }) => method(client, "traceNeighbours")(params, { signal }),
    staleTime: EXPLORE_STALE_TIME_MS,
    retry: false,
  });
}
