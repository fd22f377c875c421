/** The `TRACE HIERARCHY` tree: one branch line per node, expandable events and summaries. */
import { pyFormatFixed, pyParseFloat } from "../python/pyNumber";
import { pyStr } from "../python/pyRepr";
import { pyChars } from "../python/pyText";
import {
  isPyDict,
  PyError,
  PyFloat,
  pyGet,
  pyGetOr,
  pyHas,
  pyKind,
  pyOr,
  pyTruthy,
  pyTypeName,
} from "../python/pyValue";
import { AsciiTailLine, type OutputLine } from "./textReprLines";
import { formatEventText, isFalseLike, isTrueLike, propertiesOf } from "./textReprEvents";
import { MAX_TREE_DEPTH, type ResolvedTextReprOptions } from "./textReprTypes";

const TAGS: Readonly<Record<string, string>> = {
  $ai_generation: "[GEN]",
  $ai_span: "[SPAN]",
  $ai_embedding: "[EMBED]",
  $ai_evaluation: "[EVAL]",
};

/** `f"{float(v):.Nf}"` (wrapped in its unit), or `str(v)` as it is when `float()` would raise. */
function formatMeasure(value: unknown, decimals: number, wrap: (n: string) => string): string {
  let n: number | null = null;
  const kind = pyKind(value);
  if (kind === "bool") n = value ? 1 : 0;
  else if (kind === "int") n = Number(value);
  else if (kind === "float") n = value instanceof PyFloat ? value.value : (value as number);
  else if (typeof value === "string") n = pyParseFloat(value);
  return n === null ? pyStr(value) : wrap(pyFormatFixed(n, decimals));
}

const latency = (v: unknown) => formatMeasure(v, 2, (n) => `${n}s`);
const cost = (v: unknown) => formatMeasure(v, 4, (n) => `$${n}`);

function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** `", ".join(parts)`: Python refuses a part that is not a str. */
function joinParts(parts: unknown[]): string {
  for (const part of parts) {
    if (typeof part !== "string") {
      throw new PyError("TypeError", `sequence item: expected str instance, ${pyTypeName(part)} found`);
    }
  }
  return parts.join(", ");
}

/**
 * `summary = name; summary += f" ({parts})"`, printed later with str(). A list name is extended by
 * the characters of the suffix (Python's `list += str`); any other non-str name raises.
 */
function withParts(name: unknown, parts: unknown[]): unknown {
  if (parts.length === 0) return name;
  const suffix = ` (${joinParts(parts)})`;
  if (typeof name === "string") return name + suffix;
  if (Array.isArray(name)) return [...name, ...pyChars(suffix)];
  throw new PyError("TypeError", `unsupported operand type(s) for +=: '${pyTypeName(name)}' and 'str'`);
}

function modelSummary(props: unknown, fallback: string, withTtft: boolean): unknown {
  const model = pyGet(props, "$ai_model");
  const name = pyOr(pyGet(props, "$ai_span_name"), model, fallback);
  const parts: unknown[] = [];
  if (isSet(pyGet(props, "$ai_latency"))) parts.push(latency(pyGet(props, "$ai_latency")));
  const ttft = pyGet(props, "$ai_time_to_first_token");
  if (withTtft && isSet(ttft)) parts.push(`TTFT: ${latency(ttft)}`);
  if (isSet(pyGet(props, "$ai_total_cost_usd"))) parts.push(cost(pyGet(props, "$ai_total_cost_usd")));
  if (pyTruthy(model)) parts.push(model);
  if (pyTruthy(pyGet(props, "$ai_is_error")) || pyTruthy(pyGet(props, "$ai_error"))) parts.push("ERROR");
  return withParts(name, parts);
}

