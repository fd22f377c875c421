/** Pure helpers of the session view: conversation order and what each trace row shows. */
import type { LLMTrace } from "../../core/eventsTrace";
import { readTimestampMs } from "../../core/eventsAccess";
import type { TraceTree, TraceTreeNode } from "../../core/trace";

/** Oldest first, as the conversation happened; the host's order breaks ties. */
export function inConversationOrder(traces: readonly LLMTrace[]): LLMTrace[] {
  // Host data: a null among the traces is skipped, not drawn as a row.
  return traces
    .filter((trace): trace is LLMTrace => typeof trace === "object" && trace !== null)
    .map((trace, index) => ({ trace, index, at: readTimestampMs(trace.createdAt) }))
    .sort((a, b) => (a.at === b.at ? a.index - b.index : a.at === null ? 1 : b.at === null ? -1 : a.at - b.at))
    .map((entry) => entry.trace);
}

/**
 * The node whose conversation stands for a trace: its last generation (whose input carries the
 * history and whose output is the reply), else the trace itself (its input and output state).
 */
export function conversationNode(tree: TraceTree): TraceTreeNode {
  let last: TraceTreeNode | null = null;
  const at = (node: TraceTreeNode) => node.endMs ?? node.startMs ?? -Infinity;
  for (const node of tree.nodesByKey.values()) {
    if (node.kind === "generation" && (!last || at(node) >= at(last))) last = node;
  }
  return last ?? tree.root;
}

/** When a trace happened, for people: date and time in the host's locale. */
export function traceTimeLabel(createdAt: unknown, locale?: string): string {
  const at = readTimestampMs(createdAt);
  if (at === null) return "Unknown time";
  try {
    return new Date(at).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
  } catch {
    return new Date(at).toISOString();
  }
}

/** A message preview without the markdown marks a one-line preview cannot draw (`**bold**`, `code`). */
export function plainPreview(text: string): string {
  return text.replace(/(\*\*|__)(?=\S)([^]*?\S)\1/g, "$2").replace(/`([^`\n]+)`/g, "$1");
}
