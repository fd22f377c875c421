"use client";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { TracesPage, TracesParams } from "../client/clientTypes";
import { useTraceLensClient, type TraceLensHookOptions } from "./context";
import { sessionFilter, tracesLookupQueryOptions } from "./sessionTracesQueryOptions";

export interface UseSessionTracesOptions extends TraceLensHookOptions {
  /** When the session happened (one of its traces' `createdAt`), so it is found in one query. */
  timestamp?: string | number | null;
  /** @default true */
  enabled?: boolean;
}

/**
 * The traces of one AI session (`$ai_session_id`), found wherever they are in time: around `timestamp`
 * when given, else in ever wider windows. An empty `sessionId` disables it.
 *
 * @example
 * const { data } = useSessionTraces(sessionId, { limit: 100 }, { timestamp: trace.createdAt });
 */
export function useSessionTraces(
  sessionId: string,
  params: Omit<TracesParams, "offset"> = {},
  options: UseSessionTracesOptions = {},
): UseQueryResult<TracesPage, Error> {
  const { client, queryClient } = useTraceLensClient(options);
  const full: TracesParams = { ...params, properties: [...(params.properties ?? []), sessionFilter(sessionId)] };
  const base = tracesLookupQueryOptions(client, full, options.timestamp);
  return useQuery({ ...base, enabled: Boolean(sessionId) && (options.enabled ?? true) }, queryClient);
}