/** PostHog's `_get_event_summary`: whatever it returns is printed with str(). */
function nodeSummary(event: unknown, type: unknown): unknown {
  const known = type === "$ai_generation" || type === "$ai_embedding" || type === "$ai_span" || type === "$ai_evaluation";
  const props = known ? propertiesOf(event) : undefined;
  switch (type) {
    case "$ai_generation":
      return modelSummary(props, "generation", true);
    case "$ai_embedding":
      return modelSummary(props, "embedding", false);
    case "$ai_span": {
      const parts: unknown[] = [];
      if (isSet(pyGet(props, "$ai_latency"))) parts.push(latency(pyGet(props, "$ai_latency")));
      if (pyTruthy(pyGet(props, "$ai_is_error"))) parts.push("ERROR");
      return withParts(pyGetOr(props, "$ai_span_name", "span"), parts);
    }
    case "$ai_evaluation": {
      const parts: unknown[] = [];
      const runtime = pyGet(props, "$ai_evaluation_runtime");
      if (pyTruthy(runtime)) parts.push(runtime);
      const result = pyGet(props, "$ai_evaluation_result");
      if (isFalseLike(pyGet(props, "$ai_evaluation_applicable"))) parts.push("N/A");
      else if (isTrueLike(result)) parts.push("true");
      else if (isFalseLike(result)) parts.push("false");
      return withParts(pyGetOr(props, "$ai_evaluation_name", "evaluation"), parts);
    }
    default:
      return type;
  }
}

function nodeTag(type: unknown): string {
  return (typeof type === "string" ? TAGS[type] : undefined) ?? "[EVENT]";
}

/**
 * The label a trace node is drawn with, e.g. `[GEN] answer (1.80s, $0.0012, gpt-4o-mini)`: it
 * depends only on the event itself, so it identifies an event in any tree shape. Throws where
 * PostHog's formatter would (a non-string name with parts).
 */
export function traceNodeLabel(event: unknown): string {
  const type = pyGetOr(event, "event", "unknown");
  return `${nodeTag(type)} ${pyStr(nodeSummary(event, type))}`;
}

/** The dict a node stands for: its `event`, or the node itself when it has no `event` key. */
function nodeEvent(node: unknown): unknown {
  if (!isPyDict(node)) throw new PyError("TypeError", "hierarchy node is not a dict");
  const event = pyHas(node, "event") ? pyGet(node, "event") : node;
  if (!isPyDict(event)) throw new PyError("TypeError", "hierarchy event is not a dict");
  return event;
}

/** PostHog's `_render_tree`, cut off below depth 10. */
export function renderTraceTree(
  nodes: readonly unknown[],
  prefix: string,
  depth: number,
  o: ResolvedTextReprOptions,
): OutputLine[] {
  if (depth > MAX_TREE_DEPTH) return [`${prefix}  [... max depth reached]`];
  const lines: OutputLine[] = [];
  nodes.forEach((node, index) => {
    const last = index === nodes.length - 1;
    const branch = last ? "└─ " : "├─ ";
    const childPrefix = last ? "   " : "│  ";
    const event = nodeEvent(node);
    const type = pyGetOr(event, "event", "unknown");
    const tag = nodeTag(type);
    const summary = pyStr(nodeSummary(event, type));
    const id = pyStr(pyGetOr(event, "id", "unknown"));
    if (o.collapsed) {
      lines.push(`${prefix}${branch}${tag} ${summary}`);
    } else if (tag === "[EVENT]") {
      const label = o.includeMarkers ? `<<<EVENT_LINK|${id}|${tag}>>>` : tag;
      lines.push(`${prefix}${branch}${label} ${summary}`);
    } else {
      const content = formatEventText(event, { ...o, includeLineNumbers: false });
      if (o.includeMarkers) {
        const head = `${prefix}${branch}<<<GEN_EXPANDABLE|${id}|${tag} ${summary}|`;
        lines.push(new AsciiTailLine(head, content));
      } else {
        lines.push(`${prefix}${branch}[+] ${tag} ${summary}`);
        const indent = `${prefix}${childPrefix}    `;
        for (const line of content.split("\n")) lines.push(indent + line);
      }
    }
    const children = pyGet(node, "children");
    if (pyTruthy(children)) {
      if (!Array.isArray(children)) throw new PyError("TypeError", "children is not a list");
      for (const line of renderTraceTree(children, prefix + childPrefix, depth + 1, o)) lines.push(line);
    }
  });
  return lines;
}
