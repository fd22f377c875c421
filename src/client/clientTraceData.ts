/**
 * text_repr requests for a trace or one of its events. The `data` they carry comes from core's
 * `traceTextReprInput` / `eventTextReprInput`; the older names below stay as aliases (public API).
 */
import type { TextReprRequestBody, TextReprRequestOptions } from "../core/eventsApi";
import type { LLMTrace, LLMTraceEvent } from "../core/eventsTrace";
import { eventTextReprInput, traceTextReprInput, type TraceTextReprInputOptions } from "../core/textRepr/textReprInput";

/** @deprecated Use `TraceTextReprInputOptions` from `tracelens/core`. */
export type TraceToTextReprOptions = TraceTextReprInputOptions;

/** @deprecated Use `eventTextReprInput` from `tracelens/core`. */
export const eventToTextReprData = eventTextReprInput;

/** @deprecated Use `traceTextReprInput` from `tracelens/core`. */
export const traceToTextReprData = traceTextReprInput;

/** A text_repr request for a whole trace. */
export function traceTextReprRequest(trace: LLMTrace, options?: TextReprRequestOptions, nest?: TraceTextReprInputOptions): TextReprRequestBody {
  return { event_type: "$ai_trace", data: traceTextReprInput(trace, nest), ...(options ? { options } : {}) };
}

/** A text_repr request for one event of a trace. */
export function eventTextReprRequest(event: LLMTraceEvent, options?: TextReprRequestOptions): TextReprRequestBody {
  const type: string = event.event;
  // PostHog renders by `data.event`; event_type only has to be one it accepts, and "$ai_evaluation"
  // is not (posthog-contract.md F-T1), so evaluations go as "$ai_generation".
  const eventType: TextReprRequestBody["event_type"] = type === "$ai_span" || type === "$ai_embedding" ? type : "$ai_generation";
  return { event_type: eventType, data: eventTextReprInput(event), ...(options ? { options } : {}) };
}
