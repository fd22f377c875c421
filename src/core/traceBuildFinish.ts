/**
 * Second stage of `buildTraceTree`: annotations, dropped copies and reused ids placed on the shaped
 * tree, then totals, extents, self times, the critical path, trace figures and data notes. A generator
 * that yields between chunks, so a view can run it in slices after its first paint.
 */
import type { AssembledTrace } from "./traceAssemble";
import type { TraceRecord } from "./traceEvents";
import { finishTraceTreeSteps } from "./traceFinish";
import type { TraceIdIndex } from "./traceLinking";
import { ROOT_PARENT } from "./traceLinking";
import { finiteSum, postHogTotalLatency, roundTo } from "./traceMetrics";
import { traceDataNotes } from "./traceNotes";
import type { TraceDuplicate, TraceNodeAnnotations, TraceTree, TraceTreeNode } from "./traceTypes";
import { reportedUsage, treeUsageCoverage } from "./traceUsage";

/** Shared by every node without annotations (most of them); replaced on first write. */
export const NO_ANNOTATIONS: TraceNodeAnnotations = Object.freeze({
  metrics: Object.freeze([]),
  feedback: Object.freeze([]),
  evaluations: Object.freeze([]),
});

function annotate(node: TraceTreeNode, list: keyof TraceNodeAnnotations, record: TraceRecord): void {
  if (node.annotations === NO_ANNOTATIONS) node.annotations = { metrics: [], feedback: [], evaluations: [] };
  (node.annotations[list] as TraceRecord["event"][]).push(record.event);
}

/** What the first stage hands the second. */
export interface BuiltShape {
  assembled: AssembledTrace;
  root: TraceTreeNode;
  /** One per node record, in the same order. */
  nodes: TraceTreeNode[];
  nodesByKey: Map<string, TraceTreeNode>;
  nodesByEventId: Map<string, TraceTreeNode>;
  index: TraceIdIndex;
  orphans: TraceTreeNode[];
  brokenCycles: TraceTreeNode[];
  /** The records of the orphans and cut cycles (what the notes name). */
  noteRecords: Map<TraceTreeNode, TraceRecord>;
}

/** Yield every this many records. */
const STEP = 4096;

export function* finishTraceTreeBuild(built: BuiltShape): Generator<void, TraceTree, void> {
  const { assembled, root, nodes, nodesByKey, nodesByEventId, index, orphans, brokenCycles } = built;
  const { traceId, rootRecord, nodeRecords, annotationRecords } = assembled;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as TraceTreeNode;
    if (node.kind === "evaluation") annotate(nodesByKey.get(node.parentKey ?? root.key) ?? root, "evaluations", nodeRecords[i] as TraceRecord);
  }
  yield;

  let metricCount = 0;
  for (let i = 0; i < annotationRecords.length; i++) {
    const record = annotationRecords[i] as TraceRecord;
    if (record.kind === "metric") metricCount++;
    let target: TraceTreeNode = root;
    for (const ref of record.parentRefs) {
      const found = index.resolve(ref);
      if (found === undefined) continue;
      target = found === ROOT_PARENT ? root : (nodes[found] as TraceTreeNode);
      break;
    }
    annotate(target, record.kind === "metric" ? "metrics" : "feedback", record);
    record.holder = target;
    if (record.eventId !== null && !nodesByEventId.has(record.eventId)) nodesByEventId.set(record.eventId, target);
    if (i % STEP === STEP - 1) yield;
  }

  const duplicates: TraceDuplicate[] = assembled.duplicates.map(({ record, original, reason }) => {
    // Originals precede their copies, so a chain of copies resolves in input order.
    const holder = original.holder ?? root;
    record.holder = holder;
    holder.duplicateCount++;
    if (record.eventId !== null && !nodesByEventId.has(record.eventId)) nodesByEventId.set(record.eventId, holder);
    return { event: record.event, index: record.ordinal, keptKey: holder.key, reason };
  });

  // Later events that reuse an id (with other content) are selected by a derived key.
  for (const { record, key } of assembled.reusedIds) {
    if (!record.holder) continue;
    if (record.holder.event === record.event) record.holder.eventKey = key;
    nodesByEventId.set(key, record.holder);
  }
  yield;

  // Figures the `$ai_trace` event reports itself are the trace's own (SDK aggregates), not sums.
  const traceReported = rootRecord ? reportedUsage(rootRecord.properties) : null;
  const latencyEvents: Array<TraceRecord["event"]> = new Array(nodeRecords.length + annotationRecords.length);
  for (let i = 0; i < nodeRecords.length; i++) latencyEvents[i] = (nodeRecords[i] as TraceRecord).event;
  for (let i = 0; i < annotationRecords.length; i++) latencyEvents[nodeRecords.length + i] = (annotationRecords[i] as TraceRecord).event;
  const ruled = postHogTotalLatency(latencyEvents, traceId);
  const latency = traceReported?.latency != null ? { totalLatency: roundTo(traceReported.latency, 2), rule: "trace-event" as const } : ruled;
  yield;
  const criticalPath = yield* finishTraceTreeSteps(root, latency.totalLatency);
  yield;
  const start = root.extentStartMs;
  const end = root.extentEndMs;
  // The root stands for the trace, so its totals carry the trace's own figures too.
  const totals = root.totals;
  if (traceReported?.cost) {
    totals.totalCost = traceReported.cost.total;
    if (traceReported.cost.input !== null) totals.inputCost = traceReported.cost.input;
    if (traceReported.cost.output !== null) totals.outputCost = traceReported.cost.output;
  }
  if (traceReported?.tokens) {
    totals.inputTokens = traceReported.tokens.input ?? 0;
    totals.outputTokens = traceReported.tokens.output ?? 0;
    totals.totalTokens = finiteSum(totals.inputTokens, totals.outputTokens);
  }
  const coverage = treeUsageCoverage(nodes, traceReported);
  yield;
  return {
    traceId,
    root,
    nodesByKey,
    nodesByEventId,
    metrics: {
      ...totals,
      totalLatency: latency.totalLatency,
      latencyRule: latency.rule,
      coverage,
      wallClockLatency: start !== null && end !== null ? roundTo((end - start) / 1000, 6) : null,
      startMs: start,
      endMs: end,
      eventCount: nodeRecords.length + annotationRecords.length + (rootRecord ? 1 : 0),
      duplicateCount: duplicates.length,
      metricCount,
      feedbackCount: annotationRecords.length - metricCount,
    },
    criticalPath,
    duplicates,
    orphans,
    brokenCycles,
    skippedCount: assembled.skippedCount,
    notes: traceDataNotes(assembled, { orphans, brokenCycles }, (node) => built.noteRecords.get(node)),
  };
}
