/**
 * The PostHog client's query endpoint: TracesQuery, TraceQuery and EventsQuery, sent so that every
 * PostHog version answers. Query models forbid unknown keys (posthog-contract.md F-Q2), and newer fields
 * (`includeSentiment`, `searchTerm`) are not in every server's schema, so a 400 that names one of them
 * drops it for this server (remembered per client) and the work is done another way.
 */
import type { LLMTrace, LLMTraceEvent, QueryDateRange, QueryPropertyFilter } from "../core/eventsTrace";
import { isApiError } from "./clientErrors";
import type { RequestOptions } from "./clientHttp";
import { WIDENING_STEPS, windowAround } from "./clientLookupWindows";
import { knownTime, plain, postChecked, type PostHogContext } from "./clientPostHogContext";
import { eventsResponse, isRecord, tracesResponse } from "./clientResponses";
import type { EventsPage, EventsParams, TraceParams, TracesPage, TracesParams } from "./clientTypes";

/** Fields a query can do without, per kind: dropped when the server says it does not know them. */
const DROPPABLE: Record<string, readonly string[]> = {
  TracesQuery: ["includeSentiment", "searchTerm", "filterSupportTraces", "randomOrder", "showColumnConfigurator", "groupKey", "groupTypeIndex"],
  TraceQuery: ["includeSentiment"],
  EventsQuery: [],
};

function errorDetail(error: unknown): string {
  if (!isApiError(error) || error.status !== 400) return "";
  const body = error.body;
  if (typeof body === "string") return body;
  return isRecord(body) && typeof body.detail === "string" ? body.detail : "";
}

/**
 * The query fields a 400 says are unknown. PostHog answers pydantic's message in `detail` (F-Q1):
 * "query.TracesQuery.includeSentiment\n  Extra inputs are not permitted [type=extra_forbidden, …]".
 */
export function refusedQueryFields(error: unknown, kind: string): string[] {
  const lines = errorDetail(error).split("\n");
  const fields: string[] = [];
  const locPattern = new RegExp(`^\\s*query\\.${kind}\\.([A-Za-z_][A-Za-z0-9_]*)\\s*$`);
  lines.forEach((line, i) => {
    const match = locPattern.exec(line);
    if (match && /extra_forbidden|Extra inputs are not permitted/.test(lines[i + 1] ?? "")) fields.push(match[1]!);
  });
  return fields;
}

/** Runs a query, dropping (and remembering) optional fields this server refuses as unknown. */
export async function runQuery<T>(ctx: PostHogContext, query: Record<string, unknown> & { kind: string }, check: typeof tracesResponse, o?: RequestOptions): Promise<{ body: T; dropped: Set<string> }> {
  const refused = ctx.refusedQueryFields.get(query.kind) ?? new Set<string>();
  ctx.refusedQueryFields.set(query.kind, refused);
  const dropped = new Set<string>();
  const send = { ...query };
  for (const field of refused) if (field in send) {
    delete send[field];
    dropped.add(field);
  }
  for (;;) {
    try {
      const body = await postChecked<T>(ctx, `${ctx.env}/query/`, { query: send }, check, plain(o));
      return { body, dropped };
    } catch (error) {
      const droppable = refusedQueryFields(error, query.kind).filter((field) => DROPPABLE[query.kind]?.includes(field) && field in send);
      if (droppable.length === 0) throw error;
      for (const field of droppable) {
        refused.add(field);
        dropped.add(field);
        delete send[field];
      }
    }
  }
}

/**
 * Marks inline sentiment as PostHog's stored results, so the UI can say where a value came from. A
 * `null` (nothing stored for it) is dropped, so the UI falls back to on-read sentiment for that row
 * instead of showing "no sentiment".
 */
