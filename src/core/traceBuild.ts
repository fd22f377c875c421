/**
 * `buildTraceTree`: LLMTrace or bare event list → typed tree with metrics and critical path.
 */
import { readString } from "./eventsAccess";
import { assembleTrace, derivedEventKey } from "./traceAssemble";
import { traceRecordName, type TraceRecord } from "./traceEvents";
import { ROOT_PARENT, TraceIdIndex, resolveParents } from "./traceLinking";
import { finishTraceTree } from "./traceFinish";
import { traceDataNotes } from "./traceNotes";
import { emptyNodeMetrics, finiteSum, ownNodeMetrics, postHogTotalLatency, roundTo, totalsFromMetrics } from "./traceMetrics";
import type { BuildTraceTreeOptions, TraceDuplicate, TraceNodeAnnotations, TraceTree, TraceTreeNode } from "./traceTypes";
import { reportedUsage, treeUsageCoverage } from "./traceUsage";

// Shared by every node without annotations (most of them); replaced on first write.
const NO_ANNOTATIONS: TraceNodeAnnotations = Object.freeze({
  metrics: Object.freeze([]),
  feedback: Object.freeze([]),
  evaluations: Object.freeze([]),
});

function createNode(key: string, record: TraceRecord | null, name: string): TraceTreeNode {
  const kind = record ? (record.kind === "metric" || record.kind === "feedback" ? "other" : record.kind) : "trace";
  const metrics = record ? ownNodeMetrics(record.kind, record.properties, record.latency) : emptyNodeMetrics();
  return {
    key,
    kind,
    event: record ? record.event : null,
    name,
    parentKey: null,
    children: [],
    depth: 0,
    startMs: record ? record.startMs : null,
    endMs: record ? record.endMs : null,
    extentStartMs: null,
    extentEndMs: null,
    metrics,
    totals: totalsFromMetrics(kind, metrics),
    annotations: NO_ANNOTATIONS,
    eventKey: record ? record.eventId : null,
    duplicateCount: 0,
    orphan: false,
    cycleBroken: false,
    onCriticalPath: false,
  };
}

function annotate(node: TraceTreeNode, list: keyof TraceNodeAnnotations, record: TraceRecord): void {
  if (node.annotations === NO_ANNOTATIONS) node.annotations = { metrics: [], feedback: [], evaluations: [] };
  (node.annotations[list] as TraceRecord["event"][]).push(record.event);
}

/** Siblings by operation start (untimed last), then longer latency first, then input order. */
function compareSiblings(a: TraceRecord, b: TraceRecord): number {
  const as = a.startMs ?? Number.POSITIVE_INFINITY;
  const bs = b.startMs ?? Number.POSITIVE_INFINITY;
  if (as !== bs) return as < bs ? -1 : 1;
  const al = a.latency ?? -1;
  const bl = b.latency ?? -1;
  if (al !== bl) return bl - al;
  return a.ordinal - b.ordinal;
}

/**
 * Builds the trace tree. Accepts an `LLMTrace`, a list of `LLMTraceEvent`s or raw captured
 * events (`uuid`/`timestamp`); never throws on malformed input.
 *
 * - Node id: `$ai_generation_id`, else `$ai_span_id`, else the event UUID. Parent:
 *   `$ai_parent_id` (evaluations: `$ai_target_event_id`); empty or the trace id → root;
 *   an unknown id → root, flagged `orphan`; cycles are cut at their earliest-starting node.
 * - Duplicates are dropped per the rule in `traceDedupe.ts`; events that reuse an id with other
 *   content are all kept, the later ones selectable as `id#index` (`eventKey`).
 * - `notes` lists what was skipped, merged, kept under a derived key, re-parented or cut from a cycle.
 * - `$ai_metric` / `$ai_feedback` become annotations of their target (or the root);
 *   `$ai_evaluation` becomes an `evaluation` child of its target and is listed in its annotations.
 * - Linear apart from sorting siblings (O(n log n)); no recursion anywhere.
 */
