/**
 * The local client's explore calls, computed from the host's traces with the same core code the strict
 * mock runs behind PostHog's queries: one flat event table, HogQL's `{filters}`, then the sessions, error,
 * trend and neighbour aggregations. Beyond PostHog: cost and latency nobody reported stay unknown, each
 * session carries its trace ids and the average of its traces' stored sentiment, and each error group a
 * raw example and its newest trace ids.
 */
import { DEFAULT_ERROR_SORT, groupErrors, sortErrorGroups } from "../core/errorGroups";
import { errorTrendSeries, trendWindow } from "../core/errorTrends";
import { isPropertyBag, readNumber } from "../core/eventsAccess";
import type { LLMTrace } from "../core/eventsTrace";
import { flatEventSubject, flattenTraceEvents, hogqlFiltersPredicate, passesTestAccounts, type FlatAiEvent } from "../core/exploreEvents";
import { inDateWindow, resolveMinuteDateRange } from "../core/filterDates";
import { matchPropertyFilters } from "../core/filterPropertiesMatch";
import { storedSentimentLookup } from "../core/sentiment/stored";
import { DEFAULT_SESSION_SORT, aggregateSessions, sortSessionRows, type SessionSentiment } from "../core/sessionRows";
import { NEIGHBOUR_DEFAULT_WINDOW_MS, eventNeighbours } from "../core/traceNeighbours";
import { ApiError } from "./clientErrors";
import type { ErrorsPage, ErrorsParams, ErrorTrends, ErrorTrendsParams, ExploreFilters, SessionsPage, SessionsParams, TraceNeighboursParams, TraceNeighboursResult } from "./clientExploreTypes";
import { filterError, type LocalFilterContext } from "./clientLocalFilters";
import type { LocalTraceStore } from "./clientLocalTraces";

export interface LocalExploreDeps {
  store: LocalTraceStore;
  now: () => number;
  filters: LocalFilterContext;
}

function filtered(events: readonly FlatAiEvent[], params: ExploreFilters, deps: LocalExploreDeps): FlatAiEvent[] {
  try {
    const keep = hogqlFiltersPredicate(params, { ...deps.filters, now: deps.now() });
    return events.filter(keep);
  } catch (error) {
    throw filterError(error);
  }
}

function pageOf<T>(rows: readonly T[], limit: number | undefined, fallback: number, offset: number | undefined) {
  const size = typeof limit === "number" && limit > 0 ? Math.min(Math.floor(limit), 1000) : fallback;
  const start = Math.max(0, Math.floor(offset ?? 0));
  const results = rows.slice(start, start + size);
  // PostHog's rule, so both clients page alike: a full page means there may be more.
  return { results, limit: size, offset: start, hasMore: results.length === size };
}

function sentimentScores(value: unknown): { positive: number; neutral: number; negative: number } | null {
  if (!isPropertyBag(value) || !isPropertyBag(value.scores)) return null;
  const [positive, neutral, negative] = ["positive", "neutral", "negative"].map((k) => readNumber((value.scores as Record<string, unknown>)[k]));
  return positive === null || neutral === null || negative === null ? null : { positive: positive!, neutral: neutral!, negative: negative! };
}

function sessionSentiment(traceIds: readonly string[], own: Map<string, LLMTrace>, stored: Map<string, unknown>): SessionSentiment | null {
  const sum = { positive: 0, neutral: 0, negative: 0 };
  let count = 0;
  for (const id of traceIds) {
    const scores = sentimentScores(own.get(id)?.sentiment) ?? sentimentScores(stored.get(id));
    if (!scores) continue;
    sum.positive += scores.positive;
    sum.neutral += scores.neutral;
    sum.negative += scores.negative;
    count += 1;
  }
  if (count === 0) return null;
  const mean = (n: number) => Math.round((n / count) * 10_000) / 10_000;
  return { positive: mean(sum.positive), neutral: mean(sum.neutral), negative: mean(sum.negative), count };
}

