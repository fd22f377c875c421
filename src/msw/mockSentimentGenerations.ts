/**
 * `POST …/llm_analytics/sentiment/generations/` (posthog-api.md §1.9): per trace, its newest
 * `$ai_generation` in the filters' window, newest first, at most 200, as positional rows. (A custom
 * action: personal API keys with scopes never reach it, F-A6.)
 */
import type { MockReply } from "./mockBackendEndpoints";
import { queryDateRange, inWindow } from "./mockDates";
import { isDict } from "./mockDrf";
import { eventMatchesAll } from "./mockFilters";
import type { MockStore, StoredEvent } from "./mockStore";

/** GENERATIONS_QUERY_LIMIT. */
const LIMIT = 200;

export async function runSentimentGenerations(store: MockStore, body: unknown, now: number): Promise<MockReply> {
  const filters = isDict(body) ? body.filters : undefined;
  if (filters !== undefined && filters !== null && !isDict(filters)) {
    return { status: 400, body: { filters: [{ type: "model_type", loc: [], msg: "Input should be a valid dictionary or instance of HogQLFilters" }] } };
  }
  const f = (filters ?? {}) as { dateRange?: { date_from?: string | null; date_to?: string | null }; properties?: unknown };
  const range = queryDateRange(isDict(f.dateRange) ? f.dateRange : null, now);
  if (!range.ok) return { status: 400, body: { filters: [{ type: "value_error", loc: ["dateRange", range.field], msg: "Unreadable date" }] } };
  const properties = Array.isArray(f.properties) ? (f.properties as Record<string, unknown>[]) : [];
  const newest = new Map<string, StoredEvent>();
  for (const event of await store.events()) {
    if (event.event !== "$ai_generation" || !event.traceId || !inWindow(event.at, range.window) || !eventMatchesAll(event, properties)) continue;
    const seen = newest.get(event.traceId);
    if (!seen || event.at > seen.at) newest.set(event.traceId, event);
  }
  const rows = [...newest.values()].sort((a, b) => b.at - a.at).slice(0, LIMIT);
  return {
    status: 200,
    body: {
      results: rows.map((event) => {
        const input = event.properties.$ai_input;
        const model = event.properties.$ai_model;
        return [event.id, event.traceId, input === undefined ? null : JSON.stringify(input), typeof model === "string" ? model : null, event.distinctId, event.createdAt, event.createdAt];
      }),
    },
  };
}
