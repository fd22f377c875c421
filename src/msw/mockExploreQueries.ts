/**
 * The query kinds behind the explore screens, answered from the mock's events with core's aggregations
 * (the local client runs the same ones, so both sides agree by construction and the tests check the wire):
 * - HogQLQuery: exactly the sessions and errors queries tracelens sends (clientExploreQueries.ts, after
 *   PostHog's products/ai_observability/backend/queries/{sessions,errors}.sql), `{filters}` applied as
 *   posthog/hogql/filters.py does. Any other HogQL is a 501 that says so: this mock does not run HogQL.
 * - TrendsQuery: series of EventsNodes counted per day or hour bucket (QueryDateRange), optionally broken
 *   down by one event property, as PostHog's errors tab asks for error trends.
 * - TraceNeighborsQuery: posthog/hogql_queries/ai/trace_neighbors_query_runner.py.
 */
import { ERRORS_HOGQL_TEMPLATE, SESSIONS_HOGQL_TEMPLATE } from "../client/clientExploreQueries";
import { groupErrors, ingestedProperty, isErrorSortColumn, sortErrorGroups } from "../core/errorGroups";
import { trendWindow, type TrendInterval } from "../core/errorTrends";
import type { QueryDateRange, QueryPropertyFilter } from "../core/eventsTrace";
import { flatEventSubject, hogqlFiltersPredicate, passesTestAccounts, type FlatAiEvent, type HogQLFiltersInput, type TestAccountRule } from "../core/exploreEvents";
import { inDateWindow, resolveMinuteDateRange } from "../core/filterDates";
import type { PropertyFilterContext } from "../core/filterPropertiesMatch";
import { aggregateSessions, isSessionSortColumn, sortSessionRows } from "../core/sessionRows";
import { NEIGHBOUR_DEFAULT_WINDOW_MS, eventNeighbours } from "../core/traceNeighbours";
import { MockLimitation, MockQueryError, eventMatchesAll, mockFilterError } from "./mockFilters";
import type { MockStore } from "./mockStore";

/** The team settings these queries read. */
export interface MockTeam {
  /** The team's `test_account_filters` (applied when a query sets `filterTestAccounts`). */
  testAccounts?: TestAccountRule;
  /** Cohort membership, for cohort filters. */
  inCohort?: PropertyFilterContext["inCohort"];
}

function templatePattern(template: string): RegExp {
  const squashed = template.replace(/\s+/g, " ").trim();
  const escaped = squashed.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(
    `^${escaped.replace("__ORDER_BY__", "([A-Za-z_]+)").replace("__ORDER_DIRECTION__", "(ASC|DESC|asc|desc)").replace("__LIMIT__", "(\\d+)").replace("__OFFSET__", "(\\d+)")}$`,
  );
}

const SESSIONS = templatePattern(SESSIONS_HOGQL_TEMPLATE);
const ERRORS = templatePattern(ERRORS_HOGQL_TEMPLATE);
const SESSION_COLUMNS = ["session_id", "traces", "spans", "generations", "embeddings", "errors", "total_cost", "total_latency", "first_seen", "last_seen"];
const ERROR_COLUMNS = ["error", "traces", "generations", "spans", "embeddings", "sessions", "users", "days_seen", "first_seen", "last_seen"];

function filtered(events: readonly FlatAiEvent[], filters: HogQLFiltersInput | null | undefined, team: MockTeam, now: number): FlatAiEvent[] {
  try {
    const keep = hogqlFiltersPredicate(filters, { now, ...team });
    return events.filter(keep);
  } catch (error) {
    throw mockFilterError(error);
  }
}

function envelope(query: string, columns: string[], results: unknown[][], limit: number, offset: number) {
  return { results, columns, types: columns.map((c) => [c, "String"]), hogql: query, query, clickhouse: "", timings: [], modifiers: {}, limit, offset };
}

