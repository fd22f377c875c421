/**
 * Request and response bodies of PostHog's LLM-analytics endpoints
 * (`/api/environments/{team_id}/llm_analytics/...`). All are JSON `POST`s.
 */
import type { AiEventName } from "./eventsProperties";
import type { SentimentError, SentimentResult } from "./sentiment/types";

/** `POST .../llm_analytics/sentiment/`: 1–5 ids per call (chunk by 5). */
export interface SentimentRequestBody {
  ids: string[];
  analysis_level?: "trace" | "generation";
  force_refresh?: boolean;
  /** Relative (`-7d`) or absolute; the worker falls back to 7 days before now. */
  date_from?: string | null;
  date_to?: string | null;
}

/** Older sentiment bodies: `{trace_ids}` (batch, up to 25) or `{generation_ids}` (up to 20). */
export interface LegacySentimentRequestBody {
  trace_ids?: string[];
  generation_ids?: string[];
  date_from?: string | null;
  date_to?: string | null;
}

/** Every requested id is a key; failures carry `{error}`. */
export interface SentimentResponseBody {
  results: Record<string, SentimentResult | SentimentError>;
}

/** `POST .../llm_analytics/sentiment/generations/` (Sentiment tab list). */
export interface SentimentGenerationsRequestBody {
  filters?: {
    dateRange?: { date_from?: string | null; date_to?: string | null };
    filterTestAccounts?: boolean;
    properties?: unknown[];
  } | null;
}

/** Positional rows: `[uuid, trace_id, ai_input (raw JSON or null), model, distinct_id, ts_max, ts_min]`. */
export type SentimentGenerationRow = [
  uuid: string,
  traceId: string,
  aiInput: string | null,
  model: string | null,
  distinctId: string | null,
  timestampMax: string | null,
  timestampMin: string | null,
];

export interface SentimentGenerationsResponseBody {
  results: SentimentGenerationRow[];
}

/** Formatter options accepted by text_repr (some are accepted but ignored by PostHog). */
export interface TextReprRequestOptions {
  max_length?: number;
  truncated?: boolean;
  truncate_buffer?: number;
  include_markers?: boolean;
  collapsed?: boolean;
  include_metadata?: boolean;
  include_hierarchy?: boolean;
  max_depth?: number;
  tools_collapse_threshold?: number;
  include_line_numbers?: boolean;
}

/** A single event sent to text_repr; PostHog renders by `event`, so always set it. */
export interface TextReprEventData {
  id: string;
  event?: AiEventName | (string & {});
  properties: Record<string, unknown>;
  timestamp?: string;
  trace_id?: string;
  [key: string]: unknown;
}

/** A hierarchy node: `{event, children}`; a node without `event` is the event itself. */
export interface TextReprHierarchyNode {
  event?: { id?: string; event?: string; properties?: Record<string, unknown>; timestamp?: string };
  children?: TextReprHierarchyNode[];
  [key: string]: unknown;
}

/** Trace payload for text_repr and summarization: `{trace, hierarchy}`. */
export interface TextReprTraceData {
  trace: {
    id?: string;
    properties?: Record<string, unknown>;
    traceName?: string;
    inputState?: unknown;
    outputState?: unknown;
    [key: string]: unknown;
  };
  hierarchy: TextReprHierarchyNode[];
}

/**
 * `POST .../llm_analytics/text_repr/`. `event_type` is one of four choices: an `$ai_evaluation` event
 * goes as `$ai_generation` with its own `data.event`, which is what the rendering follows.
 */
export interface TextReprRequestBody {
  event_type: "$ai_generation" | "$ai_span" | "$ai_embedding" | "$ai_trace";
  data: TextReprEventData | TextReprTraceData;
  options?: TextReprRequestOptions;
}

export interface TextReprResponseBody {
  text: string;
  metadata: {
    event_type: string;
    event_id: string | null;
    trace_id: string | null;
    rendering: "detailed" | (string & {});
    char_count: number;
    /** True only when uniform sampling was applied for `max_length`. */
    truncated: boolean;
  };
}

export type SummarizationMode = "minimal" | "detailed";

/** `POST .../llm_analytics/summarization/`: exactly one of `data`, `trace_id`, `generation_id`. */
export interface SummarizationRequestBody {
  summarize_type?: "trace" | "event";
  mode?: SummarizationMode;
  data?: TextReprTraceData | { event: TextReprEventData };
  force_refresh?: boolean;
  /** `""` counts as null; the server default is `gpt-4.1-mini`. */
  model?: string | null;
  trace_id?: string;
  generation_id?: string;
  date_from?: string | null;
  date_to?: string | null;
}

/** A bullet with a line reference such as `"L45"` (older prompts used ranges like `[L45-52]`). */
export interface SummaryLineItem {
  text: string;
  line_refs: string;
}

export interface SummarizationSummary {
  /** At most ten words. */
  title: string;
  /** Plain-text ASCII flow (↓, ├─→, ✓, ✗); not Mermaid. */
  flow_diagram: string;
  summary_bullets: SummaryLineItem[];
  interesting_notes: SummaryLineItem[];
}

export interface SummarizationResponseBody {
  summary: SummarizationSummary;
  /** The line-numbered text the line refs point into. */
  text_repr: string;
  metadata: { text_repr_length: number; summarize_type: "trace" | "event" };
}

/** `POST .../summarization/batch_check/`: at most 100 trace ids. */
export interface SummarizationBatchCheckRequestBody {
  trace_ids: string[];
  mode?: SummarizationMode;
  model?: string | null;
}

/** Lists only traces whose summary is cached right now. */
export interface SummarizationBatchCheckResponseBody {
  summaries: Array<{ trace_id: string; title: string; cached: true }>;
}

export type EvaluationSummaryFilter = "all" | "pass" | "fail" | "na";

/** `POST .../llm_analytics/evaluation_summary/`. */
export interface EvaluationSummaryRequestBody {
  evaluation_id: string;
  filter?: EvaluationSummaryFilter;
  /** At most 250 UUIDs, matched against `$ai_target_event_id`. */
  generation_ids?: string[];
  force_refresh?: boolean;
}

export interface EvaluationSummaryPattern {
  /** Three to five words. */
  title: string;
  description: string;
  /** Free string; the prompt asks for common / occasional / rare. */
  frequency: "common" | "occasional" | "rare" | (string & {});
  example_reasoning?: string;
  example_generation_ids: string[];
}

export interface EvaluationSummaryResponseBody {
  overall_assessment: string;
  pass_patterns: EvaluationSummaryPattern[];
  fail_patterns: EvaluationSummaryPattern[];
  na_patterns: EvaluationSummaryPattern[];
  recommendations: string[];
  /** Counted from the fetched runs by the server, not by the model. */
  statistics: { total_analyzed: number; pass_count: number; fail_count: number; na_count: number };
}

/**
 * Error bodies these endpoints return: `{error}` / `{error, detail}` from the views, a DRF
 * field-error dict (`{"ids": ["..."]}`), or a DRF list for hand-raised validation errors.
 */
export type LlmAnalyticsErrorBody =
  | { error: string; detail?: string }
  | { detail: string }
  | Record<string, string[]>
  | string[];
