/**
 * AI sessions (`$ai_session_id`) as PostHog's sessions tab lists them
 * (products/ai_observability/backend/queries/sessions.sql): events of four kinds are grouped by trace
 * first, each trace takes the session id one of its events carries, then traces are summed per session.
 * Per trace: spans, generations and embeddings counted; errors are events with `$ai_is_error` "true";
 * cost sums `$ai_total_cost_usd` of generations and embeddings; latency is the `$ai_trace` event's own
 * `$ai_latency` when it has one, else the sum over generations, embeddings and spans; first/last seen
 * are the trace's earliest and latest event. Per session: traces counted, everything else summed, cost
 * rounded to 4 places and latency to 2, first seen the minimum and last seen the maximum.
 *
 * Unlike PostHog's SQL (where a sum of nothing is 0), a cost or latency nobody reported stays unknown
 * (`null`), and `costCoverage` says how many generations and embeddings reported a cost.
 */
import { readBoolean, readId, readNumber } from "./eventsAccess";
import type { FlatAiEvent } from "./exploreEvents";

/** The four event kinds the sessions query reads. */
export const SESSION_QUERY_EVENTS: readonly string[] = ["$ai_generation", "$ai_span", "$ai_embedding", "$ai_trace"];

/** Columns a sessions list can be ordered by (PostHog's column names). */
export const SESSION_SORT_COLUMNS = ["session_id", "traces", "spans", "generations", "embeddings", "errors", "total_cost", "total_latency", "first_seen", "last_seen"] as const;

export type SessionSortColumn = (typeof SESSION_SORT_COLUMNS)[number];

export interface SessionSort {
  column: SessionSortColumn;
  direction: "ASC" | "DESC";
}

/** PostHog's default: most recently active first. */
export const DEFAULT_SESSION_SORT: SessionSort = { column: "last_seen", direction: "DESC" };

/** Average sentiment of a session's traces (stored results), as PostHog's sentiment column showed it. */
export interface SessionSentiment {
  positive: number;
  neutral: number;
  negative: number;
  /** Traces with a sentiment result. */
  count: number;
}

export interface SessionRow {
  sessionId: string;
  /** The first trace's distinct id, where the source knows it. */
  distinctId?: string | null;
  traces: number;
  spans: number;
  generations: number;
  embeddings: number;
  errors: number;
  /** USD, rounded to 4 places; null when unknown. */
  totalCost: number | null;
  /** Generations and embeddings, and how many of them reported a cost; null when the source cannot tell. */
  costCoverage: { usageEvents: number; costReported: number } | null;
  /** Seconds, rounded to 2 places; null when unknown. */
  totalLatency: number | null;
  /** ISO timestamps. */
  firstSeen: string;
  lastSeen: string;
  /** Average sentiment, when the source has it (`undefined`: not asked or not available). */
  sentiment?: SessionSentiment | null;
  /** The session's trace ids, oldest first, where the source lists them (the local client does). */
  traceIds?: string[];
}