export function buildTraceTree(input: unknown, options: BuildTraceTreeOptions = {}): TraceTree {
  const assembled = assembleTrace(input, options);
  const { traceId, rootRecord, nodeRecords, annotationRecords } = assembled;
  const traceName = readString(assembled.trace?.traceName);
  const root = createNode(traceId ?? "trace", rootRecord, traceName || (rootRecord ? traceRecordName(rootRecord) : "trace"));
  root.kind = "trace";

  const nodesByKey = new Map<string, TraceTreeNode>([[root.key, root]]);
  const nodesByEventId = new Map<string, TraceTreeNode>();
  // An id selects the first kept event that has it; later ones get derived keys below.
  const reused = new Set(assembled.reusedIds.map((r) => r.record));
  if (rootRecord?.eventId && !reused.has(rootRecord)) nodesByEventId.set(rootRecord.eventId, root);
  const nodes: TraceTreeNode[] = nodeRecords.map((record) => {
    const base = record.ownIds[0] ?? record.eventId ?? `#${record.ordinal}`;
    let key = base;
    // Collisions (reused ids that are not duplicates) keep both nodes under distinct keys.
    for (let attempt = 0; nodesByKey.has(key); attempt++) key = `${base}#${record.ordinal}${attempt ? `.${attempt}` : ""}`;
    const node = createNode(key, record, traceRecordName(record));
    nodesByKey.set(key, node);
    if (record.eventId !== null && !reused.has(record) && !nodesByEventId.has(record.eventId)) nodesByEventId.set(record.eventId, node);
    return node;
  });

  if (rootRecord) rootRecord.holder = root;
  nodeRecords.forEach((record, i) => {
    record.holder = nodes[i] as TraceTreeNode;
    record.nodeIndex = i;
  });
  // References to a dropped copy's UUID (e.g. an evaluation's target) resolve to the kept node.
  const aliases: Array<[string, number]> = [];
  for (const { record, original } of assembled.duplicates) {
    record.nodeIndex = original.nodeIndex;
    if (record.eventId !== null && original.nodeIndex !== undefined) aliases.push([record.eventId, original.nodeIndex]);
  }

  const index = new TraceIdIndex(nodeRecords, new Set(traceId === null ? [] : [traceId]), aliases);
  const links = resolveParents(nodeRecords, index);
  const orphans: TraceTreeNode[] = [];
  const brokenCycles: TraceTreeNode[] = [];
  const childIndexes: number[][] = nodes.map(() => []);
  const rootChildren: number[] = [];
  nodes.forEach((node, i) => {
    const parent = links.parents[i] as number;
    (parent === ROOT_PARENT ? rootChildren : (childIndexes[parent] as number[])).push(i);
    if (links.orphan[i]) {
      node.orphan = true;
      orphans.push(node);
    }
    if (links.cycleBroken[i]) {
      node.cycleBroken = true;
      brokenCycles.push(node);
    }
  });

  const byRecord = (a: number, b: number) => compareSiblings(nodeRecords[a] as TraceRecord, nodeRecords[b] as TraceRecord);
  const materialize = (parent: TraceTreeNode, indexes: number[]) => {
    if (indexes.length > 1) indexes.sort(byRecord);
    parent.children = indexes.map((i) => nodes[i] as TraceTreeNode);
    for (const child of parent.children) child.parentKey = parent.key;
  };
  materialize(root, rootChildren);
  nodes.forEach((node, i) => materialize(node, childIndexes[i] as number[]));
  nodes.forEach((node, i) => {
    if (node.kind === "evaluation") annotate(nodesByKey.get(node.parentKey ?? root.key) ?? root, "evaluations", nodeRecords[i] as TraceRecord);
  });

  for (const record of annotationRecords) {
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
  for (const { record } of assembled.reusedIds) {
    const key = derivedEventKey(record.eventId, record.ordinal, true);
    if (key === null || !record.holder) continue;
    if (record.holder.event === record.event) record.holder.eventKey = key;
    nodesByEventId.set(key, record.holder);
  }

  const recordByNode = new Map<TraceTreeNode, TraceRecord>();
  nodeRecords.forEach((record, i) => recordByNode.set(nodes[i] as TraceTreeNode, record));
  // Figures the `$ai_trace` event reports itself are the trace's own (SDK aggregates), not sums.
  const traceReported = rootRecord ? reportedUsage(rootRecord.properties) : null;
  const ruled = postHogTotalLatency([...nodeRecords, ...annotationRecords].map((r) => r.event), traceId);
  const latency = traceReported?.latency != null ? { totalLatency: roundTo(traceReported.latency, 2), rule: "trace-event" as const } : ruled;
  const criticalPath = finishTraceTree(root, latency.totalLatency);
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
  return {
    traceId,
    root,
    nodesByKey,
    nodesByEventId,
    metrics: {
      ...totals,
      totalLatency: latency.totalLatency,
      latencyRule: latency.rule,
      coverage: treeUsageCoverage(nodes, traceReported),
      wallClockLatency: start !== null && end !== null ? roundTo((end - start) / 1000, 6) : null,
      startMs: start,
      endMs: end,
      eventCount: nodeRecords.length + annotationRecords.length + (rootRecord ? 1 : 0),
      duplicateCount: duplicates.length,
      metricCount: annotationRecords.filter((r) => r.kind === "metric").length,
      feedbackCount: annotationRecords.filter((r) => r.kind === "feedback").length,
    },
    criticalPath,
    duplicates,
    orphans,
    brokenCycles,
    skippedCount: assembled.skippedCount,
    notes: traceDataNotes(assembled, { orphans, brokenCycles }, (node) => recordByNode.get(node)),
  };
}
