/**
 * The PostHog client's explore calls: sessions and error groups through HogQLQuery, error counts over
 * time through TrendsQuery, and a trace's neighbours through TraceNeighborsQuery, each as PostHog's own
 * UI sends it (clientExploreQueries.ts). Rows are read by column name, so a server that adds columns
 * still works; every body's shape is checked first.
 */
import { DEFAULT_ERROR_SORT, type ErrorGroup } from "../core/errorGroups";
import { DEFAULT_SESSION_SORT, type SessionRow } from "../core/sessionRows";
import type { TraceNeighboursResult } from "../core/traceNeighbours";
import type { RequestOptions } from "./clientHttp";
import { ERROR_TREND_SERIES, errorGroupFilters, errorsHogQL, sessionsHogQL } from "./clientExploreQueries";
import type { ErrorsPage, ErrorsParams, ErrorTrends, ErrorTrendsParams, ExploreFilters, SessionsPage, SessionsParams, TraceNeighboursParams } from "./clientExploreTypes";
import type { PostHogContext } from "./clientPostHogContext";
import { runQuery } from "./clientPostHogQuery";
import { isRecord, type ShapeCheck } from "./clientResponses";

/** HogQLQuery: `{results: row[][], columns: string[]}`. */
const hogqlResponse: ShapeCheck = (body) => {
  if (!isRecord(body)) return "expected an object with `results`";
  if (!Array.isArray(body.results) || !body.results.every(Array.isArray)) return "`results` is not a list of rows";
  if (!Array.isArray(body.columns) || !body.columns.every((c) => typeof c === "string")) return "`columns` is not a list of names";
  return null;
};

/** TrendsQuery: `{results: [{data: number[], days: string[], breakdown_value?}]}`. */
const trendsResponse: ShapeCheck = (body) => {
  if (!isRecord(body) || !Array.isArray(body.results)) return "expected an object with `results`";
  for (const [i, series] of body.results.entries()) {
    if (!isRecord(series) || !Array.isArray(series.data) || !series.data.every((n) => typeof n === "number")) return `results[${i}].data is not a list of numbers`;
    if (!Array.isArray(series.days) || series.days.length !== series.data.length) return `results[${i}].days does not match its data`;
  }
  return null;
};

/** TraceNeighborsQueryResponse: four nullable strings. */
const neighboursResponse: ShapeCheck = (body) => {
  if (!isRecord(body)) return "expected an object";
  for (const key of ["olderTraceId", "olderTimestamp", "newerTraceId", "newerTimestamp"]) {
    if (body[key] !== undefined && body[key] !== null && typeof body[key] !== "string") return `\`${key}\` is not a string`;
  }
  return null;
};

type HogQLBody = { results: unknown[][]; columns: string[] };

function hogqlFilters(params: ExploreFilters) {
  return {
    dateRange: { date_from: params.dateRange?.date_from ?? null, date_to: params.dateRange?.date_to ?? null },
    filterTestAccounts: params.filterTestAccounts === true,
    properties: params.properties ?? [],
  };
}

function reader(columns: readonly string[], row: readonly unknown[]) {
  const at = (name: string) => row[columns.indexOf(name)];
  const num = (name: string) => {
    const value = Number(at(name));
    return Number.isFinite(value) ? value : 0;
  };
  const time = (name: string) => {
    const raw = at(name);
    const ms = typeof raw === "string" ? Date.parse(raw) : NaN;
    return Number.isFinite(ms) ? new Date(ms).toISOString() : String(raw ?? "");
  };
  return { at, num, time };
}

function pageSize(limit: number | undefined, fallback: number): number {
  return typeof limit === "number" && limit > 0 ? Math.min(Math.floor(limit), 1000) : fallback;
}

export async function listSessions(ctx: PostHogContext, params: SessionsParams = {}, o?: RequestOptions): Promise<SessionsPage> {
  const sort = params.sort ?? DEFAULT_SESSION_SORT;
  const limit = pageSize(params.limit, 50);
  const offset = Math.max(0, Math.floor(params.offset ?? 0));
  const query = { kind: "HogQLQuery", query: sessionsHogQL(sort, limit, offset), filters: hogqlFilters(params) };
  const { body } = await runQuery<HogQLBody>(ctx, query, hogqlResponse, o);
  const results = body.results.map((row): SessionRow => {
    const r = reader(body.columns, row);
    const cost = r.num("total_cost");
    const latency = r.num("total_latency");
    const distinctId = r.at("distinct_id");
    return {
      sessionId: String(r.at("session_id") ?? ""),
      ...(typeof distinctId === "string" ? { distinctId } : {}),
      traces: r.num("traces"),
      spans: r.num("spans"),
      generations: r.num("generations"),
      embeddings: r.num("embeddings"),
      errors: r.num("errors"),
      // PostHog sums a missing cost or latency as 0 and its UI shows 0 as "N/A": unknown, here too.
      totalCost: cost > 0 ? cost : null,
      costCoverage: null,
      totalLatency: latency > 0 ? latency : null,
      firstSeen: r.time("first_seen"),
      lastSeen: r.time("last_seen"),
    };
  });
  return { results, hasMore: results.length === limit, limit, offset, sort };
}

