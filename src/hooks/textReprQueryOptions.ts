"use client";
import { queryOptions } from "@tanstack/react-query";
import type { TraceLensClient } from "../client/clientTypes";
import type { TextReprRequestBody } from "../core/eventsApi";
import { textReprKeys } from "./keys";

/** PostHog keeps a text_repr for an hour. */
export const TEXT_REPR_STALE_TIME_MS = 3_600_000;

/** The id a text_repr is cached under: the trace id for traces, the event id otherwise. */
export function textReprEntityId(request: TextReprRequestBody): string {
  const data = request.data as { id?: unknown; trace?: { id?: unknown; properties?: Record<string, unknown> } };
  const id = request.event_type === "$ai_trace" ? (data.trace?.properties?.$ai_trace_id ?? data.trace?.id) : data.id;
  return typeof id === "string" || typeof id === "number" ? String(id) : "";
}

/**
 * Options for a text_repr. Like PostHog's cache, the key is the entity id and the options, not
 * the content: new data under the same id needs `invalidateQueries({ queryKey: textReprKeys.all })`.
 *
 * @example
 * queryClient.prefetchQuery(textReprQueryOptions(client, traceTextReprRequest(trace, { include_line_numbers: true })));
 */
export function textReprQueryOptions(client: TraceLensClient, request: TextReprRequestBody) {
  return queryOptions({
    queryKey: textReprKeys.detail(client.scope, request.event_type, textReprEntityId(request), request.options ?? {}),
    queryFn: ({ signal }) => client.textRepr(request, { signal }),
    staleTime: TEXT_REPR_STALE_TIME_MS,
    retry: false,
  });
}
