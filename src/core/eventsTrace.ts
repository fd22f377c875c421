/**
 * Trace-shaped wire types: PostHog's `LLMTrace` query result, its events, raw captured events,
 * and the `TracesQuery` / `TraceQuery` bodies sent to `/api/environments/{team_id}/query/`.
 */
import type { AiEventName, AiEventProperties, AiEventPropertiesByName } from "./eventsProperties";
import type { TraceSentiment, GenerationSentiment } from "./sentiment/types";

/** One event inside an `LLMTrace` (`createdAt` is the capture timestamp, ISO). */
export interface LLMTraceEvent<P = AiEventProperties> {
  /** The event UUID. */
  id: string;
  /** Event name, usually one of {@link AiEventName}. */
  event: AiEventName | (string & {});
  createdAt: string;
  properties: P;
  /** Inline sentiment, returned by newer PostHog versions when `includeSentiment` is on. */
  sentiment?: GenerationSentiment | null;
  [key: string]: unknown;
}

/** An `LLMTraceEvent` narrowed to one `$ai_*` event name. */
export type LLMTraceEventOf<N extends AiEventName> = LLMTraceEvent<AiEventPropertiesByName[N]> & { event: N };

/** The person of a trace's first event. */
export interface LLMTracePerson {
  uuid: string;
  distinct_id: string;
  created_at: string;
  properties: Record<string, unknown>;
}

/**
 * PostHog's `LLMTrace` result (TracesQuery / TraceQuery). Totals follow PostHog's rules: tokens
 * and costs sum `$ai_generation` + `$ai_embedding` (costs rounded to 4 dp), `totalLatency` is
 * rounded to 2 dp (see `postHogTotalLatency`).
 */
export interface LLMTrace {
  /** `$ai_trace_id`. */
  id: string;
  aiSessionId?: string | null;
  /** Earliest event timestamp (ISO). */
  createdAt: string;
  /** Present in PostHog responses; optional here so hosts can build traces from raw events. */
  person?: LLMTracePerson | null;
  distinctId?: string;
  totalLatency?: number | null;
  inputTokens?: number | null;
  outputTokens?: number | null;
  inputCost?: number | null;
  outputCost?: number | null;
  totalCost?: number | null;
  errorCount?: number | null;
  /** Parsed `$ai_input_state` of the first `$ai_trace` event. */
  inputState?: unknown;
  outputState?: unknown;
  traceName?: string | null;
  /** TraceQuery: every event but `$ai_trace`, by timestamp. TracesQuery: direct children plus metrics and feedback. */
  events: LLMTraceEvent[];
  /**
   * Inline sentiment (`includeSentiment`), newer PostHog versions. Stored results come in the
   * generation-level shape (no `trace_id`, no `generations`; messages keyed "<generation>:<index>").
   */
  sentiment?: TraceSentiment | GenerationSentiment | null;
  /**
   * Set by `summarizeTraceEvents` when the `$ai_trace` event itself reported the cost, tokens or
   * latency (then those are the trace's figures, not sums). Not a PostHog field.
   */
  usageReportedOnTrace?: { cost?: boolean; tokens?: boolean; latency?: boolean };
  [key: string]: unknown;
}

/**
 * A raw captured event, as hosts hold them before PostHog's query layer (capture API,
 * EventsQuery rows turned into objects, exports). `uuid`/`timestamp` play the part of
 * `id`/`createdAt`.
 */
export interface CapturedAiEvent<P = AiEventProperties> {
  uuid?: string;
  id?: string;
  event: string;
  timestamp?: string;
  createdAt?: string;
  distinct_id?: string;
  properties?: P;
  [key: string]: unknown;
}

/** `{date_from, date_to}`: relative (`-7d`) or absolute dates; `null` means open. */
export interface QueryDateRange {
  date_from?: string | null;
  date_to?: string | null;
  explicitDate?: boolean | null;
}

/** A PostHog property filter; kept open because the filter taxonomy is large. */
export interface QueryPropertyFilter {
  key?: string;
  type?: string;
  value?: unknown;
  operator?: string;
  [key: string]: unknown;
}

/**
 * The fields of a `TracesQuery`, without its `kind`: date range, filters, person, paging, inline sentiment.
 * (A type alias, not an interface, so it stays assignable to index-signature wire types.)
 */
export type TracesQueryParams = {
  /** `{date_from: "-7d"}` and the like; omitted means every trace (local) or the server default (PostHog). */
  dateRange?: QueryDateRange;
  filterTestAccounts?: boolean;
  filterSupportTraces?: boolean;
  properties?: QueryPropertyFilter[];
  personId?: string;
  /** @default 100 */
  limit?: number;
  offset?: number;
  /** Ask for `sentiment` on each trace, where the server supports it. */
  includeSentiment?: boolean;
  /** Only behind PostHog's trace-search flag. */
  searchTerm?: string;
  /** Legacy single-trace filter seen in older frontend callers. */
  traceId?: string;
};

/** `TracesQuery`: lists traces, newest first, `limit` 100 by default. */
export interface TracesQuery extends TracesQueryParams {
  kind: "TracesQuery";
  [key: string]: unknown;
}

/** `TraceQuery`: one trace with all its events except `$ai_trace`. */
export interface TraceQuery {
  kind: "TraceQuery";
  traceId: string;
  dateRange?: QueryDateRange;
  properties?: QueryPropertyFilter[];
  includeSentiment?: boolean;
  [key: string]: unknown;
}

/** Body of `POST /api/environments/{team_id}/query/`. */
export interface QueryRequestBody<Q = TracesQuery | TraceQuery> {
  query: Q;
  refresh?: boolean | string;
  [key: string]: unknown;
}

/** Response of a TracesQuery / TraceQuery (HogQL has-more paginator). */
export interface TracesQueryResponse {
  results: LLMTrace[];
  columns?: string[];
  hasMore?: boolean | null;
  limit?: number;
  offset?: number;
  timings?: unknown;
  hogql?: string;
  modifiers?: unknown;
  [key: string]: unknown;
}

/** TraceQuery answers with the same envelope and at most one trace. */
export type TraceQueryResponse = TracesQueryResponse;