/** HogQLQuery: the sessions or errors query, or a 501. */
export async function runHogQLQuery(store: MockStore, query: { query?: unknown; filters?: unknown }, team: MockTeam, now: number) {
  const text = String(query.query ?? "").replace(/\s+/g, " ").trim();
  const filters = (query.filters ?? null) as HogQLFiltersInput | null;
  const sessions = SESSIONS.exec(text);
  if (sessions) {
    const [, column, direction, limit, offset] = sessions;
    // ClickHouse resolves ORDER BY against the select list: anything else is PostHog's 400.
    if (!isSessionSortColumn(column)) throw new MockQueryError(`Unable to resolve field: ${column}`);
    const rows = sortSessionRows(aggregateSessions(filtered(await store.events(), filters, team, now)), { column, direction: direction!.toUpperCase() as "ASC" | "DESC" });
    const page = rows.slice(Number(offset), Number(offset) + Number(limit));
    // PostHog's SQL sums what is missing as 0.
    const results = page.map((r) => [r.sessionId, r.traces, r.spans, r.generations, r.embeddings, r.errors, r.totalCost ?? 0, r.totalLatency ?? 0, r.firstSeen, r.lastSeen]);
    return envelope(String(query.query), SESSION_COLUMNS, results, Number(limit), Number(offset));
  }
  const errors = ERRORS.exec(text);
  if (errors) {
    const [, column, direction, limit, offset] = errors;
    if (!isErrorSortColumn(column)) throw new MockQueryError(`Unable to resolve field: ${column}`);
    const groups = sortErrorGroups(groupErrors(filtered(await store.events(), filters, team, now)), { column, direction: direction!.toUpperCase() as "ASC" | "DESC" });
    const page = groups.slice(Number(offset), Number(offset) + Number(limit));
    const results = page.map((g) => [g.error, g.traces, g.generations, g.spans, g.embeddings, g.sessions, g.users, g.daysSeen, g.firstSeen, g.lastSeen]);
    return envelope(String(query.query), ERROR_COLUMNS, results, Number(limit), Number(offset));
  }
  throw new MockLimitation(`tracelens' mock PostHog runs only the HogQL tracelens sends (its sessions and errors queries), not ${JSON.stringify(text.slice(0, 80))}`);
}

const NULL_BREAKDOWN = "$$_posthog_breakdown_null_$$";
const OTHER_BREAKDOWN = "$$_posthog_breakdown_other_$$";

interface TrendsInput {
  series: Array<Record<string, unknown>>;
  dateRange?: QueryDateRange | null;
  interval?: string | null;
  properties?: QueryPropertyFilter[] | null;
  filterTestAccounts?: boolean | null;
  breakdownFilter?: { breakdown?: unknown; breakdown_type?: unknown; breakdown_limit?: unknown } | null;
  [key: string]: unknown;
}

