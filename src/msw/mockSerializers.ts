/**
 * PostHog's llm_analytics request serializers and their view-level checks, field by field, as
 * posthog-contract.md records them. Each spec names its fact; the mock runs these before anything
 * reaches the local client, so a request PostHog refuses is refused here with PostHog's body.
 */
import { isDict, pyTruthy, runSerializer, type DrfErrors, type SerializerSpec } from "./mockDrf";

/** F-S2 (posthog/temporal/ai_observability/sentiment/constants.py): BATCH_MAX_TRACE_IDS, BATCH_MAX_GENERATION_IDS. */
export const BATCH_MAX_BY_LEVEL = { trace: 5, generation: 5 } as const;
/** F-M3: batch_check's trace_ids ListField(max_length=100). */
export const BATCH_CHECK_MAX_IDS = 100;
/** F-E1 (products/ai_observability/backend/summarization/constants.py): EVALUATION_SUMMARY_MAX_RUNS. */
export const EVALUATION_SUMMARY_MAX_RUNS = 250;

const MODES = ["minimal", "detailed"] as const;

/** F-S1: products/ai_observability/backend/api/sentiment.py SentimentRequestSerializer. */
export const SENTIMENT_SERIALIZER: SerializerSpec = {
  ids: { kind: "list", child: { kind: "char" }, minLength: 1, maxLength: BATCH_MAX_BY_LEVEL.generation, required: true },
  analysis_level: { kind: "choice", choices: ["trace", "generation"], default: "trace" },
  force_refresh: { kind: "boolean", default: false },
  date_from: { kind: "char", allowNull: true, default: null },
  date_to: { kind: "char", allowNull: true, default: null },
};

/** F-T1: products/ai_observability/backend/api/text_repr.py TextReprRequestSerializer ("$ai_evaluation" is not a choice). */
export const TEXT_REPR_SERIALIZER: SerializerSpec = {
  event_type: { kind: "choice", choices: ["$ai_generation", "$ai_span", "$ai_embedding", "$ai_trace"], required: true },
  data: { kind: "json", required: true },
  options: {
    kind: "nested",
    fields: {
      max_length: { kind: "integer" },
      truncate_buffer: { kind: "integer" },
      max_depth: { kind: "integer" },
      tools_collapse_threshold: { kind: "integer" },
      truncated: { kind: "boolean" },
      include_markers: { kind: "boolean" },
      collapsed: { kind: "boolean" },
      include_metadata: { kind: "boolean" },
      include_hierarchy: { kind: "boolean" },
      include_line_numbers: { kind: "boolean" },
    },
  },
};

/** F-M1: products/ai_observability/backend/api/summarization.py SummarizeRequestSerializer. */
export const SUMMARIZE_SERIALIZER: SerializerSpec = {
  summarize_type: { kind: "choice", choices: ["trace", "event"] },
  mode: { kind: "choice", choices: MODES, default: "minimal" },
  data: { kind: "json" },
  force_refresh: { kind: "boolean", default: false },
  model: { kind: "char", allowNull: true, allowBlank: true, default: null },
  trace_id: { kind: "char" },
  generation_id: { kind: "char" },
  date_from: { kind: "char", allowNull: true, default: null },
  date_to: { kind: "char", allowNull: true, default: null },
};

/** F-M3: summarization.py BatchCheckRequestSerializer (trace_ids required, may be empty). */
export const BATCH_CHECK_SERIALIZER: SerializerSpec = {
  trace_ids: { kind: "list", child: { kind: "char" }, maxLength: BATCH_CHECK_MAX_IDS, required: true },
  mode: { kind: "choice", choices: MODES, default: "minimal" },
  model: { kind: "char", allowNull: true, allowBlank: true, default: null },
};

/** F-E1: products/ai_observability/backend/api/evaluation_summary.py EvaluationSummaryRequestSerializer. */
export const EVALUATION_SUMMARY_SERIALIZER: SerializerSpec = {
  evaluation_id: { kind: "uuid", required: true },
  filter: { kind: "choice", choices: ["all", "pass", "fail", "na"], default: "all" },
  generation_ids: { kind: "list", child: { kind: "uuid" }, maxLength: EVALUATION_SUMMARY_MAX_RUNS },
  force_refresh: { kind: "boolean", default: false },
};

/** A refusal as the view sends it: status and body. */
export interface ViewRefusal {
  status: number;
  body: unknown;
}

