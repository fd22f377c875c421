/**
 * What an explore screen keeps in its URL (the open trace, selected event, tab, text-view line, in-trace
 * search, open session, and the filters) and its query-string form. Parameter names are PostHog's where
 * PostHog has one (`event`, `tab`, `line`, `search`, `timestamp`, `date_from`, `date_to`, `filters`,
 * `filter_test_accounts`); the rest are tracelens' (`trace`, `session`, `person`, `sentiment`, `q`).
 * A prefix lets several embeds share one URL. Parsing never throws: unreadable values are dropped.
 */
import { isPropertyBag } from "./eventsAccess";
import type { QueryPropertyFilter } from "./eventsTrace";
import { DEFAULT_TRACE_FILTER_STATE, readTraceFilterState, type TraceFilterState } from "./traceFilterState";
import type { SentimentLabel } from "./sentiment/types";

export interface TraceLensUrlState {
  trace: string | null;
  event: string | null;
  tab: string | null;
  /** A 1-based text-view line. */
  line: number | null;
  /** Search inside the open trace. */
  search: string;
  session: string | null;
  /** When the open trace happened (ISO), so it can be looked up in a narrow window. */
  timestamp: string | null;
  filters: TraceFilterState;
}

export const EMPTY_URL_STATE: TraceLensUrlState = Object.freeze({
  trace: null,
  event: null,
  tab: null,
  line: null,
  search: "",
  session: null,
  timestamp: null,
  filters: DEFAULT_TRACE_FILTER_STATE,
}) as TraceLensUrlState;

export interface UrlStateOptions {
  /** Prepended to every parameter name (e.g. "tl_"). @default "" */
  prefix?: string;
  /** The filters a missing parameter means. @default DEFAULT_TRACE_FILTER_STATE */
  defaults?: TraceFilterState;
}

const LABELS: readonly SentimentLabel[] = ["negative", "neutral", "positive"];

function nonEmpty(value: string | null): string | null {
  return value === null || value === "" ? null : value;
}

function sameDateRange(a: TraceFilterState["dateRange"], b: TraceFilterState["dateRange"]): boolean {
  return (a.date_from || null) === (b.date_from || null) && (a.date_to || null) === (b.date_to || null);
}

/** The state as query parameters, merged into `base` (the host's other parameters are kept). */
export function urlStateToSearchParams(state: TraceLensUrlState, options: UrlStateOptions = {}, base?: URLSearchParams | string): URLSearchParams {
  const p = options.prefix ?? "";
  const defaults = options.defaults ?? DEFAULT_TRACE_FILTER_STATE;
  const params = new URLSearchParams(base ?? "");
  const set = (name: string, value: string | null) => {
    if (value === null) params.delete(p + name);
    else params.set(p + name, value);
  };
  set("trace", nonEmpty(state.trace));
  set("event", nonEmpty(state.event));
  set("tab", nonEmpty(state.tab));
  set("line", state.line !== null && Number.isInteger(state.line) && state.line > 0 ? String(state.line) : null);
  set("search", nonEmpty(state.search));
  set("session", nonEmpty(state.session));
  set("timestamp", nonEmpty(state.timestamp));
  const f = state.filters;
  const range = f.dateRange ?? {};
  if (sameDateRange(range, defaults.dateRange)) {
    set("date_from", null);
    set("date_to", null);
  } else {
    set("date_from", range.date_from || "");
    set("date_to", nonEmpty(range.date_to || null));
  }
  set("filters", f.properties.length > 0 ? JSON.stringify(f.properties) : null);
  set("filter_test_accounts", f.filterTestAccounts === defaults.filterTestAccounts ? null : String(f.filterTestAccounts));
  set("person", nonEmpty(f.personId));
  set("sentiment", f.sentiment && f.sentiment.labels.length > 0 ? `${f.sentiment.labels.join(",")}${f.sentiment.minScore ? `@${f.sentiment.minScore}` : ""}` : null);
  set("q", nonEmpty(f.search));
  return params;
}

function readFilters(value: string | null): QueryPropertyFilter[] | undefined {
  if (value === null) return undefined;
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? parsed.filter((item): item is QueryPropertyFilter => isPropertyBag(item)) : undefined;
  } catch {
    return undefined;
  }
}

function readSentiment(value: string | null): TraceFilterState["sentiment"] {
  if (value === null) return null;
  const [list, score] = value.split("@");
  const labels = LABELS.filter((label) => (list ?? "").split(",").includes(label));
  if (labels.length === 0) return null;
  const minScore = score === undefined ? NaN : Number(score);
  return { labels, ...(Number.isFinite(minScore) && minScore > 0 ? { minScore: Math.min(1, minScore) } : {}) };
}

/** The state in a query string (`?a=1`, `a=1` or URLSearchParams). */
export function urlStateFromSearchParams(search: URLSearchParams | string, options: UrlStateOptions = {}): TraceLensUrlState {
  const p = options.prefix ?? "";
  const defaults = options.defaults ?? DEFAULT_TRACE_FILTER_STATE;
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const get = (name: string) => params.get(p + name);
  const lineText = get("line");
  const line = lineText !== null && /^\d{1,9}$/.test(lineText) && Number(lineText) > 0 ? Number(lineText) : null;
  const hasRange = get("date_from") !== null || get("date_to") !== null;
  const testAccounts = get("filter_test_accounts");
  const filters = readTraceFilterState(
    {
      dateRange: hasRange ? { date_from: nonEmpty(get("date_from")), date_to: nonEmpty(get("date_to")) } : defaults.dateRange,
      properties: readFilters(get("filters")) ?? [],
      filterTestAccounts: testAccounts === null ? defaults.filterTestAccounts : ["true", "1"].includes(testAccounts),
      personId: nonEmpty(get("person")),
      sentiment: readSentiment(get("sentiment")),
      search: get("q") ?? "",
    },
    defaults,
  );
  return {
    trace: nonEmpty(get("trace")),
    event: nonEmpty(get("event")),
    tab: nonEmpty(get("tab")),
    line,
    search: get("search") ?? "",
    session: nonEmpty(get("session")),
    timestamp: nonEmpty(get("timestamp")),
    filters,
  };
}

/** A state with every field present and spelt one way (what a round trip through the URL gives back). */
export function normalizeUrlState(state: Partial<TraceLensUrlState>, options: UrlStateOptions = {}): TraceLensUrlState {
  return urlStateFromSearchParams(urlStateToSearchParams({ ...EMPTY_URL_STATE, filters: options.defaults ?? DEFAULT_TRACE_FILTER_STATE, ...state }, options), options);
}
