/** `$ai_trace` rendering: heading, trace error, then the hierarchy or the trace-level states. */
import { pyJsonDumps } from "../python/pyJsonDumps";
import { pyStr } from "../python/pyRepr";
import { isPyDict, PyError, pyGet, pyOr, pyTruthy } from "../python/pyValue";
import { propertiesOf } from "./textReprEvents";
import { formatInputMessages, formatOutputMessages, pushAll } from "./textReprMessages";
import { finishOutput, type OutputLine } from "./textReprLines";
import type { SampledText } from "./textReprSampling";
import { isMessageList, upperOrFail } from "./textReprSpan";
import { renderTraceTree } from "./textReprTraceTree";
import { truncateContent } from "./textReprTruncate";
import { HEADING_RULE, SEPARATOR, type ResolvedTextReprOptions } from "./textReprTypes";

/** Unlike a span's, a trace's str state is shown as written (no Python-literal parsing). */
function stateText(state: unknown, o: ResolvedTextReprOptions): string {
  if (typeof state === "string") return truncateContent(state, o);
  if (isPyDict(state) || Array.isArray(state)) return truncateContent(pyJsonDumps(state, { indent: 2 }), o);
  return pyStr(state);
}

/**
 * A trace-level state: message lists as INPUT/OUTPUT sections, anything else under `TRACE LABEL:`;
 * where rendering fails, PostHog falls back to the state's str().
 */
function traceState(state: unknown, label: "INPUT" | "OUTPUT", o: ResolvedTextReprOptions): string[] {
  if (!pyTruthy(state)) return [];
  try {
    if (isMessageList(state)) {
      return label === "INPUT" ? formatInputMessages(state, o) : formatOutputMessages(null, state, o);
    }
    return ["", `TRACE ${label}:`, "", stateText(state, o)];
  } catch (e) {
    if (!(e instanceof PyError) || e.kind === "RecursionError") throw e;
    return ["", `TRACE ${label}:`, "", pyStr(state)];
  }
}

/** The trace's lines before numbering and sampling (an item may hold several lines). */
function traceItems(trace: unknown, hierarchy: readonly unknown[], o: ResolvedTextReprOptions): OutputLine[] {
  const props = propertiesOf(trace);
  const name = pyOr(pyGet(props, "$ai_span_name"), pyGet(trace, "traceName"), pyGet(trace, "trace_name"), "TRACE");
  const lines: OutputLine[] = [upperOrFail(name), HEADING_RULE];
  const error = pyGet(props, "$ai_error");
  if (pyTruthy(error)) {
    const body = typeof error === "string" ? error : pyJsonDumps(error, { indent: 2 });
    lines.push("", SEPARATOR, "", "TRACE ERROR:", "", body);
  }
  if (hierarchy.length === 0) {
    const input = pyOr(pyGet(props, "$ai_input_state"), pyGet(trace, "inputState"), pyGet(trace, "input_state"));
    const output = pyOr(pyGet(props, "$ai_output_state"), pyGet(trace, "outputState"), pyGet(trace, "output_state"));
    for (const section of [traceState(input, "INPUT", o), traceState(output, "OUTPUT", o)]) {
      if (section.length === 0) continue;
      lines.push("", SEPARATOR);
      pushAll(lines, section);
    }
  } else {
    lines.push("", SEPARATOR, "", "TRACE HIERARCHY:", "");
    pushAll(lines, renderTraceTree(hierarchy, "", 0, o));
  }
  return lines;
}

/** PostHog's `format_trace_text_repr`: the text, uniformly sampled down to `max_length`. */
export function formatTraceText(
  trace: unknown,
  hierarchy: readonly unknown[],
  o: ResolvedTextReprOptions,
): SampledText {
  return finishOutput(traceItems(trace, hierarchy, o), o.includeLineNumbers, o.maxLength);
}