function dayLabel(ms: number, interval: TrendInterval): string {
  const iso = new Date(ms).toISOString();
  return interval === "day" ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** TrendsQuery: counts per bucket for each series (and breakdown value). */
export async function runTrendsQuery(store: MockStore, q: TrendsInput, team: MockTeam, now: number) {
  const interval = (q.interval ?? "day") as string;
  if (interval !== "day" && interval !== "hour") throw new MockLimitation(`tracelens' mock PostHog counts trends by day or hour, not by ${interval}`);
  for (const node of q.series) {
    if (node.kind !== "EventsNode" || typeof node.event !== "string") throw new MockLimitation("tracelens' mock PostHog counts EventsNode series with an event name only");
    if ((node.math !== undefined && node.math !== null && node.math !== "total") || (Array.isArray(node.properties) && node.properties.length > 0)) throw new MockLimitation("tracelens' mock PostHog counts plain totals per series only");
  }
  const breakdown = q.breakdownFilter?.breakdown;
  if (q.breakdownFilter && (q.breakdownFilter.breakdown_type !== "event" || typeof breakdown !== "string")) throw new MockLimitation("tracelens' mock PostHog breaks trends down by one event property only");
  const events = await store.events();
  const earliest = events.reduce<number | null>((min, e) => (min === null || e.at < min ? e.at : min), null);
  const window = trendWindow(q.dateRange, now, interval, earliest);
  if (!window) throw new MockQueryError("Unreadable date range");
  const step = interval === "hour" ? 3_600_000 : 86_400_000;
  const first = window.starts[0] ?? 0;
  const context = { now, ...team };
  const testAccounts = q.filterTestAccounts ? team.testAccounts : undefined;
  const days = window.starts.map((ms) => dayLabel(ms, interval));
  const results: Array<Record<string, unknown>> = [];
  for (const node of q.series) {
    const counts = new Map<string, number[]>();
    for (const event of events) {
      if (event.event !== node.event || event.at < first || event.at > window.to) continue;
      if (!eventMatchesAll(event, q.properties, context)) continue;
      try {
        if (!passesTestAccounts(flatEventSubject(event), testAccounts, context)) continue;
      } catch (error) {
        throw mockFilterError(error);
      }
      const raw = typeof breakdown === "string" ? ingestedProperty(event.properties, breakdown) : "";
      const value = raw === undefined || raw === null ? NULL_BREAKDOWN : typeof raw === "string" ? raw : JSON.stringify(raw);
      const row = counts.get(value) ?? new Array<number>(days.length).fill(0);
      row[Math.floor((event.at - first) / step)]! += 1;
      counts.set(value, row);
    }
    const zeros = () => new Array<number>(days.length).fill(0);
    let kept: Array<[string, number[]]>;
    if (typeof breakdown !== "string") kept = [["", counts.get("") ?? zeros()]];
    else {
      // Largest first, then the rest folded into PostHog's "other" value.
      const ranked = [...counts.entries()].sort((a, b) => b[1].reduce((x, y) => x + y, 0) - a[1].reduce((x, y) => x + y, 0) || (a[0] < b[0] ? -1 : 1));
      const limit = Number(q.breakdownFilter?.breakdown_limit ?? 25) || 25;
      kept = ranked.slice(0, limit);
      const other = ranked.slice(limit);
      if (other.length > 0) kept.push([OTHER_BREAKDOWN, days.map((_, i) => other.reduce((sum, [, row]) => sum + row[i]!, 0))]);
    }
    for (const [value, data] of kept) {
      results.push({
        action: { id: node.event, type: "events", name: node.event, order: q.series.indexOf(node) },
        label: typeof breakdown === "string" ? value : String(node.event),
        count: data.reduce((x, y) => x + y, 0),
        data,
        days,
        labels: days,
        ...(typeof breakdown === "string" ? { breakdown_value: value } : {}),
      });
    }
  }
  return { results, timings: [], hogql: "", modifiers: {}, isUdf: false };
}

/** TraceNeighborsQuery. */
export async function runTraceNeighborsQuery(store: MockStore, q: { traceId: string; timestamp: string; dateRange?: QueryDateRange | null; properties?: QueryPropertyFilter[] | null; filterTestAccounts?: boolean | null; filterSupportTraces?: boolean | null }, team: MockTeam, now: number) {
  const at = Date.parse(q.timestamp.endsWith("Z") || /[+-]\d{2}:?\d{2}$/.test(q.timestamp) ? q.timestamp : `${q.timestamp}Z`);
  if (!Number.isFinite(at)) throw new MockQueryError(`Invalid isoformat string: ${JSON.stringify(q.timestamp)}`);
  const window = q.dateRange && (q.dateRange.date_from || q.dateRange.date_to) ? resolveMinuteDateRange(q.dateRange, now) : { from: at - NEIGHBOUR_DEFAULT_WINDOW_MS, to: at + NEIGHBOUR_DEFAULT_WINDOW_MS };
  if (!window) throw new MockQueryError("Unreadable date range");
  const context = { now, ...team };
  const testAccounts = q.filterTestAccounts ? team.testAccounts : undefined;
  const events = (await store.events()).filter((event) => {
    if (!inDateWindow(event.at, window) || !eventMatchesAll(event, q.properties, context)) return false;
    if (q.filterSupportTraces && String(event.properties.ai_support_impersonated) === "true") return false;
    try {
      return passesTestAccounts(flatEventSubject(event), testAccounts, context);
    } catch (error) {
      throw mockFilterError(error);
    }
  });
  return { ...eventNeighbours(events, q.traceId, at), timings: [], modifiers: {} };
}