export async function localListSessions(deps: LocalExploreDeps, params: SessionsParams = {}): Promise<SessionsPage> {
  const sort = params.sort ?? DEFAULT_SESSION_SORT;
  const traces = await deps.store.all();
  const events = flattenTraceEvents(traces);
  const rows = sortSessionRows(aggregateSessions(filtered(events, params, deps), { withTraceIds: true }), sort);
  const page = pageOf(rows, params.limit, 50, params.offset);
  const byId = new Map(traces.map((trace) => [trace.id, trace]));
  const stored = storedSentimentLookup(events).byTraceId;
  const results = page.results.map((row) => ({ ...row, sentiment: sessionSentiment(row.traceIds ?? [], byId, stored) }));
  return { ...page, results, sort };
}

export async function localListErrors(deps: LocalExploreDeps, params: ErrorsParams = {}): Promise<ErrorsPage> {
  const sort = params.sort ?? DEFAULT_ERROR_SORT;
  const events = flattenTraceEvents(await deps.store.all());
  const groups = sortErrorGroups(groupErrors(filtered(events, params, deps)), sort);
  return { ...pageOf(groups, params.limit, 100, params.offset), sort };
}

export async function localErrorTrends(deps: LocalExploreDeps, params: ErrorTrendsParams): Promise<ErrorTrends> {
  const interval = params.interval ?? "day";
  const errors = [...new Set(params.errors ?? [])];
  const events = flattenTraceEvents(await deps.store.all());
  const earliest = events.reduce<number | null>((min, event) => (min === null || event.at < min ? event.at : min), null);
  const window = trendWindow(params.dateRange, deps.now(), interval, earliest);
  if (!window) throw new ApiError({ kind: "http", status: 400, path: "local:query", body: { type: "validation_error", code: "invalid_input", detail: "Unreadable date range", attr: null } });
  // The trends window rounds to the interval; the property filters and test accounts apply as in {filters}.
  const counts = errorTrendSeries(filtered(events, { ...params, dateRange: { date_from: "all" } }, deps), window, { errors });
  const series: Record<string, number[]> = {};
  for (const error of errors) series[error] = counts.get(error) ?? new Array<number>(window.starts.length).fill(0);
  return { interval, buckets: window.starts.map((ms) => new Date(ms).toISOString()), series };
}

export async function localTraceNeighbours(deps: LocalExploreDeps, params: TraceNeighboursParams): Promise<TraceNeighboursResult> {
  const at = Date.parse(params.timestamp);
  if (typeof params.traceId !== "string" || params.traceId === "" || !Number.isFinite(at)) {
    throw new ApiError({ kind: "http", status: 400, path: "local:query", body: { type: "validation_error", code: "invalid_input", detail: "traceId and an ISO timestamp are required", attr: null } });
  }
  const hasRange = Boolean(params.dateRange?.date_from || params.dateRange?.date_to);
  const window = hasRange ? resolveMinuteDateRange(params.dateRange, deps.now()) : { from: at - NEIGHBOUR_DEFAULT_WINDOW_MS, to: at + NEIGHBOUR_DEFAULT_WINDOW_MS };
  if (!window) throw new ApiError({ kind: "http", status: 400, path: "local:query", body: { type: "validation_error", code: "invalid_input", detail: "Unreadable date range", attr: null } });
  const context = { ...deps.filters, now: deps.now() };
  const testAccounts = params.filterTestAccounts ? deps.filters.testAccounts : undefined;
  try {
    const events = flattenTraceEvents(await deps.store.all()).filter((event) => {
      if (!inDateWindow(event.at, window)) return false;
      const subject = flatEventSubject(event);
      return matchPropertyFilters(params.properties, subject, context) && passesTestAccounts(subject, testAccounts, context);
    });
    return eventNeighbours(events, params.traceId, at);
  } catch (error) {
    throw filterError(error);
  }
}
