/**
 * The Text tab's text_repr requests: the whole trace at the root, else the selected event. Built with
 * core's conversion, so the tab renders locally (no client needed), the shell can send the same request
 * to the endpoint, and line numbers match the ones summaries cite.
 */
import type { TextReprRequestBody, TextReprRequestOptions, TextReprTraceData } from "../../core/eventsApi";
import type { LLMTrace } from "../../core/eventsTrace";
import { formatTextRepr, type TextReprEventType, type TextReprResult } from "../../core/textRepr";
import { eventTextReprRequest, traceTextReprInput } from "../../core/textRepr/textReprInput";
import type { TraceTree, TraceTreeNode } from "../../core/trace";
import { nodeProperties } from "./traceDetailModel";

/** Options the Text tab asks for: PostHog's UI settings (markers, line numbers, truncation). */
export const TEXT_TAB_OPTIONS: TextReprRequestOptions = { include_markers: true, include_line_numbers: true, truncated: true };

/** A trace for a tree built from bare events, so the text still follows the one conversion core has. */
function traceOfTree(tree: TraceTree): LLMTrace {
  const properties = nodeProperties(tree.root);
  const events = [...tree.nodesByKey.values()].flatMap((node) => (node !== tree.root && node.event ? [node.event] : []));
  const { $ai_input_state: inputState, $ai_output_state: outputState } = properties;
  return { id: tree.traceId ?? tree.root.key, createdAt: tree.root.event?.createdAt ?? "", traceName: tree.root.name, inputState, outputState, events };
}

/**
 * `{trace, hierarchy}` for the whole trace.
 * @deprecated Use `traceTextReprInput(trace)` from `tracelens/core`; the tree is only read when there is no trace.
 */
export function traceTextReprData(tree: TraceTree, trace: LLMTrace | null | undefined): TextReprTraceData {
  if (!trace) return traceTextReprInput(traceOfTree(tree));
  // A trace whose id is missing or not text still has the id the tree settled on; a name that is
  // not text is left out rather than failing the whole text.
  const id = typeof trace.id === "string" && trace.id ? trace.id : (tree.traceId ?? tree.root.key);
  const traceName = typeof trace.traceName === "string" ? trace.traceName : undefined;
  return traceTextReprInput({ ...trace, id, traceName, events: keptEvents(tree, trace) });
}

/** The trace's events the tree kept: exact copies once, non-events (`null`, strings) left out, as the tree counts them. */
function keptEvents(tree: TraceTree, trace: LLMTrace): LLMTrace["events"] {
  const events: unknown[] = Array.isArray(trace.events) ? trace.events : [];
  const left = new Set<number>(tree.duplicates.map((d) => d.index));
  for (const note of tree.notes) if (note.kind === "skipped") left.add(note.index);
  return (left.size === 0 ? events : events.filter((_, i) => !left.has(i))) as LLMTrace["events"];
}

/** The request for the Text tab of a node: the whole trace at the root, else the one event. */
export function textReprRequestFor(node: TraceTreeNode, tree: TraceTree, trace: LLMTrace | null | undefined, options = TEXT_TAB_OPTIONS): TextReprRequestBody {
  if (node === tree.root || !node.event) return { event_type: "$ai_trace", data: traceTextReprData(tree, trace), options };
  return eventTextReprRequest(node.event, options);
}

/** Renders a request locally with core; never throws. */
export function formatTextReprRequest(request: TextReprRequestBody): TextReprResult {
  return formatTextRepr(request.event_type as TextReprEventType, request.data, request.options);
}
