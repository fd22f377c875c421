/**
 * text_repr requests for a trace or one of its events. The `data` they carry comes from core's
 * `traceTextReprInput` / `eventTextReprInput`; the older names below stay as aliases (public API).
 */
import { eventTextReprInput, traceTextReprInput, type TraceTextReprInputOptions } from "../core/textRepr/textReprInput";

/** @deprecated Use `TraceTextReprInputOptions` from `tracelens/core`. */
export type TraceToTextReprOptions = TraceTextReprInputOptions;

/** @deprecated Use `eventTextReprInput` from `tracelens/core`. */
export const eventToTextReprData = eventTextReprInput;

/** @deprecated Use `traceTextReprInput` from `tracelens/core`. */
export const traceToTextReprData = traceTextReprInput;

// The requests are built in core (components build them too); these names stay part of the client's API.
export { eventTextReprRequest, traceTextReprRequest } from "../core/textRepr/textReprInput";
