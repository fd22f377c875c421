/** `formatTextRepr`: the local equivalent of `POST /llm_analytics/text_repr/`. */
import { pyLen } from "../python/pyText";
import { isPyDict, pyGet, pyHas, pyOr, pyTruthy, pyTypeName } from "../python/pyValue";
import { eventLines } from "./textReprEvents";
import { finishOutput } from "./textReprLines";
import { withRenderMemo } from "./textReprMemo";
import { PyError } from "../python/pyValue";
import { checkTextReprOptions } from "./textReprOptions";
import type { SampledText } from "./textReprSampling";
import { formatTraceText } from "./textReprTrace";
import type {
  TextReprEventType,
  TextReprJson,
  TextReprMetadata,
  TextReprOptions,
  TextReprResult,
} from "./textReprTypes";

// `$ai_evaluation` is accepted too: it renders like any event, by `data.event`.
const EVENT_TYPES: ReadonlySet<string> = new Set([
  "$ai_generation",
  "$ai_span",
  "$ai_embedding",
  "$ai_evaluation",
  "$ai_trace",
]);

function json(value: unknown): TextReprJson {
  return value === undefined ? null : (value as TextReprJson);
}

/**
 * The 400 message PostHog's view would answer for this request, or null when it is valid.
 * (`formatTextRepr` runs this first; it is exported for callers that only need the check.)
 */
export function validateTextReprRequest(eventType: string, data: unknown): string | null {
  if (!EVENT_TYPES.has(eventType)) return `"${eventType}" is not a valid choice.`;
  if (!isPyDict(data)) return `Expected a dictionary of items but got type "${pyTypeName(data)}".`;
  if (eventType === "$ai_trace") {
    const trace = pyGet(data, "trace");
    if (!pyTruthy(trace) || !Array.isArray(pyGet(data, "hierarchy"))) {
      return "Trace events require 'trace' object and 'hierarchy' array in data field";
    }
    if (!isPyDict(trace)) return "Trace events require 'trace' object and 'hierarchy' array in data field";
    const traceId = pyOr(pyGet(pyGet(trace, "properties"), "$ai_trace_id"), pyGet(trace, "id"));
    if (!pyTruthy(traceId)) return "Trace events require a trace ID in 'trace.properties.$ai_trace_id' or 'trace.id'";
    return null;
  }
  if (!pyHas(data, "properties")) {
    return `${eventType} events require 'properties' object in data field`;
  }
  if (!pyTruthy(pyGet(data, "id"))) return `${eventType} events require an 'id' field`;
  return null;
}

function baseMetadata(eventType: string, data: unknown): TextReprMetadata {
  const traceId =
    eventType === "$ai_trace"
      ? pyGet(pyGet(pyGet(data, "trace"), "properties"), "$ai_trace_id")
      : pyOr(pyGet(pyGet(data, "properties"), "$ai_trace_id"), pyGet(data, "trace_id"));
  return {
    event_type: eventType,
    event_id: json(pyGet(data, "id")),
    trace_id: json(traceId),
    rendering: "detailed",
    char_count: 0,
    truncated: false,
  };
}

/**
 * Render an `$ai_*` event or a trace exactly as PostHog's text_repr endpoint does, returning the
 * same `{ text, metadata }`. Never throws: where PostHog answers 400 (malformed request) or 500
 * (its formatter crashes on the data), `text` is "" and `error` says which.
 *
 * - Events: `data` is `{ id, event, properties, … }`; the rendering follows `data.event`
 *   (a missing `event` renders as a generation), not `eventType`.
 * - Traces: `data` is `{ trace: { id?, properties? }, hierarchy: [{ event, children? }] }`.
 *
 * Lengths, cuts and `char_count` count code points, like Python.
 */
export function formatTextRepr(
  eventType: TextReprEventType,
  data: unknown,
  options?: TextReprOptions,
): TextReprResult {
  const metadata = baseMetadata(eventType, data);
  const checked = checkTextReprOptions(options);
  if (!checked.ok) {
    // DRF reports every field at once, so an unknown event_type is listed beside the options.
    const body: Record<string, TextReprJson> = {};
    if (!EVENT_TYPES.has(eventType)) body.event_type = [`"${eventType}" is not a valid choice.`];
    Object.assign(body, checked.errors);
    const message = `Invalid options: ${JSON.stringify(checked.errors.options)}`;
    return { text: "", metadata, error: { status: 400, message, body } };
  }
  const invalid = validateTextReprRequest(eventType, data);
  if (invalid !== null) {
    const body = EVENT_TYPES.has(eventType) ? [invalid] : { event_type: [invalid] };
    return { text: "", metadata, error: { status: 400, message: invalid, body } };
  }
  const o = checked.resolved;
  let result: SampledText;
  try {
    result = withRenderMemo(() =>
      eventType === "$ai_trace"
        ? formatTraceText(pyGet(data, "trace"), pyGet(data, "hierarchy") as unknown[], o)
        : finishOutput(eventLines(data, o), o.includeLineNumbers, o.maxLength),
    );
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    // The view answers a ValueError (bad JSON number, unencodable text) with 400, anything else with 500.
    if (e instanceof PyError && e.kind === "ValueError") {
      return { text: "", metadata, error: { status: 400, message: detail, body: { error: "Invalid data format" } } };
    }
    const body = { error: "Internal server error", detail: "Failed to generate text representation" };
    return { text: "", metadata, error: { status: 500, message: `Failed to generate text representation (${detail})`, body } };
  }
  return {
    text: result.text,
    metadata: { ...metadata, char_count: result.length ?? pyLen(result.text), truncated: result.sampled },
  };
}
