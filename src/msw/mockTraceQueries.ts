/**
 * TracesQuery and TraceQuery as PostHog's runners answer them
 * (posthog/hogql_queries/ai/traces_query_runner.py, trace_query_runner.py): events read inside the
 * window widened by the capture range, grouped by trace, a trace dropped when its first timestamp
 * read is outside the window (F-Q5), the server's default window when none is given (F-Q6), and
 * stored sentiment joined on with `includeSentiment`.
 */
import type { LLMTrace, LLMTraceEvent } from "../core/eventsTrace";
import { storedSentimentLookup, storedSentimentLookupIds, type StoredSentimentLookup } from "../core/sentiment/stored";
import { summarizeTraceEvents } from "../core/traceSummary";
import { captureRange, inWindow, type DateWindow } from "./mockDates";
import { flatEventSubject, passesTestAccounts, type TestAccountRule } from "../core/exploreEvents";
import type { PropertyFilterContext } from "../core/filterPropertiesMatch";
import { eventMatchesAll, mockFilterError } from "./mockFilters";
import type { MockServerProfile } from "./mockProfiles";
import type { MockStore, StoredEvent, StoredTrace } from "./mockStore";

/** TracesQuery reads these events only (traces_query_runner.py). */
const TRACES_QUERY_EVENTS = new Set(["$ai_span", "$ai_generation", "$ai_embedding", "$ai_metric", "$ai_feedback", "$ai_trace"]);
/** HogQLHasMorePaginator's default limit. */
export const DEFAULT_QUERY_LIMIT = 100;

interface Window {
  window: DateWindow;
  capture: DateWindow;
}

function toEvent(event: StoredEvent): LLMTraceEvent {
  return { id: event.id, event: event.event, createdAt: event.createdAt, properties: event.properties };
}

/** PostHog's row for a trace: totals over the events it read, person per the profile. */
function traceRow(trace: StoredTrace, read: StoredEvent[], profile: MockServerProfile): LLMTrace {
  const ordered = [...read].sort((a, b) => a.at - b.at);
  const summary = summarizeTraceEvents(ordered.map(toEvent), trace.source.id);
  const whole = ordered.length === trace.events.length;
  const source = trace.source;
  const row: LLMTrace = { ...summary, id: source.id, createdAt: new Date(ordered[0]!.at).toISOString(), events: [] };
  // A trace read whole keeps the host's own totals and metadata, where it has them.
  for (const key of ["traceName", "inputState", "outputState", "aiSessionId", ...(whole ? ["totalLatency", "inputTokens", "outputTokens", "inputCost", "outputCost", "totalCost", "errorCount"] : [])]) {
    const value = (source as unknown as Record<string, unknown>)[key];
    if (value !== undefined && value !== null) (row as unknown as Record<string, unknown>)[key] = value;
  }
  delete row.person;
  delete row.distinctId;
  const first = ordered[0]!;
  if (profile.traceRows === "distinct-id") row.distinctId = first.distinctId;
  else row.person = first.person ?? { uuid: "", distinct_id: first.distinctId, created_at: "", properties: {} };
  return row;
}

function attachSentiment(row: LLMTrace, lookup: StoredSentimentLookup): void {
  row.sentiment = lookup.byTraceId.get(row.id) ?? null;
  for (const event of row.events) {
    if (event.event !== "$ai_generation") continue;
    const found = storedSentimentLookupIds(event).map((id) => lookup.byGenerationId.get(id)).find(Boolean);
    event.sentiment = found ?? null;
  }
}

function readTrace(trace: StoredTrace, range: Window, accept: (event: StoredEvent) => boolean): StoredEvent[] | null {
  const read = trace.events.filter((event) => accept(event) && inWindow(event.at, range.capture));
  if (read.length === 0) return null;
  const first = read.reduce((min, event) => Math.min(min, event.at), Number.POSITIVE_INFINITY);
  // F-Q5: "drops a trace whose first timestamp is outside [date_from, date_to]".
  return inWindow(first, range.window) ? read : null;
}

