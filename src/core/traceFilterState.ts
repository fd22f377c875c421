/**
 * The state of an explore screen's filters (date range, property filters, test accounts, person,
 * sentiment, search) and what it becomes: TracesQuery fields for a server, and the checks that only
 * loaded rows can answer (sentiment: PostHog's TracesQuery has no sentiment filter).
 */
import { isPropertyBag, readNumber } from "./eventsAccess";
import type { LLMTrace, QueryDateRange, QueryPropertyFilter, TracesQueryParams } from "./eventsTrace";
import { readDateRange } from "./filterDates";
import type { SentimentLabel } from "./sentiment/types";

/** Keep traces whose (stored or classified) sentiment has one of these labels, at least this sure. */
export interface SentimentFilter {
  labels: SentimentLabel[];
  /** The winning label's score must be at least this (0–1). @default 0 */
  minScore?: number;
}

export interface TraceFilterState {
  dateRange: QueryDateRange;
  /** Event, person and cohort filters, ANDed (PostHog's AnyPropertyFilter[]). */
  properties: QueryPropertyFilter[];
  /** PostHog's `filterTestAccounts`: leave out the team's test accounts. */
  filterTestAccounts: boolean;
  /** A person's uuid (TracesQuery `personId`). */
  personId: string | null;
  sentiment: SentimentFilter | null;
  /** Free text (TracesQuery `searchTerm` where the server has it). */
  search: string;
}

/** PostHog's AI-observability default: the last 7 days, test accounts included. */
export const DEFAULT_TRACE_FILTER_STATE: TraceFilterState = Object.freeze({
  dateRange: { date_from: "-7d", date_to: null },
  properties: [],
  filterTestAccounts: false,
  personId: null,
  sentiment: null,
  search: "",
}) as TraceFilterState;

const LABELS: readonly SentimentLabel[] = ["negative", "neutral", "positive"];

function readSentimentFilter(value: unknown): SentimentFilter | null {
  if (!isPropertyBag(value) || !Array.isArray(value.labels)) return null;
  const labels = LABELS.filter((label) => (value.labels as unknown[]).includes(label));
  if (labels.length === 0) return null;
  const minScore = readNumber(value.minScore);
  return { labels, ...(minScore !== null && minScore > 0 ? { minScore: Math.min(1, minScore) } : {}) };
}

/**
 * A complete, clean state from anything (URL, storage, host props): unknown fields dropped, missing
 * ones from `base` (the default state unless given). Never throws.
 */
export function readTraceFilterState(value: unknown, base: TraceFilterState = DEFAULT_TRACE_FILTER_STATE): TraceFilterState {
  const input = isPropertyBag(value) ? value : {};
  const properties = Array.isArray(input.properties) ? input.properties.filter((f): f is QueryPropertyFilter => isPropertyBag(f)) : base.properties;
  return {
    dateRange: "dateRange" in input ? readDateRange(input.dateRange) ?? {} : base.dateRange,
    properties,
    filterTestAccounts: typeof input.filterTestAccounts === "boolean" ? input.filterTestAccounts : base.filterTestAccounts,
    personId: typeof input.personId === "string" && input.personId !== "" ? input.personId : "personId" in input ? null : base.personId,
    sentiment: "sentiment" in input ? readSentimentFilter(input.sentiment) : base.sentiment,
    search: typeof input.search === "string" ? input.search : base.search,
  };
}

/**
 * The TracesQuery fields a state asks for. Sentiment turns on `includeSentiment` (its filter is applied to
 * the rows that come back, see `matchesLoadedRowFilters`); an empty search sends nothing.
 */
export function traceFilterStateToParams(state: TraceFilterState): TracesQueryParams {
  const params: TracesQueryParams = {};
  if (state.dateRange && (state.dateRange.date_from || state.dateRange.date_to)) params.dateRange = { ...state.dateRange };
  if (state.properties.length > 0) params.properties = state.properties.map((filter) => ({ ...filter }));
  if (state.filterTestAccounts) params.filterTestAccounts = true;
  if (state.personId) params.personId = state.personId;
  if (state.sentiment) params.includeSentiment = true;
  if (state.search.trim() !== "") params.searchTerm = state.search.trim();
  return params;
}

/** The state a set of TracesQuery fields describes (the reverse of `traceFilterStateToParams`). */
export function traceFilterStateFromParams(params: TracesQueryParams, base: TraceFilterState = DEFAULT_TRACE_FILTER_STATE): TraceFilterState {
  return {
    ...base,
    dateRange: params.dateRange ? { ...params.dateRange } : {},
    properties: params.properties ? [...params.properties] : [],
    filterTestAccounts: params.filterTestAccounts === true,
    personId: params.personId ?? null,
    search: params.searchTerm ?? "",
  };
}

/** The winning label and its score for a trace's sentiment, or null when it has none. */
export function traceSentimentLabel(trace: LLMTrace): { label: SentimentLabel; score: number } | null {
  const sentiment = trace?.sentiment;
  if (!isPropertyBag(sentiment) || !LABELS.includes(sentiment.label as SentimentLabel)) return null;
  const score = readNumber(sentiment.score);
  return { label: sentiment.label as SentimentLabel, score: score ?? 0 };
}

/** Whether a trace passes the sentiment filter; a trace without sentiment never does. */
export function matchesSentimentFilter(trace: LLMTrace, filter: SentimentFilter | null | undefined): boolean {
  if (!filter || filter.labels.length === 0) return true;
  const found = traceSentimentLabel(trace);
  return found !== null && filter.labels.includes(found.label) && found.score >= (filter.minScore ?? 0);
}

/** The checks only loaded rows can answer, applied to a page of traces. */
export function matchesLoadedRowFilters(trace: LLMTrace, state: Pick<TraceFilterState, "sentiment">): boolean {
  return matchesSentimentFilter(trace, state.sentiment);
}

/** How many filters are active (for a "Filters (3)" button); the date range counts only when set. */
export function activeFilterCount(state: TraceFilterState): number {
  return (
    state.properties.length +
    (state.filterTestAccounts ? 1 : 0) +
    (state.personId ? 1 : 0) +
    (state.sentiment ? 1 : 0) +
    (state.search.trim() ? 1 : 0)
  );
}
