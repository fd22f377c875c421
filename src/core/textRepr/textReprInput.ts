/**
 * The `data` text_repr and summarization take, from an `LLMTrace` or one of its events: `{trace,
 * hierarchy}` for a trace, `{id, event, properties, timestamp}` for an event. Follows PostHog's own
 * conversion (posthog-api.md §2.10, "Building a hierarchy from an LLMTrace"), so the Text tab, the
 * endpoint and local summaries all number the same lines.
 */
import type { TextReprEventData, TextReprHierarchyNode, TextReprRequestBody, TextReprRequestOptions, TextReprTraceData } from "../eventsApi";
import type { LLMTrace, LLMTraceEvent } from "../eventsTrace";

/**
 * Only a guard against stack exhaustion on absurd chains: the text_repr renderer itself stops at
 * depth 10 and says so ("[... max depth reached]"), so nodes below are kept for it to mark.
 */
const MAX_BUILD_DEPTH = 500;

export interface TraceTextReprInputOptions {
  /**
   * Nest events under their parents (`$ai_parent_id`), dropping `$ai_metric` and `$ai_feedback`,
   * as PostHog does when it summarizes; false lists every event as a root, in the given order.
   * @default true
   */
  nest?: boolean;
}

/** An event as text_repr wants it; `event` is always set because PostHog renders by it. */
export function eventTextReprInput(event: LLMTraceEvent): TextReprEventData {
  // Host data is not always typed; a non-object bag would make the renderer fail on the whole trace.
  const properties = event.properties && typeof event.properties === "object" ? (event.properties as Record<string, unknown>) : {};
  return { id: event.id, event: event.event, properties, timestamp: event.createdAt };
}

function nodeOf(event: LLMTraceEvent, children: TextReprHierarchyNode[] = []): TextReprHierarchyNode {
  return { event: eventTextReprInput(event), children };
}

function str(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : null;
}

function startMs(event: LLMTraceEvent): number {
  const at = Date.parse(event.createdAt);
  if (!Number.isFinite(at)) return Number.POSITIVE_INFINITY;
  const props = event.properties ?? {};
  // SDKs capture at the end of the operation; OTel ingestion records the start.
  if (props.$ai_ingestion_source === "otel") return at;
  const latency = Number(props.$ai_latency);
  return Number.isFinite(latency) ? at - latency * 1000 : at;
}

function latencyOf(event: LLMTraceEvent): number {
  const latency = Number(event.properties?.$ai_latency);
  return Number.isFinite(latency) ? latency : 0;
}

function nestEvents(traceId: string, events: readonly LLMTraceEvent[]): TextReprHierarchyNode[] {
  const kept = events.filter((e) => e.event !== "$ai_metric" && e.event !== "$ai_feedback" && e.event !== "$ai_trace");
  const nodeId = (e: LLMTraceEvent) => str(e.properties?.$ai_generation_id) ?? str(e.properties?.$ai_span_id) ?? e.id;
  const ids = new Set(kept.map(nodeId));
  const children = new Map<string, LLMTraceEvent[]>();
  const roots: LLMTraceEvent[] = [];
  for (const event of kept) {
    const parent = str(event.properties?.$ai_parent_id) ?? str(event.properties?.$ai_trace_id) ?? traceId;
    if (parent === traceId || !ids.has(parent) || parent === nodeId(event)) roots.push(event);
    else children.set(parent, [...(children.get(parent) ?? []), event]);
  }
  const order = (list: LLMTraceEvent[]) => [...list].sort((a, b) => startMs(a) - startMs(b) || latencyOf(b) - latencyOf(a));
  const visited = new Set<LLMTraceEvent>();
  const build = (event: LLMTraceEvent, depth: number): TextReprHierarchyNode => {
    visited.add(event);
    const kids = depth >= MAX_BUILD_DEPTH ? [] : order(children.get(nodeId(event)) ?? []).filter((c) => !visited.has(c));
    return nodeOf(event, kids.map((kid) => build(kid, depth + 1)));
  };
  const tree = order(roots).map((root) => build(root, 1));
  // Parent cycles leave events unreachable from any root; PostHog appends them as extra roots.
  for (const event of kept) if (!visited.has(event)) tree.push(build(event, 1));
  return tree;
}

/** `{trace, hierarchy}` for text_repr or summarization, from a trace as the query endpoints return it. */
export function traceTextReprInput(trace: LLMTrace, options: TraceTextReprInputOptions = {}): TextReprTraceData {
  const properties: Record<string, unknown> = { $ai_trace_id: trace.id };
  if (trace.traceName != null) properties.$ai_span_name = trace.traceName;
  if (trace.aiSessionId != null) properties.$ai_session_id = trace.aiSessionId;
  if (trace.inputState !== undefined) properties.$ai_input_state = trace.inputState;
  if (trace.outputState !== undefined) properties.$ai_output_state = trace.outputState;
  const events = Array.isArray(trace.events) ? trace.events : [];
  const hierarchy =
    options.nest === false ? events.filter((e) => e.event !== "$ai_trace").map((e) => nodeOf(e)) : nestEvents(trace.id, events);
  return { trace: { id: trace.id, properties }, hierarchy };
}

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