export interface TracesQueryInput {
  window: DateWindow;
  limit?: number;
  offset?: number;
  properties?: readonly Record<string, unknown>[] | null;
  personId?: string | null;
  includeSentiment?: boolean;
  /** Only on profiles that accept it. */
  searchTerm?: string | null;
  /** The team's test-account rule, when the query sets `filterTestAccounts`. */
  testAccounts?: TestAccountRule;
  filterContext?: PropertyFilterContext;
}

function notTestAccount(event: StoredEvent, input: TracesQueryInput): boolean {
  try {
    return passesTestAccounts(flatEventSubject(event), input.testAccounts, input.filterContext ?? {});
  } catch (error) {
    throw mockFilterError(error);
  }
}

function matchesSearch(trace: StoredTrace, read: StoredEvent[], term: string): boolean {
  const needle = term.toLowerCase();
  if (trace.source.id.toLowerCase().includes(needle)) return true;
  if (typeof trace.source.traceName === "string" && trace.source.traceName.toLowerCase().includes(needle)) return true;
  return read.some((event) => JSON.stringify(event.properties).toLowerCase().includes(needle));
}

export async function runTracesQuery(store: MockStore, input: TracesQueryInput, profile: MockServerProfile) {
  const range = { window: input.window, capture: captureRange(input.window) };
  const limit = typeof input.limit === "number" && input.limit > 0 ? Math.floor(input.limit) : DEFAULT_QUERY_LIMIT;
  const offset = typeof input.offset === "number" && input.offset > 0 ? Math.floor(input.offset) : 0;
  const matching: Array<{ trace: StoredTrace; read: StoredEvent[]; first: number }> = [];
  for (const trace of await store.traces()) {
    const read = readTrace(trace, range, (event) => TRACES_QUERY_EVENTS.has(event.event) && notTestAccount(event, input));
    if (!read) continue;
    // `max(And(filters))` over the trace's events: one event must pass every filter.
    if (input.properties?.length && !read.some((event) => eventMatchesAll(event, input.properties, input.filterContext))) continue;
    if (input.personId && read[0]?.person?.uuid !== input.personId) continue;
    if (input.searchTerm && !matchesSearch(trace, read, input.searchTerm)) continue;
    matching.push({ trace, read, first: Math.min(...read.map((e) => e.at)) });
  }
  matching.sort((a, b) => b.first - a.first || (a.trace.source.id < b.trace.source.id ? -1 : 1));
  const page = matching.slice(offset, offset + limit);
  const lookup = input.includeSentiment ? storedSentimentLookup(await store.events()) : null;
  const results = page.map(({ trace, read }) => {
    const row = traceRow(trace, read, profile);
    // Only metric/feedback events and the trace's direct children come back in a list row.
    row.events = [...read]
      .sort((a, b) => a.at - b.at)
      .filter((e) => e.event !== "$ai_trace" && (e.event === "$ai_metric" || e.event === "$ai_feedback" || e.properties.$ai_parent_id === trace.source.id || e.properties.$ai_parent_id == null))
      .map(toEvent);
    if (lookup) attachSentiment(row, lookup);
    return row;
  });
  return { results, hasMore: offset + limit < matching.length, limit, offset };
}

export interface TraceQueryInput {
  traceId: string;
  window: DateWindow;
  properties?: readonly Record<string, unknown>[] | null;
  includeSentiment?: boolean;
}

/** TraceQuery: every event but `$ai_trace`, and without `$ai_evaluation` runs (PostHog loads those separately). */
export async function runTraceQuery(store: MockStore, input: TraceQueryInput, profile: MockServerProfile): Promise<LLMTrace[]> {
  const range = { window: input.window, capture: captureRange(input.window) };
  const trace = (await store.traces()).find((t) => t.source.id === input.traceId);
  if (!trace) return [];
  const read = readTrace(trace, range, (event) => event.event !== "$ai_evaluation");
  if (!read) return [];
  if (input.properties?.length && !read.some((event) => eventMatchesAll(event, input.properties))) return [];
  const row = traceRow(trace, read, profile);
  row.events = [...read].sort((a, b) => a.at - b.at).filter((e) => e.event !== "$ai_trace").map(toEvent);
  if (input.includeSentiment) attachSentiment(row, storedSentimentLookup(await store.events()));
  return [row];
}
