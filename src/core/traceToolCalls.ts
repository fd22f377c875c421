/**
 * Which nodes of a trace are tool calls, and with what arguments.
 *
 * A tool call shows up in two places:
 * - as a **span** that ran the tool. A `$ai_span` is a tool span when its `$ai_span_type` says so
 *   (`tool`, `function` — OpenAI Agents function spans — `tool_call`, `tool_execution`), or, when
 *   it has no span type, when its name is a tool the trace's generations declared (`$ai_tools`) or
 *   called (tool calls in their output). Span types that name other work (agent, handoff,
 *   guardrail, mcp_tools, …) are never tool spans. Arguments: `$ai_input_state`, else `$ai_input`;
 *   LangChain's `tool_call_with_context` wrapper is unwrapped.
 * - as a **request** in a generation's output (`tool_calls`, `tool_use`, `function_call` items),
 *   whether or not a span for it was captured.
 */
import { isPropertyBag, readString } from "./eventsAccess";
import { parseOutputMessages, parseToolDefinitions } from "./messages";
import { spanKindOf } from "./spanKinds";
import { traceNodesPreOrder } from "./traceInsightInput";
import { parseToolArguments } from "./traceToolArguments";
import type { TraceTree, TraceTreeNode } from "./traceTypes";

/** Span types that mark a tool execution. */
const TOOL_SPAN_KINDS = new Set(["tool", "function", "tool_call", "tool_execution", "tool-call"]);

/** One tool call: the span that ran it, or the generation that asked for it. */
export interface TraceToolCall {
  /** Tool name (the span's display name, or the requested function name). */
  name: string;
  /** Arguments, parsed when given as JSON or a Python literal. */
  arguments: unknown;
  /** The tool span, or the requesting generation. */
  node: TraceTreeNode;
  source: "span" | "request";
  /** Provider call id (`call_…`, `toolu_…`) of a request, when it has one. */
  callId: string | null;
}

/** Tool calls of one trace, in tree order (pre-order). */
export interface TraceToolCalls {
  spans: TraceToolCall[];
  requests: TraceToolCall[];
  /** Keys of the nodes that are tool spans. */
  toolNodeKeys: ReadonlySet<string>;
  /** Tool names declared in any generation's `$ai_tools`. */
  declared: ReadonlySet<string>;
}

function properties(node: TraceTreeNode): Record<string, unknown> {
  const p = node.event?.properties;
  return isPropertyBag(p) ? p : {};
}

/** A span state's tool arguments, with LangChain's `{__type: "tool_call_with_context", tool_call: {args}}` unwrapped. */
function spanArguments(p: Record<string, unknown>): unknown {
  const state = parseToolArguments(p.$ai_input_state !== undefined && p.$ai_input_state !== null ? p.$ai_input_state : p.$ai_input);
  if (isPropertyBag(state) && isPropertyBag(state.tool_call)) {
    const call = state.tool_call;
    if (call.args !== undefined) return parseToolArguments(call.args);
    if (call.arguments !== undefined) return parseToolArguments(call.arguments);
  }
  return state === undefined ? null : state;
}

function collectRequests(node: TraceTreeNode, into: TraceToolCall[]): void {
  const p = properties(node);
  if (p.$ai_output_choices === undefined && p.$ai_output === undefined) return;
  for (const message of parseOutputMessages(p.$ai_output_choices, p.$ai_output)) {
    for (const part of message.parts) {
      if (part.kind !== "tool-call") continue;
      into.push({ name: part.name, arguments: part.arguments, node, source: "request", callId: part.id ?? null });
    }
  }
}

function collectDeclared(node: TraceTreeNode, into: Set<string>, seen: Set<unknown>): void {
  const tools = properties(node).$ai_tools;
  // Agents send the same catalogue object on every call; parse each distinct value once.
  if (tools === undefined || tools === null || seen.has(tools)) return;
  seen.add(tools);
  for (const tool of parseToolDefinitions(tools)) if (tool.name) into.add(tool.name);
}

function isToolSpan(node: TraceTreeNode, names: ReadonlySet<string>): boolean {
  if (node.kind !== "span") return false;
  const kind = spanKindOf(properties(node));
  if (kind !== null) return TOOL_SPAN_KINDS.has(kind);
  return names.has(node.name);
}

// Breakdown and loop detection both ask for the same tree's calls; trees are not changed once built.
const cache = new WeakMap<TraceTree, TraceToolCalls>();

/** Finds a trace's tool spans and requested tool calls (cached per tree). Linear in the trace's size; never throws. */
export function traceToolCalls(tree: TraceTree): TraceToolCalls {
  const cached = cache.get(tree);
  if (cached) return cached;
  const found = findToolCalls(tree);
  cache.set(tree, found);
  return found;
}

function findToolCalls(tree: TraceTree): TraceToolCalls {
  const order = traceNodesPreOrder(tree);
  const requests: TraceToolCall[] = [];
  const declared = new Set<string>();
  const seenCatalogues = new Set<unknown>();
  for (const node of order) {
    if (node.kind !== "generation") continue;
    try {
      collectRequests(node, requests);
      collectDeclared(node, declared, seenCatalogues);
    } catch {
      // A hostile property (throwing getter) costs this generation its calls, not the trace.
    }
  }
  const names = new Set<string>(declared);
  for (const request of requests) names.add(request.name);
  const spans: TraceToolCall[] = [];
  const toolNodeKeys = new Set<string>();
  for (const node of order) {
    if (!isToolSpan(node, names)) continue;
    toolNodeKeys.add(node.key);
    let args: unknown = null;
    try {
      args = spanArguments(properties(node));
    } catch {
      args = null;
    }
    spans.push({ name: readString(node.name) || "tool", arguments: args, node, source: "span", callId: null });
  }
  return { spans, requests, toolNodeKeys, declared };
}
