/**
 * text_repr requests built from the trace tree itself, so the Text tab can render locally with
 * core (no client needed) and the shell can send the same request to the endpoint.
 */
import type { TextReprEventData, TextReprHierarchyNode, TextReprRequestBody, TextReprRequestOptions, TextReprTraceData } from "../../core/eventsApi";
import type { LLMTrace, LLMTraceEvent } from "../../core/eventsTrace";
import { formatTextRepr, type TextReprEventType, type TextReprResult } from "../../core/textRepr";
import type { TraceTree, TraceTreeNode } from "../../core/trace";
import { nodeProperties } from "./traceDetailModel";

/** Options the Text tab asks for: PostHog's UI settings (markers, line numbers, truncation). */
export const TEXT_TAB_OPTIONS: TextReprRequestOptions = { include_markers: true, include_line_numbers: true, truncated: true };

/** text_repr only draws 10 levels; deeper nodes are kept for it to mark, up to a stack-safe limit. */
const MAX_HIERARCHY_DEPTH = 500;

function eventData(event: LLMTraceEvent): TextReprEventData {
  const properties = event.properties && typeof event.properties === "object" ? (event.properties as Record<string, unknown>) : {};
  return { id: event.id, event: event.event, properties, timestamp: event.createdAt };
}

function hierarchy(node: TraceTreeNode, depth: number): TextReprHierarchyNode[] {
  const nodes: TextReprHierarchyNode[] = [];
  for (const child of node.children) {
    if (!child.event) continue;
    nodes.push({ event: eventData(child.event), children: depth < MAX_HIERARCHY_DEPTH ? hierarchy(child, depth + 1) : [] });
  }
  return nodes;
}

/** `{trace, hierarchy}` for the whole trace, from the tree. */
export function traceTextReprData(tree: TraceTree, trace: LLMTrace | null | undefined): TextReprTraceData {
  const rootProperties = nodeProperties(tree.root);
  const id = tree.traceId ?? trace?.id ?? tree.root.key;
  const properties: Record<string, unknown> = { ...rootProperties, $ai_trace_id: id };
  const name = trace?.traceName ?? (typeof rootProperties.$ai_span_name === "string" ? rootProperties.$ai_span_name : tree.root.name);
  if (name) properties.$ai_span_name = name;
  if (properties.$ai_input_state === undefined && trace?.inputState !== undefined) properties.$ai_input_state = trace.inputState;
  if (properties.$ai_output_state === undefined && trace?.outputState !== undefined) properties.$ai_output_state = trace.outputState;
  return { trace: { id, properties }, hierarchy: hierarchy(tree.root, 1) };
}

const EVENT_TYPES: ReadonlySet<string> = new Set(["$ai_generation", "$ai_span", "$ai_embedding", "$ai_evaluation"]);

/** The request for the Text tab of a node: the whole trace at the root, else the one event. */
export function textReprRequestFor(node: TraceTreeNode, tree: TraceTree, trace: LLMTrace | null | undefined, options = TEXT_TAB_OPTIONS): TextReprRequestBody {
  if (node === tree.root || !node.event) return { event_type: "$ai_trace", data: traceTextReprData(tree, trace), options };
  const type = String(node.event.event);
  return { event_type: (EVENT_TYPES.has(type) ? type : "$ai_generation") as TextReprRequestBody["event_type"], data: eventData(node.event), options };
}

/** Renders a request locally with core; never throws. */
export function formatTextReprRequest(request: TextReprRequestBody): TextReprResult {
  return formatTextRepr(request.event_type as TextReprEventType, request.data, request.options);
}