export type Checked = { ok: true; data: Record<string, unknown> } | { ok: false; refusal: ViewRefusal };

function refuse(status: number, body: unknown): Checked {
  return { ok: false, refusal: { status, body } };
}

function serialize(spec: SerializerSpec, body: unknown): Checked {
  const result = runSerializer(spec, body);
  return result.ok ? { ok: true, data: result.data } : refuse(400, result.errors as DrfErrors);
}

/** F-S1: the serializer, then create()'s per-level limit. */
export function checkSentiment(body: unknown): Checked {
  const checked = serialize(SENTIMENT_SERIALIZER, body);
  if (!checked.ok) return checked;
  const level = checked.data.analysis_level as keyof typeof BATCH_MAX_BY_LEVEL;
  const limit = BATCH_MAX_BY_LEVEL[level];
  if ((checked.data.ids as unknown[]).length > limit) return refuse(400, { ids: [`Ensure this field has no more than ${limit} elements.`] });
  return checked;
}

/**
 * F-T1: the serializer, then create()'s structure checks (raised ValidationErrors: DRF list bodies).
 * A `data` that is not a dict fails inside the view with an AttributeError, caught as a 500.
 */
export function checkTextRepr(body: unknown): Checked {
  const checked = serialize(TEXT_REPR_SERIALIZER, body);
  if (!checked.ok) return checked;
  const { event_type: eventType, data } = checked.data;
  if (!isDict(data)) return refuse(500, { error: "Internal server error", detail: "Failed to generate text representation" });
  if (eventType === "$ai_trace") {
    if (!pyTruthy(data.trace) || !Array.isArray(data.hierarchy)) return refuse(400, ["Trace events require 'trace' object and 'hierarchy' array in data field"]);
    const trace = data.trace;
    const id = isDict(trace) ? (isDict(trace.properties) && pyTruthy(trace.properties.$ai_trace_id) ? trace.properties.$ai_trace_id : trace.id) : undefined;
    if (!pyTruthy(id)) return refuse(400, ["Trace events require a trace ID in 'trace.properties.$ai_trace_id' or 'trace.id'"]);
    return checked;
  }
  if (!("properties" in data)) return refuse(400, [`${String(eventType)} events require 'properties' object in data field`]);
  if (!pyTruthy(data.id)) return refuse(400, [`${String(eventType)} events require an 'id' field`]);
  return checked;
}

/** F-M1: the serializer, validate()'s either/or rules, then _extract_entity_id for the data path. */
export function checkSummarize(body: unknown): Checked {
  const checked = serialize(SUMMARIZE_SERIALIZER, body);
  if (!checked.ok) return checked;
  const { data, trace_id: traceId, generation_id: generationId, summarize_type: summarizeType } = checked.data;
  const hasData = pyTruthy(data);
  const hasId = pyTruthy(traceId) || pyTruthy(generationId);
  const problem =
    hasData && hasId ? "Provide either 'data' or a trace_id/generation_id, not both." :
    !hasData && !hasId ? "Provide either 'data' or a trace_id/generation_id." :
    pyTruthy(traceId) && pyTruthy(generationId) ? "Provide either trace_id or generation_id, not both." :
    hasData && !summarizeType ? "summarize_type is required when using 'data'." : null;
  if (problem) return refuse(400, { non_field_errors: [problem] });
  if (!hasData) return checked;
  if (!isDict(data)) return refuse(400, ["Data must be an object"]);
  if (summarizeType === "trace") {
    const trace = data.trace;
    if (!isDict(trace) || !Array.isArray(data.hierarchy)) return refuse(400, ["Trace summarization requires 'trace' object and 'hierarchy' array in data"]);
    const props = isDict(trace.properties) ? trace.properties : {};
    if (!pyTruthy(props.$ai_trace_id) && !pyTruthy(trace.id)) return refuse(400, ["Trace summarization requires a trace ID"]);
    return checked;
  }
  const event = data.event;
  if (!isDict(event) || !pyTruthy(event.id)) return refuse(400, ["Event summarization requires an 'event' object with an 'id'"]);
  return checked;
}

/** F-M3. */
export function checkBatchCheck(body: unknown): Checked {
  return serialize(BATCH_CHECK_SERIALIZER, body);
}

/** F-E1. */
export function checkEvaluationSummary(body: unknown): Checked {
  return serialize(EVALUATION_SUMMARY_SERIALIZER, body);
}
