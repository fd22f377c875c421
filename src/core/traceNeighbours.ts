/**
 * Newer/older trace navigation (PostHog's `p`/`n` keys). Over a list already loaded (newest first) the
 * neighbours are the rows either side; without one, PostHog's TraceNeighborsQuery
 * (posthog/hogql_queries/ai/trace_neighbors_query_runner.py) finds them: over the events that pass the
 * filters, a trace's time is its latest event's; the older neighbour is the latest (time, id) below the
 * current trace's (timestamp, id) among events no later than the timestamp, the newer one the earliest
 * above it among events no earlier. Without a date range it looks 3 days either side of the timestamp.
 */
import type { LLMTrace } from "./eventsTrace";
import type { FlatAiEvent } from "./exploreEvents";
import { readId } from "./eventsAccess";

export interface TraceNeighbours<T = LLMTrace> {
  newer: T | null;
  older: T | null;
  /** The trace's position in the list, -1 when it is not in it. */
  index: number;
}

/** The rows either side of a trace in a list ordered newest first (as tables show traces). */
export function listNeighbours<T extends { id: string }>(list: readonly T[], traceId: string): TraceNeighbours<T> {
  const index = (list ?? []).findIndex((row) => row?.id === traceId);
  if (index < 0) return { newer: null, older: null, index: -1 };
  return { newer: list[index - 1] ?? null, older: list[index + 1] ?? null, index };
}

/** PostHog's TraceNeighborsQueryResponse. */
export interface TraceNeighboursResult {
  olderTraceId: string | null;
  olderTimestamp: string | null;
  newerTraceId: string | null;
  newerTimestamp: string | null;
}

/** The six event kinds the neighbours query reads. */
export const NEIGHBOUR_QUERY_EVENTS: readonly string[] = ["$ai_span", "$ai_generation", "$ai_embedding", "$ai_metric", "$ai_feedback", "$ai_trace"];

/** 3 days, the window PostHog searches either side of the timestamp when no date range is given. */
export const NEIGHBOUR_DEFAULT_WINDOW_MS = 3 * 86_400_000;

function compareKey(a: readonly [number, string], b: readonly [number, string]): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
}

/**
 * TraceNeighborsQuery over events that already passed the query's conditions (window, property filters,
 * test accounts). `timestamp` is the current trace's time (PostHog's `timestamp` field).
 */
export function eventNeighbours(events: Iterable<FlatAiEvent>, traceId: string, timestampMs: number): TraceNeighboursResult {
  const olderTimes = new Map<string, number>();
  const newerTimes = new Map<string, number>();
  for (const event of events) {
    if (!NEIGHBOUR_QUERY_EVENTS.includes(event.event)) continue;
    const id = readId(event.properties.$ai_trace_id);
    if (id === null || id === "") continue;
    if (event.at <= timestampMs) olderTimes.set(id, Math.max(olderTimes.get(id) ?? -Infinity, event.at));
    if (event.at >= timestampMs) newerTimes.set(id, Math.max(newerTimes.get(id) ?? -Infinity, event.at));
  }
  const current = [timestampMs, traceId] as const;
  let older: [number, string] | null = null;
  for (const [id, at] of olderTimes) {
    const key: [number, string] = [at, id];
    if (compareKey(key, current) < 0 && (older === null || compareKey(key, older) > 0)) older = key;
  }
  let newer: [number, string] | null = null;
  for (const [id, at] of newerTimes) {
    const key: [number, string] = [at, id];
    if (compareKey(key, current) > 0 && (newer === null || compareKey(key, newer) < 0)) newer = key;
  }
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    olderTraceId: older ? older[1] : null,
    olderTimestamp: older ? iso(older[0]) : null,
    newerTraceId: newer ? newer[1] : null,
    newerTimestamp: newer ? iso(newer[0]) : null,
  };
}