function markStored(trace: LLMTrace): LLMTrace {
  const events = trace.events.map((event) => {
    if (isRecord(event.sentiment)) return { ...event, sentiment: { ...event.sentiment, source: "stored" as const } };
    if (event.sentiment !== null) return event;
    const { sentiment: _none, ...rest } = event;
    return rest as LLMTraceEvent;
  });
  const { sentiment, ...rest } = trace;
  return { ...rest, events, ...(isRecord(sentiment) ? { sentiment: { ...sentiment, source: "stored" as const } } : {}) } as LLMTrace;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function matchesSearch(trace: LLMTrace, term: string): boolean {
  const needle = term.toLowerCase();
  if (trace.id.toLowerCase().includes(needle)) return true;
  if (typeof trace.traceName === "string" && trace.traceName.toLowerCase().includes(needle)) return true;
  return trace.events.some((event) => JSON.stringify(event.properties ?? {}).toLowerCase().includes(needle));
}

function traceIdFilter(traceId: string): QueryPropertyFilter {
  return { type: "event", key: "$ai_trace_id", operator: "exact", value: traceId };
}

/** `includeSentiment` unless the caller said no: stored sentiment where the server has it. */
function withSentiment<T extends { includeSentiment?: boolean }>(params: T): T {
  const next = { ...params };
  if (next.includeSentiment === false) delete next.includeSentiment;
  else next.includeSentiment = true;
  return next;
}

export async function listTraces(ctx: PostHogContext, params: TracesParams = {}, o?: RequestOptions): Promise<TracesPage> {
  const { traceId, searchTerm, ...rest } = withSentiment(params);
  // The old `traceId` field is gone from TracesQuery (F-Q3); a property filter does the same.
  const properties = traceId ? [...(rest.properties ?? []), traceIdFilter(traceId)] : rest.properties;
  const query = { ...rest, ...(properties ? { properties } : {}), ...(searchTerm ? { searchTerm } : {}), kind: "TracesQuery" };
  let searchedBy: TracesPage["searchedBy"] = searchTerm ? "server" : undefined;
  let { body, dropped } = await runQuery<{ results: LLMTrace[]; hasMore?: boolean | null; limit?: number; offset?: number }>(ctx, query, tracesResponse, o);
  if (searchTerm && dropped.has("searchTerm") && UUID.test(searchTerm.trim())) {
    // A trace id is searched exactly, on the server.
    searchedBy = "trace-id";
    ({ body } = await runQuery<typeof body>(ctx, { ...query, searchTerm: undefined, properties: [...(properties ?? []), traceIdFilter(searchTerm.trim())] }, tracesResponse, o));
  } else if (searchTerm && dropped.has("searchTerm")) searchedBy = "loaded-rows";
  let results = body.results.map(markStored);
  for (const trace of results) ctx.timestamps.rememberTrace(trace);
  if (searchedBy === "loaded-rows") results = results.filter((trace) => matchesSearch(trace, searchTerm!));
  return {
    results,
    hasMore: body.hasMore === true,
    limit: typeof body.limit === "number" ? body.limit : params.limit ?? 100,
    offset: typeof body.offset === "number" ? body.offset : params.offset ?? 0,
    ...(searchedBy ? { searchedBy } : {}),
  };
}

async function traceIn(ctx: PostHogContext, params: TraceParams, dateRange: QueryDateRange, o?: RequestOptions): Promise<LLMTrace | null> {
  const { body } = await runQuery<{ results: LLMTrace[] }>(ctx, { ...params, dateRange, kind: "TraceQuery" }, tracesResponse, o);
  const first = body.results[0];
  if (!first) return null;
  ctx.timestamps.rememberTrace(first);
  return markStored(first);
}

/**
 * One trace. With a `dateRange` it is searched there only; otherwise in a window around the time known
 * for it (the caller's `timestamp`, or one this client has seen), then in ever wider windows, so an old
 * trace is found rather than reported missing (a TraceQuery without dates only searches 7 days, F-Q6).
 */
export async function getTrace(ctx: PostHogContext, params: TraceParams, o?: RequestOptions): Promise<LLMTrace | null> {
  const query = withSentiment(params);
  if (params.dateRange) return traceIn(ctx, query, params.dateRange, o);
  const known = knownTime(ctx, params.traceId, o, o?.timestamp);
  if (known !== null) {
    const found = await traceIn(ctx, query, windowAround(known), o);
    if (found) return found;
  }
  for (const step of WIDENING_STEPS) {
    const found = await traceIn(ctx, query, { date_from: step }, o);
    if (found) return found;
  }
  return null;
}

/** The columns asked of EventsQuery, in the order rows are read. */
const EVENT_COLUMNS = ["uuid", "event", "timestamp", "properties", "distinct_id", "person"] as const;

function readProperties(value: unknown): Record<string, unknown> {
  if (isRecord(value)) return value;
  if (typeof value === "string") {
    try {
      const parsed = JSON.parse(value) as unknown;
      return isRecord(parsed) ? parsed : {};
    } catch {
      return {};
    }
  }
  return {};
}

function toEvent(row: unknown[], columns: readonly string[]): LLMTraceEvent {
  const at = (name: string) => row[columns.indexOf(name)];
  const person = at("person");
  const event: LLMTraceEvent = {
    id: String(at("uuid")),
    event: String(at("event")),
    createdAt: String(at("timestamp")),
    properties: readProperties(at("properties")),
  };
  if (typeof at("distinct_id") === "string") event.distinctId = at("distinct_id");
  if (isRecord(person)) event.person = person;
  return event;
}

/**
 * Events through PostHog's EventsQuery: `$ai_generation` at every depth (TracesQuery only lists a trace's
 * direct children), `$ai_evaluation` runs (TraceQuery leaves them out). Ordered and paged on the server.
 */
export async function listEvents(ctx: PostHogContext, params: EventsParams, o?: RequestOptions): Promise<EventsPage> {
  const from = params.dateRange?.date_from;
  const query: Record<string, unknown> & { kind: string } = {
    kind: "EventsQuery",
    select: [...EVENT_COLUMNS],
    // EventsQuery's own default is the last 24 hours; tracelens' default is TracesQuery's 7 days.
    after: from === null || from === undefined ? "-7d" : from,
    ...(params.dateRange?.date_to ? { before: params.dateRange.date_to } : {}),
    ...(params.event ? { event: params.event } : {}),
    ...(params.events?.length ? { events: params.events } : {}),
    ...(params.properties?.length ? { properties: params.properties } : {}),
    ...(params.personId ? { personId: params.personId } : {}),
    ...(params.filterTestAccounts !== undefined ? { filterTestAccounts: params.filterTestAccounts } : {}),
    orderBy: params.orderBy?.length ? params.orderBy : ["timestamp DESC"],
    limit: params.limit ?? 100,
    offset: params.offset ?? 0,
  };
  const { body } = await runQuery<{ results: unknown[][]; columns?: string[]; hasMore?: boolean | null; limit?: number; offset?: number }>(ctx, query, eventsResponse, o);
  const columns = body.columns ?? [...EVENT_COLUMNS];
  const results = body.results.map((row) => toEvent(row, columns));
  for (const event of results) ctx.timestamps.remember(event.id, event.createdAt);
  return {
    results,
    hasMore: body.hasMore === true,
    limit: typeof body.limit === "number" ? body.limit : (query.limit as number),
    offset: typeof body.offset === "number" ? body.offset : (query.offset as number),
  };
}