export async function listErrors(ctx: PostHogContext, params: ErrorsParams = {}, o?: RequestOptions): Promise<ErrorsPage> {
  const sort = params.sort ?? DEFAULT_ERROR_SORT;
  const limit = pageSize(params.limit, 100);
  const offset = Math.max(0, Math.floor(params.offset ?? 0));
  const query = { kind: "HogQLQuery", query: errorsHogQL(sort, limit, offset), filters: hogqlFilters(params) };
  const { body } = await runQuery<HogQLBody>(ctx, query, hogqlResponse, o);
  const results = body.results.map((row): ErrorGroup => {
    const r = reader(body.columns, row);
    const generations = r.num("generations");
    const spans = r.num("spans");
    const embeddings = r.num("embeddings");
    return {
      error: typeof r.at("error") === "string" ? (r.at("error") as string) : "",
      traces: r.num("traces"),
      sessions: r.num("sessions"),
      users: r.num("users"),
      generations,
      spans,
      embeddings,
      occurrences: generations + spans + embeddings,
      daysSeen: r.num("days_seen"),
      firstSeen: r.time("first_seen"),
      lastSeen: r.time("last_seen"),
    };
  });
  return { results, hasMore: results.length === limit, limit, offset, sort };
}

type TrendsBody = { results: Array<{ data: number[]; days: string[]; breakdown_value?: unknown }> };

export async function errorTrends(ctx: PostHogContext, params: ErrorTrendsParams, o?: RequestOptions): Promise<ErrorTrends> {
  const interval = params.interval ?? "day";
  const errors = [...new Set(params.errors ?? [])];
  const series: Record<string, number[]> = {};
  if (errors.length === 0) return { interval, buckets: [], series };
  const query = {
    kind: "TrendsQuery",
    series: ERROR_TREND_SERIES.map((event) => ({ kind: "EventsNode", event })),
    dateRange: { date_from: params.dateRange?.date_from ?? null, date_to: params.dateRange?.date_to ?? null },
    interval,
    filterTestAccounts: params.filterTestAccounts === true,
    properties: [...(params.properties ?? []), ...errorGroupFilters(errors)],
    breakdownFilter: { breakdown: "$ai_error_normalized", breakdown_type: "event", breakdown_limit: errors.length },
  };
  const { body } = await runQuery<TrendsBody>(ctx, query, trendsResponse, o);
  const days = body.results[0]?.days ?? [];
  const buckets = days.map((day) => {
    const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T00:00:00Z` : `${day.replace(" ", "T")}Z`);
    return Number.isFinite(ms) ? new Date(ms).toISOString() : day;
  });
  for (const error of errors) series[error] = new Array<number>(buckets.length).fill(0);
  // One result per event kind and breakdown value: the four kinds are summed per error.
  for (const result of body.results) {
    const counts = series[String(result.breakdown_value)];
    if (!counts) continue;
    result.data.forEach((n, i) => {
      if (i < counts.length) counts[i]! += n;
    });
  }
  return { interval, buckets, series };
}

export async function traceNeighbours(ctx: PostHogContext, params: TraceNeighboursParams, o?: RequestOptions): Promise<TraceNeighboursResult> {
  const query = {
    kind: "TraceNeighborsQuery",
    traceId: params.traceId,
    timestamp: params.timestamp,
    ...(params.dateRange && (params.dateRange.date_from || params.dateRange.date_to) ? { dateRange: params.dateRange } : {}),
    ...(params.properties?.length ? { properties: params.properties } : {}),
    ...(params.filterTestAccounts !== undefined ? { filterTestAccounts: params.filterTestAccounts } : {}),
  };
  const { body } = await runQuery<Partial<TraceNeighboursResult>>(ctx, query, neighboursResponse, o);
  const result: TraceNeighboursResult = {
    olderTraceId: body.olderTraceId ?? null,
    olderTimestamp: body.olderTimestamp ?? null,
    newerTraceId: body.newerTraceId ?? null,
    newerTimestamp: body.newerTimestamp ?? null,
  };
  if (result.olderTraceId) ctx.timestamps.remember(result.olderTraceId, result.olderTimestamp);
  if (result.newerTraceId) ctx.timestamps.remember(result.newerTraceId, result.newerTimestamp);
  return result;
}
