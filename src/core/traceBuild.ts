/**
 * `buildTraceTree`: LLMTrace or bare event list → typed tree with metrics and critical path; its first
 * stage (the shape) here, the rest in traceBuildFinish.ts.
 */
import { readString } from "./eventsAccess";
import { assembleTraceSteps } from "./traceAssemble";
import { traceRecordName, type TraceRecord } from "./traceEvents";
import { ROOT_PARENT, TraceIdIndex, resolveParents } from "./traceLinking";
import { NO_ANNOTATIONS, finishTraceTreeBuild, type BuiltShape } from "./traceBuildFinish";
import { emptyNodeMetrics, ownNodeMetrics, totalsFromMetrics } from "./traceMetrics";
import type { BuildTraceTreeOptions, TraceTree, TraceTreeNode } from "./traceTypes";
import { finishJob } from "./jobSteps";

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

/**
 * A node's key: its first own id, else its event id, else its place in the input. Collisions (reused ids
 * that are not duplicates) keep both nodes under distinct keys. The tree and its outline share it, so a
 * row keeps its key when the checked tree replaces the outline.
 */
export function claimNodeKey(record: TraceRecord, nodesByKey: ReadonlyMap<string, unknown>): string {
  const base = record.ownIds[0] ?? record.eventId ?? `#${record.ordinal}`;
  let key = base;
  for (let attempt = 0; nodesByKey.has(key); attempt++) key = `${base}#${record.ordinal}${attempt ? `.${attempt}` : ""}`;
  return key;
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

/** What linking found: nodes hung under the root for a missing parent or a cut cycle, with their records. */
export interface TraceNodeLinks {
  orphans: TraceTreeNode[];
  brokenCycles: TraceTreeNode[];
  noteRecords: Map<TraceTreeNode, TraceRecord>;
}

/**
 * Resolves the parents of `nodes` (one per record of `nodeRecords`, same order) and writes each node's
 * `parentKey` and `children` in sibling order; orphans and nodes cut from a cycle go under `root`.
 */
export function linkTraceNodes(root: TraceTreeNode, nodes: readonly TraceTreeNode[], nodeRecords: readonly TraceRecord[], index: TraceIdIndex): TraceNodeLinks {
  const links = resolveParents(nodeRecords, index);
  const orphans: TraceTreeNode[] = [];
  const brokenCycles: TraceTreeNode[] = [];
  const noteRecords = new Map<TraceTreeNode, TraceRecord>();
  const childIndexes: Array<number[] | undefined> = new Array(nodes.length);
  const rootChildren: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as TraceTreeNode;
    const parent = links.parents[i] as number;
    if (parent === ROOT_PARENT) rootChildren.push(i);
    else (childIndexes[parent] ??= []).push(i);
    if (links.orphan[i]) {
      node.orphan = true;
      orphans.push(node);
      noteRecords.set(node, nodeRecords[i] as TraceRecord);
    }
    if (links.cycleBroken[i]) {
      node.cycleBroken = true;
      brokenCycles.push(node);
      noteRecords.set(node, nodeRecords[i] as TraceRecord);
    }
  }

  const byRecord = (a: number, b: number) => compareSiblings(nodeRecords[a] as TraceRecord, nodeRecords[b] as TraceRecord);
  const materialize = (parent: TraceTreeNode, indexes: number[] | undefined) => {
    if (!indexes) return;
    if (indexes.length > 1) indexes.sort(byRecord);
    const children: TraceTreeNode[] = new Array(indexes.length);
    for (let c = 0; c < indexes.length; c++) {
      const child = nodes[indexes[c] as number] as TraceTreeNode;
      child.parentKey = parent.key;
      children[c] = child;
    }
    parent.children = children;
  };
  materialize(root, rootChildren);
  for (let i = 0; i < nodes.length; i++) materialize(nodes[i] as TraceTreeNode, childIndexes[i]);
  return { orphans, brokenCycles, noteRecords };
}

