/**
 * Wire types for the properties of PostHog's `$ai_*` events (taxonomy of the LLM-analytics
 * product). Every bag stays open: hosts and SDKs add their own keys, and PostHog itself adds
 * `$lib`, `$ip`, person properties and so on.
 */

/** Properties shared by the events that take part in a trace tree. */
export interface AiTraceLinkProperties {
  /** Groups events into one trace. */
  $ai_trace_id?: string;
  /** Groups traces into a session (conversation). */
  $ai_session_id?: string;
  /** Enclosing span or generation id, or the trace id for top-level events. */
  $ai_parent_id?: string | null;
  /** Display name. */
  $ai_span_name?: string;
  /** `"otel"` when ingested through OpenTelemetry: the timestamp is then the operation start. */
  $ai_ingestion_source?: string;
  /** SDK that captured the event, e.g. `posthog-python`. */
  $ai_lib?: string;
  $ai_lib_version?: string;
  [key: string]: unknown;
}

/** Timing and error properties of operations (generation, span, embedding, trace). */
export interface AiOperationProperties extends AiTraceLinkProperties {
  /** Duration in seconds. PostHog SDKs capture the event when the operation ends. */
  $ai_latency?: number;
  $ai_is_error?: boolean;
  /** An error message, or a JSON object (sometimes as a JSON string). */
  $ai_error?: unknown;
}

/** Token and cost counters, summed into trace totals for generations and embeddings. */
export interface AiUsageProperties {
  $ai_input_tokens?: number;
  $ai_output_tokens?: number;
  $ai_cache_read_input_tokens?: number;
  $ai_cache_creation_input_tokens?: number;
  $ai_reasoning_tokens?: number;
  $ai_input_cost_usd?: number;
  $ai_output_cost_usd?: number;
  $ai_total_cost_usd?: number;
}

/** `$ai_generation`: one LLM call. */
export interface AiGenerationProperties extends AiOperationProperties, AiUsageProperties {
  /** This node's id (some SDKs send `$ai_span_id` instead). */
  $ai_generation_id?: string;
  $ai_span_id?: string;
  $ai_model?: string;
  $ai_provider?: string;
  /** Messages array, a string, or a provider-specific object. */
  $ai_input?: unknown;
  /** Choices (`[{message}]` or bare messages), `{choices: [...]}`, or a Responses object. */
  $ai_output_choices?: unknown;
  /** A string, or older output JSON. */
  $ai_output?: unknown;
  /** Tool catalogue: OpenAI, Anthropic or Google shapes, or a dict keyed by name. */
  $ai_tools?: unknown;
  $ai_time_to_first_token?: number;
  $ai_http_status?: number;
  $ai_base_url?: string;
  $ai_request_url?: string;
  $ai_stream?: boolean;
  $ai_temperature?: number;
  $ai_model_parameters?: Record<string, unknown>;
}

/** `$ai_span`: a unit of work (tool call, retrieval, agent step). */
export interface AiSpanProperties extends AiOperationProperties {
  $ai_span_id?: string;
  $ai_input_state?: unknown;
  $ai_output_state?: unknown;
}

/** `$ai_trace`: the optional top-level event that names and describes a trace. */
export interface AiTraceProperties extends AiOperationProperties {
  $ai_trace_name?: string;
  $ai_input_state?: unknown;
  $ai_output_state?: unknown;
}

/** `$ai_embedding`: an embedding call (there is no output vector). */
export interface AiEmbeddingProperties extends AiOperationProperties, AiUsageProperties {
  $ai_span_id?: string;
  $ai_input?: unknown;
  $ai_model?: string;
  $ai_provider?: string;
}

/** `$ai_metric`: a named value attached to the trace or to a generation/span via `$ai_parent_id`. */
export interface AiMetricProperties extends AiTraceLinkProperties {
  $ai_metric_name?: string;
  $ai_metric_value?: unknown;
}

/** `$ai_feedback`: end-user feedback on a trace. */
export interface AiFeedbackProperties extends AiTraceLinkProperties {
  $ai_feedback_text?: string;
}

/** `$ai_evaluation`: one evaluator run against a target event. */
export interface AiEvaluationProperties extends AiTraceLinkProperties {
  $ai_evaluation_id?: string;
  $ai_evaluation_name?: string;
  $ai_evaluation_model?: string;
  $ai_evaluation_start_time?: string;
  /** Pass (`true`) or fail (`false`); ignored when not applicable. */
  $ai_evaluation_result?: boolean | "true" | "false" | null;
  $ai_evaluation_reasoning?: string;
  /** `false` (or `"false"`) means N/A. */
  $ai_evaluation_applicable?: boolean | "true" | "false" | null;
  /** e.g. `llm_judge`, `hog`, `sentiment`. */
  $ai_evaluation_runtime?: string;
  /** The evaluated event's UUID (the event `id`, not `$ai_generation_id`). */
  $ai_target_event_id?: string;
  $ai_target_event_type?: string;
}

/** The event names of PostHog's LLM-analytics schema. */
export type AiEventName =
  | "$ai_generation"
  | "$ai_span"
  | "$ai_trace"
  | "$ai_embedding"
  | "$ai_metric"
  | "$ai_feedback"
  | "$ai_evaluation";

/** Maps each `$ai_*` event name to its property bag type. */
export interface AiEventPropertiesByName {
  $ai_generation: AiGenerationProperties;
  $ai_span: AiSpanProperties;
  $ai_trace: AiTraceProperties;
  $ai_embedding: AiEmbeddingProperties;
  $ai_metric: AiMetricProperties;
  $ai_feedback: AiFeedbackProperties;
  $ai_evaluation: AiEvaluationProperties;
}

/** Any `$ai_*` property bag; open for host keys. */
export type AiEventProperties = AiEventPropertiesByName[AiEventName] | Record<string, unknown>;

/** Every `$ai_*` event name, in documentation order. */
export const AI_EVENT_NAMES: readonly AiEventName[] = [
  "$ai_generation",
  "$ai_span",
  "$ai_trace",
  "$ai_embedding",
  "$ai_metric",
  "$ai_feedback",
  "$ai_evaluation",
];

/** True when `name` is one of PostHog's `$ai_*` event names. */
export function isAiEventName(name: unknown): name is AiEventName {
  return typeof name === "string" && (AI_EVENT_NAMES as readonly string[]).includes(name);
}
