/**
 * The data notes of a trace tree: what the builder skipped, merged, kept under a derived key,
 * re-parented or cut out of a cycle, as data a UI can list.
 */
import type { AssembledTrace } from "./traceAssemble";
import type { TraceRecord } from "./traceEvents";
import type { TraceDataNote, TraceTreeNode } from "./traceTypes";

function label(record: TraceRecord): string {
  return record.eventId !== null ? `Event ${record.eventId}` : `The ${record.event.event || "event"} at position ${record.ordinal + 1}`;
}

/** Notes in input order; `holderOf` gives the node that shows a record. */
export function traceDataNotes(
  assembled: AssembledTrace,
  nodes: { orphans: readonly TraceTreeNode[]; brokenCycles: readonly TraceTreeNode[] },
  recordOf: (node: TraceTreeNode) => TraceRecord | undefined,
): TraceDataNote[] {
  const notes: TraceDataNote[] = [];
  for (const item of assembled.skipped) {
    notes.push({ kind: "skipped", index: item.index, eventId: null, nodeKey: null, relatedId: null, message: `Item ${item.index + 1} of the event list is ${item.what}, not an event; skipped.` });
  }
  for (const { record, original, reason } of assembled.duplicates) {
    const kept = original.eventId ?? `position ${original.ordinal + 1}`;
    notes.push({
      kind: "merged",
      index: record.ordinal,
      eventId: record.eventId,
      nodeKey: record.holder?.key ?? null,
      relatedId: original.eventId,
      message:
        reason === "event-id"
          ? `${label(record)} at position ${record.ordinal + 1} is an exact copy of an earlier event with the same id; counted once.`
          : `${label(record)} has the same name, time and properties as ${kept}; counted once, as ${kept}.`,
    });
  }
  for (const { record, key } of assembled.reusedIds) {
    notes.push({
      kind: "reused-id",
      index: record.ordinal,
      eventId: record.eventId,
      nodeKey: record.holder?.key ?? null,
      relatedId: key,
      message: `Event id ${record.eventId} is used by two events with different content; both are kept, this one (position ${record.ordinal + 1}) as ${key}.`,
    });
  }
  for (const node of nodes.orphans) {
    const record = recordOf(node);
    if (!record) continue;
    const missing = record.parentRefs[0] ?? null;
    notes.push({ kind: "re-parented", index: record.ordinal, eventId: record.eventId, nodeKey: node.key, relatedId: missing, message: `${label(record)} names parent ${missing}, which is not in this trace; shown under the trace root.` });
  }
  for (const node of nodes.brokenCycles) {
    const record = recordOf(node);
    if (!record) continue;
    const via = record.parentRefs[0] ?? null;
    notes.push({ kind: "cycle-broken", index: record.ordinal, eventId: record.eventId, nodeKey: node.key, relatedId: via, message: `${label(record)} is its own ancestor (its parent ${via} leads back to it); the cycle is cut and it is shown under the trace root.` });
  }
  return notes.sort((a, b) => a.index - b.index);
}
