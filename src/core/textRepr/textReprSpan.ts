/** `$ai_span` rendering and the INPUT/OUTPUT STATE blocks shared with trace-level states. */
import { pyJsonDumps } from "../python/pyJsonDumps";
import { pyLiteralEval } from "../python/pyLiteralEval";
import { pyStr } from "../python/pyRepr";
import { pyUpper } from "../python/pyUnicode";
import {
  isPyDict,
  PyError,
  pyGet,
  pyGetOr,
  pyHas,
  pyKind,
  pyTruthy,
  pyTypeName,
} from "../python/pyValue";
import { formatToolSignature } from "./textReprContent";
import { formatMessagesArray, pushAll } from "./textReprMessages";
import { payloadText } from "./textReprResponses";
import { truncateContent } from "./textReprTruncate";
import { HEADING_RULE, SEPARATOR, type ResolvedTextReprOptions } from "./textReprTypes";

/** `.upper()` on a value that must be a str; anything else is the AttributeError PostHog hits. */
export function upperOrFail(value: unknown): string {
  if (typeof value !== "string") throw new PyError("TypeError", `'${pyTypeName(value)}' has no upper()`);
  return pyUpper(value);
}

/**
 * A span's str state is first read as a Python literal: a dict or list is re-dumped as indented
 * JSON, anything else stays as written. A literal JSON cannot encode (bytes) raises here, so the
 * span shows the whole state with str(), untruncated.
 */
function formatStringState(state: string, o: ResolvedTextReprOptions): string {
  const parsed = pyLiteralEval(state);
  if (!parsed.ok && parsed.typeError) throw new PyError("TypeError", "unhashable type in literal");
  if (parsed.ok) {
    const kind = pyKind(parsed.value);
    if (kind === "dict" || kind === "list") return truncateContent(pyJsonDumps(parsed.value, { indent: 2 }), o);
  }
  return truncateContent(state, o);
}

/** True for a list whose first item is a dict with `role` or `content`. */
export function isMessageList(value: unknown): value is unknown[] {
  if (!Array.isArray(value) || value.length === 0) return false;
  const first: unknown = value[0];
  return isPyDict(first) && (pyHas(first, "role") || pyHas(first, "content"));
}

function toolCallWithContext(state: unknown, o: ResolvedTextReprOptions): string[] {
  const lines: string[] = [];
  const inner = pyGet(state, "state");
  const messages = pyGet(inner, "messages");
  if (Array.isArray(messages) && messages.length > 0) formatMessagesArray(messages, o, lines);
  const remaining = pyGet(inner, "remaining_steps");
  if (remaining !== undefined && remaining !== null) lines.push("", `Remaining steps: ${pyStr(remaining)}`);
  const call = pyGetOr(state, "tool_call", {});
  if (isPyDict(call) && pyTruthy(call)) {
    const signature = formatToolSignature(pyGetOr(call, "name", "unknown"), pyGetOr(call, "args", {}));
    lines.push("", "Tool Call:", `  ${signature}`);
  }
  return lines;
}

function toolResult(state: unknown, o: ResolvedTextReprOptions): string[] {
  const heading = ["[TOOL RESULT]"];
  const name = pyGet(state, "name");
  if (pyTruthy(name)) {
    // PostHog joins the heading with " ".join(), which refuses a non-str name (the span then shows str(state)).
    if (typeof name !== "string") throw new PyError("TypeError", `sequence item 1: expected str instance, ${pyTypeName(name)} found`);
    heading.push(name);
  }
  const status = pyGet(state, "status");
  if (pyTruthy(status)) heading.push(`(${pyStr(status)})`);
  const text = payloadText(pyGet(state, "content"));
  return [heading.join(" "), "", text ? truncateContent(text, o) : "[tool output not recorded]"];
}

function spanStateBody(state: unknown, o: ResolvedTextReprOptions): string[] {
  if (typeof state === "string") return [formatStringState(state, o)];
  if (Array.isArray(state)) {
    if (isMessageList(state)) return formatMessagesArray(state, o);
    return [truncateContent(pyJsonDumps(state, { indent: 2 }), o)];
  }
  if (isPyDict(state)) {
    if (pyGet(state, "__type") === "tool_call_with_context") return toolCallWithContext(state, o);
    const messages = pyGet(state, "messages");
    if (Array.isArray(messages) && messages.length > 0) return formatMessagesArray(messages, o);
    if (pyGet(state, "type") === "tool") return toolResult(state, o);
    return [truncateContent(pyJsonDumps(state, { indent: 2 }), o)];
  }
  return [pyStr(state)];
}

/** `""`, `LABEL:`, `""` and the state, or nothing for a falsy state. */
function formatSpanState(label: string, state: unknown, o: ResolvedTextReprOptions): string[] {
  if (!pyTruthy(state)) return [];
  const lines = ["", `${label}:`, ""];
  try {
    pushAll(lines, spanStateBody(state, o));
  } catch (e) {
    if (!(e instanceof PyError) || e.kind === "RecursionError") throw e;
    lines.push(pyStr(state));
  }
  return lines;
}

/** The span heading (name upper-cased, `Span` by default), its error and its two states. */
export function formatSpanLines(props: unknown, o: ResolvedTextReprOptions): string[] {
  const lines = [upperOrFail(pyGetOr(props, "$ai_span_name", "Span")), HEADING_RULE];
  const error = pyGet(props, "$ai_error");
  if (pyTruthy(error)) {
    const body = isPyDict(error) ? pyJsonDumps(error, { indent: 2 }) : pyStr(error);
    lines.push(SEPARATOR, "", "ERROR:", "", body);
  }
  const states: Array<[string, string]> = [
    ["INPUT STATE", "$ai_input_state"],
    ["OUTPUT STATE", "$ai_output_state"],
  ];
  for (const [label, key] of states) {
    const block = formatSpanState(label, pyGet(props, key), o);
    if (block.length > 0) {
      lines.push(SEPARATOR);
      pushAll(lines, block);
    }
  }
  return lines;
}
