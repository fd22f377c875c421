/** Pure helpers of the session view: conversation order and what each trace row shows. */
import type { LLMTrace } from "../../core/eventsTrace";
import { readTimestampMs } from "../../core/eventsAccess";
import { dateTimeFormat } from "../../core/intlFormatters";
import type { TraceTree, TraceTreeNode } from "../../core/trace";

/** SessionView's own lists, from `sessionTraces`: already oldest first, each trace once, none null. */
const ordered = new WeakSet<readonly LLMTrace[]>();

/**
 * Marks a list `sessionTraces` just made (and nobody else holds) as in conversation order, so the list
 * view does not read 20,000 timestamps again to find it sorted: the same order either way.
 */
export function inConversationOrderAlready(traces: LLMTrace[]): LLMTrace[] {
  ordered.add(traces);
  return traces;
}

/** Oldest first, as the conversation happened; the host's order breaks ties. */
export function inConversationOrder(traces: readonly LLMTrace[]): LLMTrace[] {
  if (ordered.has(traces)) return traces as LLMTrace[];
  // Host data: a null among the traces is skipped, not drawn as a row.
  const entries = traces
    .filter((trace): trace is LLMTrace => typeof trace === "object" && trace !== null)
    .map((trace, index) => ({ trace, index, at: readTimestampMs(trace.createdAt) }));
  const order = (a: (typeof entries)[number], b: (typeof entries)[number]) =>
    a.at === b.at ? a.index - b.index : a.at === null ? 1 : b.at === null ? -1 : a.at - b.at;
  // Traces usually come in order already (sessionTraces sorts them): then there is nothing to sort.
  let sorted = true;
  for (let i = 1; i < entries.length && sorted; i++) sorted = order(entries[i - 1]!, entries[i]!) <= 0;
  return (sorted ? entries : entries.sort(order)).map((entry) => entry.trace);
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

const TIME_LABEL: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };

/** When a trace happened, for people: date and time in the host's locale. */
export function traceTimeLabel(createdAt: unknown, locale?: string): string {
  const at = readTimestampMs(createdAt);
  if (at === null) return "Unknown time";
  // What toLocaleString answers for a time outside the Date range.
  if (Number.isNaN(new Date(at).getTime())) return "Invalid Date";
  try {
    // A shared formatter: building one per row (what toLocaleString does) is most of a long session's render.
    return dateTimeFormat(locale, TIME_LABEL).format(at);
  } catch {
    return new Date(at).toISOString();
  }
}