/** The tree's structure, before its figures are summed: what a tree view needs to draw its rows. */
export interface TraceTreeShape {
  traceId: string | null;
  root: TraceTreeNode;
  nodesByKey: ReadonlyMap<string, TraceTreeNode>;
  /** Filled in as the build goes on: annotations and dropped copies join it when the tree is finished. */
  nodesByEventId: ReadonlyMap<string, TraceTreeNode>;
}

/** A tree under construction: its shape now, the finished tree from `finish` (a step-wise job). */
export interface TraceTreeBuild {
  /**
   * Nodes, keys, parents and children in their final order, with each node's own figures. Not yet
   * there: subtree totals, extents, self times, depths, the critical path, annotations and notes.
   */
  shape: TraceTreeShape;
  /** Finishes the same nodes into the tree `buildTraceTree` returns, yielding between chunks of work. */
  finish: Generator<void, TraceTree, void>;
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
  return finishJob(startTraceTree(input, options).finish);
}

/**
 * `buildTraceTree` in two stages, for views of large traces: the shape at once (records, dedupe,
 * parents, cycles, sibling order), the rest as a job a caller can run in slices after a first paint.
 * Running `finish` to the end gives exactly what `buildTraceTree` returns.
 */
export function startTraceTree(input: unknown, options: BuildTraceTreeOptions = {}): TraceTreeBuild {
  return finishJob(startTraceTreeSteps(input, options));
}

/** Yield every this many nodes. */
const STEP = 4096;

/** {@link startTraceTree} as a job that yields between chunks of events, for a view that builds after its first paint. */
export function* startTraceTreeSteps(input: unknown, options: BuildTraceTreeOptions = {}): Generator<void, TraceTreeBuild, void> {
  const assembled = yield* assembleTraceSteps(input, options);
  const { traceId, rootRecord, nodeRecords } = assembled;
  const traceName = readString(assembled.trace?.traceName);
  const root = createNode(traceId ?? "trace", rootRecord, traceName || (rootRecord ? traceRecordName(rootRecord) : "trace"));
  root.kind = "trace";

  const nodesByKey = new Map<string, TraceTreeNode>([[root.key, root]]);
  const nodesByEventId = new Map<string, TraceTreeNode>();
  // An id selects the first kept event that has it; later ones get derived keys below.
  const reused = new Set(assembled.reusedIds.map((r) => r.record));
  if (rootRecord?.eventId && !reused.has(rootRecord)) nodesByEventId.set(rootRecord.eventId, root);
  const nodes: TraceTreeNode[] = new Array(nodeRecords.length);
  for (let i = 0; i < nodeRecords.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const record = nodeRecords[i] as TraceRecord;
    const key = claimNodeKey(record, nodesByKey);
    const node = createNode(key, record, traceRecordName(record));
    nodesByKey.set(key, node);
    // A record that is not reused is the first kept one with its id, so no node holds the id yet.
    if (record.eventId !== null && !reused.has(record)) nodesByEventId.set(record.eventId, node);
    nodes[i] = node;
    record.holder = node;
    record.nodeIndex = i;
  }

  if (rootRecord) rootRecord.holder = root;
  // References to a dropped copy's UUID (e.g. an evaluation's target) resolve to the kept node.
  const aliases: Array<[string, number]> = [];
  for (const { record, original } of assembled.duplicates) {
    record.nodeIndex = original.nodeIndex;
    if (record.eventId !== null && original.nodeIndex !== undefined) aliases.push([record.eventId, original.nodeIndex]);
  }

  yield;
  const index = new TraceIdIndex(nodeRecords, new Set(traceId === null ? [] : [traceId]), aliases);
  const { orphans, brokenCycles, noteRecords } = linkTraceNodes(root, nodes, nodeRecords, index);

  const built: BuiltShape = { assembled, root, nodes, nodesByKey, nodesByEventId, index, orphans, brokenCycles, noteRecords };
  return { shape: { traceId, root, nodesByKey, nodesByEventId }, finish: finishTraceTreeBuild(built) };
}
