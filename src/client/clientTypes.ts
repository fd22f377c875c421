/**
 * The seam between data and UI: every data need of tracelens' components, as one interface with
 * two implementations (PostHog over HTTP, and local data with no backend). Requests and
 * responses use PostHog's own wire shapes, so either side can stand in for the other.
 */
import type { LabelsError, LabelsResult } from "../core/messageLabels";
import type {
  EvaluationSummaryRequestBody,
  EvaluationSummaryResponseBody,
  SentimentRequestBody,
  SummarizationBatchCheckRequestBody,
  SummarizationBatchCheckResponseBody,
  SummarizationRequestBody,
  SummarizationResponseBody,
  TextReprRequestBody,
  TextReprResponseBody,
} from "../core/eventsApi";
import type { LLMTrace, LLMTraceEvent, QueryDateRange, QueryPropertyFilter, TraceQuery, TracesQuery, TracesQueryParams } from "../core/eventsTrace";
import type { SentimentError, SentimentResult } from "../core/sentiment/types";
import type { ApiError } from "./clientErrors";
import type { ErrorsPage, ErrorsParams, ErrorTrends, ErrorTrendsParams, SessionsPage, SessionsParams, TraceNeighboursParams, TraceNeighboursResult } from "./clientExploreTypes";
import type { RequestOptions } from "./clientHttp";
// Re-exported so components take every client type from this one module (the layer rule).
export type { ErrorsPage, ErrorsParams, ErrorTrends, ErrorTrendsParams, ExploreFilters, SessionsPage, SessionsParams, TraceNeighboursParams, TraceNeighboursResult } from "./clientExploreTypes";

/** A TracesQuery without its `kind` (the same fields; see `TracesQueryParams`). */
export type TracesParams = TracesQueryParams;

/** A TraceQuery without its `kind`. */
export type TraceParams = {
  traceId: string;
  dateRange?: QueryDateRange;
  properties?: QueryPropertyFilter[];
  includeSentiment?: boolean;
};

// Checked, not just declared: the params must stay assignable to the wire queries they become.
type Assert<T extends true> = T;
export type TracesParamsFitQuery = Assert<TracesParams & { kind: "TracesQuery" } extends TracesQuery ? true : false>;
export type TraceParamsFitQuery = Assert<TraceParams & { kind: "TraceQuery" } extends TraceQuery ? true : false>;

/** One page of traces, newest first. */
export interface TracesPage {
  results: LLMTrace[];
  /** Whether more traces exist after this page. */
  hasMore: boolean;
  limit: number;
  offset: number;
  /**
   * How a `searchTerm` was applied: by the server, as an exact trace-id filter, or (a server without
   * trace search) only on this page's rows, so a page may hold fewer rows than `limit`.
   */
  searchedBy?: "server" | "trace-id" | "loaded-rows";
}

/** Events of some kinds (PostHog's EventsQuery), for generations at every depth and evaluation runs. */
export interface EventsParams {
  /** One event name, e.g. `"$ai_generation"`. */
  event?: string;
  /** Several event names. */
  events?: string[];
  /** `date_from` becomes EventsQuery's `after` (default `"-7d"`; `"all"` for no bound), `date_to` its `before`. */
  dateRange?: QueryDateRange;
  properties?: QueryPropertyFilter[];
  personId?: string;
  filterTestAccounts?: boolean;
  /** HogQL order expressions, e.g. `["timestamp DESC"]` (the default) or `["toFloat(properties.$ai_latency) DESC"]`. */
  orderBy?: string[];
  /** @default 100 */
  limit?: number;
  offset?: number;
}

/** One page of events; each carries `distinctId` (and `person` when the server resolves it). */
export interface EventsPage {
  results: LLMTraceEvent[];
  hasMore: boolean;
  limit: number;
  offset: number;
}

/**
 * A per-id failure: `{error}` as PostHog reports it for an id it could not compute, or, with
 * `cause`, the error of the request that carried this id. Never confused with the neutral,
 * all-zero result PostHog returns for an id that has no user messages.
 */
export interface SentimentFailure extends SentimentError {
  /** Set when the whole request for this id's chunk failed (after retries). */
  cause?: ApiError;
}

/** Every requested id, each with its own result or failure. */
export type SentimentResults = Record<string, SentimentResult | SentimentFailure>;

/** How a sentiment call is made: the usual options, plus a way to hear each part of the answer early. */
export interface SentimentRequestOptions extends RequestOptions {
  /**
   * Called with each final part of the answer (a request's ids) as it arrives, before the call
   * resolves with all of them, so rows can show their sentiment as soon as their own request answers.
   * Implementations that answer all at once may never call it.
   */
  onResults?: (results: SentimentResults) => void;
}

