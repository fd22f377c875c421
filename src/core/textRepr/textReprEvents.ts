/** Single-event renderings: generation, embedding and evaluation, and the dispatch by `event`. */
import { pyStr } from "../python/pyRepr";
import { isPyDict, PyError, pyGet, pyGetOr, pyTruthy, pyTypeName } from "../python/pyValue";
import { formatErrorSection } from "./textReprErrors";
import { formatInputMessages, formatOutputMessages, pushAll } from "./textReprMessages";
import { formatSpanLines } from "./textReprSpan";
import { formatTools } from "./textReprTools";
import { addLineNumbers } from "./textReprTruncate";
import { SEPARATOR, type ResolvedTextReprOptions } from "./textReprTypes";

/** Tools, input, output and error, each section opened by a separator. */
export function formatGenerationLines(props: unknown, o: ResolvedTextReprOptions): string[] {
  const lines: string[] = [];
  const tools = formatTools(pyGet(props, "$ai_tools"), o);
  if (tools.length > 0) {
    lines.push(SEPARATOR);
    pushAll(lines, tools);
  }
  const sections = [
    formatInputMessages(pyGet(props, "$ai_input"), o),
    formatOutputMessages(pyGet(props, "$ai_output"), pyGet(props, "$ai_output_choices"), o),
  ];
  for (const section of sections) {
    if (section.length === 0) continue;
    if (lines.length > 0) lines.push("");
    lines.push(SEPARATOR);
    pushAll(lines, section);
  }
  const error = formatErrorSection(props);
  if (error.length > 0) {
    if (lines.length > 0) lines.push("");
    pushAll(lines, error);
  }
  return lines;
}

/** Embeddings have no output vector to show, only a fixed line (tools are not rendered). */
export function formatEmbeddingLines(props: unknown, o: ResolvedTextReprOptions): string[] {
  const lines: string[] = [];
  const input = formatInputMessages(pyGet(props, "$ai_input"), o);
  if (input.length > 0) {
    lines.push(SEPARATOR);
    pushAll(lines, input);
  }
  if (lines.length > 0) lines.push("");
  lines.push(SEPARATOR, "", "OUTPUT:", "", "Embedding vector generated", "");
  const error = formatErrorSection(props);
  if (error.length > 0) {
    lines.push("");
    pushAll(lines, error);
  }
  return lines;
}

/** Evaluation flags arrive as booleans or as the strings "true"/"false". */
export function isFalseLike(v: unknown): boolean {
  return v === false || v === "false";
}

export function isTrueLike(v: unknown): boolean {
  return v === true || v === "true";
}

/**
 * `event.get("properties", {})`, which PostHog then reads with `.get`: a stored null or non-dict
 * fails there (AttributeError, a 500).
 */
export function propertiesOf(event: unknown): unknown {
  const props = pyGetOr(event, "properties", {});
  if (!isPyDict(props)) throw new PyError("TypeError", `'${pyTypeName(props)}' object has no attribute 'get'`);
  return props;
}

/**
 * `N/A`, `true`, `false` or `UNKNOWN`, or the result of a categorical / numeric evaluation as
 * Python's str() prints it (a categorical list is `['billing', 'refunds']`).
 */
function evaluationResult(props: unknown): string {
  if (isFalseLike(pyGet(props, "$ai_evaluation_applicable"))) return "N/A";
  const resultType = pyGet(props, "$ai_evaluation_result_type");
  const categorical = pyGet(props, "$ai_evaluation_categorical_result");
  if (resultType === "categorical" && Array.isArray(categorical)) return pyStr(categorical);
  const numeric = pyGet(props, "$ai_evaluation_numeric_result");
  if (resultType === "numeric" && numeric !== undefined && numeric !== null) return pyStr(numeric);
  const result = pyGet(props, "$ai_evaluation_result");
  if (isTrueLike(result)) return "true";
  if (isFalseLike(result)) return "false";
  return "UNKNOWN";
}

export function formatEvaluationLines(props: unknown): string[] {
  const name = pyStr(pyGetOr(props, "$ai_evaluation_name", "Unknown evaluation"));
  let result = evaluationResult(props);
  const runtime = pyGet(props, "$ai_evaluation_runtime");
  const model = pyGet(props, "$ai_evaluation_model");
  if (runtime === "llm_judge" && pyTruthy(model)) result += ` (llm_judge/${pyStr(model)})`;
  else if (pyTruthy(runtime)) result += ` (${pyStr(runtime)})`;
  let line = `EVALUATION: ${name} | Result: ${result}`;
  const reasoning = pyGet(props, "$ai_evaluation_reasoning");
  if (pyTruthy(reasoning)) line += ` | Reasoning: ${pyStr(reasoning)}`;
  return [SEPARATOR, "", line, ""];
}

/**
 * One event's lines, rendered by its own `event` name (not the request's event_type), a generation
 * by default; elements may hold several lines, and no line numbers are added.
 */
export function eventLines(event: unknown, o: ResolvedTextReprOptions): string[] {
  const props = propertiesOf(event);
  switch (pyGet(event, "event")) {
    case "$ai_span":
      return formatSpanLines(props, o);
    case "$ai_embedding":
      return formatEmbeddingLines(props, o);
    case "$ai_evaluation":
      return formatEvaluationLines(props);
    default:
      return formatGenerationLines(props, o);
  }
}

/** PostHog's `format_event_text_repr`: the event's text, numbered when `includeLineNumbers`. */
export function formatEventText(event: unknown, o: ResolvedTextReprOptions): string {
  const text = eventLines(event, o).join("\n");
  return o.includeLineNumbers ? addLineNumbers(text) : text;
}
