"use client";
import { useQuery, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import type { TextReprRequestBody, TextReprResponseBody } from "../core/eventsApi";
import { useTraceLensClient, type TraceLensHookOptions } from "./context";
import { textReprEntityId, textReprQueryOptions } from "./textReprQueryOptions";

export type UseTextReprOptions = Omit<UseQueryOptions<TextReprResponseBody, Error>, "queryKey" | "queryFn"> & TraceLensHookOptions;

/**
 * PostHog's text representation of a trace or one event. Build the request with
 * `traceTextReprRequest(trace, options)` or `eventTextReprRequest(event, options)`; pass `null`
 * to wait.
 *
 * @example
 * const { data } = useTextRepr(trace ? traceTextReprRequest(trace, { include_line_numbers: true }) : null);
 */
export function useTextRepr(request: TextReprRequestBody | null, options: UseTextReprOptions = {}): UseQueryResult<TextReprResponseBody, Error> {
  const { client: _client, queryClient: _queryClient, ...rest } = options;
  const { client, queryClient } = useTraceLensClient(options);
  const placeholder: TextReprRequestBody = { event_type: "$ai_generation", data: { id: "", properties: {} } };
  const base = textReprQueryOptions(client, request ?? placeholder);
  const enabled = request !== null && textReprEntityId(request) !== "" ? (rest.enabled ?? true) : false;
  return useQuery({ ...base, ...rest, enabled } as typeof base, queryClient);
}