function round(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

interface TraceAggregate {
  traceId: string;
  sessionId: string | null;
  sessionAt: number;
  distinctId: string;
  spans: number;
  generations: number;
  embeddings: number;
  errors: number;
  cost: number;
  costReported: number;
  usageEvents: number;
  ownLatency: number | null;
  childLatency: number | null;
  first: number;
  last: number;
}

/**
 * Session rows from events already through the query's `{filters}`. Events of other kinds and events
 * without a trace id are ignored; traces without a session id are left out.
 */
export function aggregateSessions(events: Iterable<FlatAiEvent>, options: { withTraceIds?: boolean } = {}): SessionRow[] {
  const traces = new Map<string, TraceAggregate>();
  for (const event of events) {
    if (!SESSION_QUERY_EVENTS.includes(event.event)) continue;
    const traceId = readId(event.properties.$ai_trace_id);
    if (traceId === null || traceId === "") continue;
    let t = traces.get(traceId);
    if (!t) {
      t = { traceId, sessionId: null, sessionAt: Infinity, distinctId: event.distinctId, spans: 0, generations: 0, embeddings: 0, errors: 0, cost: 0, costReported: 0, usageEvents: 0, ownLatency: null, childLatency: null, first: event.at, last: event.at };
      traces.set(traceId, t);
    }
    const session = readId(event.properties.$ai_session_id);
    // anyIf(...): PostHog takes any one; the earliest event's, so the choice does not depend on order.
    if (session !== null && event.at < t.sessionAt) {
      t.sessionId = session;
      t.sessionAt = event.at;
    }
    if (event.at < t.first) {
      t.first = event.at;
      t.distinctId = event.distinctId;
    }
    t.last = Math.max(t.last, event.at);
    if (event.event === "$ai_span") t.spans += 1;
    if (event.event === "$ai_generation") t.generations += 1;
    if (event.event === "$ai_embedding") t.embeddings += 1;
    if (readBoolean(event.properties.$ai_is_error) === true) t.errors += 1;
    const latency = readNumber(event.properties.$ai_latency);
    if (event.event === "$ai_generation" || event.event === "$ai_embedding") {
      t.usageEvents += 1;
      const cost = readNumber(event.properties.$ai_total_cost_usd);
      if (cost !== null) {
        t.cost += cost;
        t.costReported += 1;
      }
    }
    if (event.event === "$ai_trace") {
      if (latency !== null && t.ownLatency === null) t.ownLatency = latency;
    } else if (latency !== null) t.childLatency = (t.childLatency ?? 0) + latency;
  }
  const sessions = new Map<string, SessionRow & { first: number; last: number; costKnown: boolean; latencyKnown: boolean; firstTrace: number; members: Array<[number, string]> }>();
  for (const t of traces.values()) {
    if (t.sessionId === null) continue;
    let s = sessions.get(t.sessionId);
    if (!s) {
      s = { sessionId: t.sessionId, distinctId: t.distinctId, traces: 0, spans: 0, generations: 0, embeddings: 0, errors: 0, totalCost: 0, costCoverage: { usageEvents: 0, costReported: 0 }, totalLatency: 0, firstSeen: "", lastSeen: "", first: t.first, last: t.last, costKnown: false, latencyKnown: false, firstTrace: t.first, members: [] };
      sessions.set(t.sessionId, s);
    }
    s.traces += 1;
    s.members.push([t.first, t.traceId]);
    s.spans += t.spans;
    s.generations += t.generations;
    s.embeddings += t.embeddings;
    s.errors += t.errors;
    s.totalCost! += t.cost;
    s.costCoverage!.usageEvents += t.usageEvents;
    s.costCoverage!.costReported += t.costReported;
    s.costKnown ||= t.costReported > 0;
    const latency = t.ownLatency ?? t.childLatency;
    if (latency !== null) {
      s.totalLatency! += latency;
      s.latencyKnown = true;
    }
    if (t.first < s.firstTrace) {
      s.firstTrace = t.first;
      s.distinctId = t.distinctId;
    }
    s.first = Math.min(s.first, t.first);
    s.last = Math.max(s.last, t.last);
  }
  return [...sessions.values()].map(({ first, last, costKnown, latencyKnown, firstTrace: _f, members, ...row }) => ({
    ...row,
    ...(options.withTraceIds ? { traceIds: members.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)).map(([, id]) => id) } : {}),
    totalCost: costKnown ? round(row.totalCost!, 4) : null,
    totalLatency: latencyKnown ? round(row.totalLatency!, 2) : null,
    firstSeen: new Date(first).toISOString(),
    lastSeen: new Date(last).toISOString(),
  }));
}

function sortValue(row: SessionRow, column: SessionSortColumn): number | string | null {
  switch (column) {
    case "session_id":
      return row.sessionId;
    case "total_cost":
      return row.totalCost;
    case "total_latency":
      return row.totalLatency;
    case "first_seen":
      return Date.parse(row.firstSeen);
    case "last_seen":
      return Date.parse(row.lastSeen);
    default:
      return row[column];
  }
}

/**
 * Rows in `ORDER BY column direction` order. An unknown figure sorts as PostHog's 0 would; ties go by
 * session id so pages never overlap (PostHog leaves tie order to ClickHouse).
 */
export function sortSessionRows(rows: readonly SessionRow[], sort: SessionSort = DEFAULT_SESSION_SORT): SessionRow[] {
  const sign = sort.direction === "ASC" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = sortValue(a, sort.column) ?? 0;
    const right = sortValue(b, sort.column) ?? 0;
    const diff = typeof left === "number" && typeof right === "number" ? left - right : String(left) < String(right) ? -1 : String(left) > String(right) ? 1 : 0;
    if (diff !== 0) return sign * diff;
    return a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0;
  });
}

export function isSessionSortColumn(value: unknown): value is SessionSortColumn {
  return typeof value === "string" && (SESSION_SORT_COLUMNS as readonly string[]).includes(value);
}