/**
 * Everything tracelens asks of a data source. Methods reject with `ApiError` (or the abort
 * reason when `options.signal` aborts); `sentiment` reports per-id failures in its result instead.
 */
export interface TraceLensClient {
  /**
   * Names this data source in query keys, so two clients sharing one QueryClient never read each
   * other's cache (e.g. `posthog:https://us.posthog.com:123`).
   */
  readonly scope: string;
  /** A page of traces (TracesQuery), newest first. */
  listTraces(params?: TracesParams, options?: RequestOptions): Promise<TracesPage>;
  /**
   * One trace with all its events (TraceQuery), or `null` when there is none. Without `dateRange` the
   * PostHog client searches around `options.timestamp` (or a time it has seen for the id), then ever
   * wider windows, so old traces are found.
   */
  getTrace(params: TraceParams, options?: RequestOptions): Promise<LLMTrace | null>;
  /** Events (EventsQuery): generations at every depth, evaluation runs; ordered and paged by the server. */
  listEvents(params: EventsParams, options?: RequestOptions): Promise<EventsPage>;
  /**
   * Sentiment for any number of trace ids or generation ids (`analysis_level`). Every requested
   * id is a key of the result, with its result or a `SentimentFailure`. Implementations talking to a
   * server keep to its rules (PostHog: 5 ids per request, 2 requests in flight).
   */
  sentiment(request: SentimentRequestBody, options?: SentimentRequestOptions): Promise<SentimentResults>;
  /** PostHog's plain-text rendering of one event or a trace. */
  textRepr(request: TextReprRequestBody, options?: RequestOptions): Promise<TextReprResponseBody>;
  /** An AI summary (cached unless `force_refresh`). */
  summarize(request: SummarizationRequestBody, options?: RequestOptions): Promise<SummarizationResponseBody>;
  /** Which of these traces have a cached summary now (any number of ids; chunked by 100). */
  summaryBatchCheck(
    request: SummarizationBatchCheckRequestBody,
    options?: RequestOptions,
  ): Promise<SummarizationBatchCheckResponseBody>;
  /** An AI summary of an evaluation's runs. */
  evaluationSummary(request: EvaluationSummaryRequestBody, options?: RequestOptions): Promise<EvaluationSummaryResponseBody>;
  /**
   * A page of AI sessions (`$ai_session_id`) with PostHog's sessions-tab columns, ordered and paged by the
   * source. Optional: both built-in clients have it; a host's own client may not.
   */
  listSessions?(params?: SessionsParams, options?: RequestOptions): Promise<SessionsPage>;
  /** A page of LLM error groups (normalised messages), as PostHog's errors tab lists them. Optional. */
  listErrors?(params?: ErrorsParams, options?: RequestOptions): Promise<ErrorsPage>;
  /** Per-bucket counts for some error groups (sparklines). Optional. */
  errorTrends?(params: ErrorTrendsParams, options?: RequestOptions): Promise<ErrorTrends>;
  /** A trace's newer and older neighbours under the filters (PostHog's TraceNeighborsQuery). Optional. */
  traceNeighbours?(params: TraceNeighboursParams, options?: RequestOptions): Promise<TraceNeighboursResult>;
  /**
   * Emotion and toxicity labels for trace or generation ids, from classifiers the host opted into
   * (the local client's `labelClassifiers`). Absent when there are none: labels stored on events are
   * read from the events themselves, with no call.
   */
  labels?(request: LabelsRequestBody, options?: RequestOptions): Promise<LabelsResults>;
}

/** A labels lookup: ids of one level, as sentiment's request. */
export interface LabelsRequestBody {
  ids: string[];
  analysis_level?: "trace" | "generation";
  /** Ignore cached results. */
  force_refresh?: boolean;
}

/** Per requested id: its labels, or `{error}`. */
export type LabelsResults = Record<string, LabelsResult | LabelsError>;

/** PostHog's server-side limits, which the PostHog client chunks to. */
export const SENTIMENT_MAX_IDS_PER_REQUEST = 5;
/** Sentiment requests one PostHog client keeps in flight, as PostHog's UI does (the rest of the page keeps its connections). */
export const SENTIMENT_MAX_IN_FLIGHT = 2;
export const SUMMARY_BATCH_CHECK_MAX_IDS = 100;
export const EVALUATION_SUMMARY_MAX_RUNS = 250;
