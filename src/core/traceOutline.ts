/**
 * `outlineTraceTree`: a provisional tree for a view's first paint of a large trace. Same records, node
 * keys, parent links, cycle cuts and sibling order as `buildTraceTree`, but no dedupe and no figures
 * summed, so it costs little more than reading the events. A view shows it as "still checking" and
 * swaps in the finished tree, which is what every total and data note comes from.
 */
import { readString } from "./eventsAccess";
import type { LLMTraceEvent } from "./eventsTrace";
import { assembleTraceSteps } from "./traceAssemble";
import { NO_ANNOTATIONS } from "./traceBuildFinish";
import { claimNodeKey, linkTraceNodes, type TraceTreeShape } from "./traceBuild";
import { traceRecordName, type TraceRecord } from "./traceEvents";
import { TraceIdIndex } from "./traceLinking";
import { emptyNodeMetrics, ownNodeMetrics, totalsFromMetrics } from "./traceMetrics";
import type { BuildTraceTreeOptions, TraceNodeAnnotations, TraceNodeKind, TraceNodeMetrics, TraceTotals, TraceTreeNode } from "./traceTypes";
import { finishJob } from "./jobSteps";

/**
 * A node of the outline. Its own figures are read from the event when first asked for (a virtual
 * tree asks for the few rows it draws); its totals are its own figures only, not its subtree's.
 */
class OutlineNode implements TraceTreeNode {
  // Declared, not initialised as class fields: plain assignments in the constructor give every node one
  // hidden class, and define-semantics field initialisers cost several times more per node.
  declare key: string;
  declare kind: TraceNodeKind;
  declare name: string;
  declare event: LLMTraceEvent | null;
  declare parentKey: string | null;
  declare children: TraceTreeNode[];
  declare depth: number;
  declare startMs: number | null;
  declare endMs: number | null;
  declare extentStartMs: number | null;
  declare extentEndMs: number | null;
  declare annotations: TraceNodeAnnotations;
  declare eventKey: string | null;
  declare duplicateCount: number;
  declare orphan: boolean;
  declare cycleBroken: boolean;
  declare onCriticalPath: boolean;
  declare private readonly record: TraceRecord | null;
  declare private own: TraceNodeMetrics | null;
  declare private sums: TraceTotals | null;

  constructor(key: string, kind: TraceNodeKind, name: string, record: TraceRecord | null) {
    this.key = key;
    this.kind = kind;
    this.name = name;
    this.event = record ? record.event : null;
    this.parentKey = null;
    this.children = NO_CHILDREN;
    this.depth = 0;
    this.startMs = record ? record.startMs : null;
    this.endMs = record ? record.endMs : null;
    this.extentStartMs = null;
    this.extentEndMs = null;
    this.annotations = NO_ANNOTATIONS;
    this.eventKey = record ? record.eventId : null;
    this.duplicateCount = 0;
    this.orphan = false;
    this.cycleBroken = false;
    this.onCriticalPath = false;
    this.record = record;
    this.own = null;
    this.sums = null;
  }

  get metrics(): TraceNodeMetrics {
    const record = this.record;
    return (this.own ??= record ? ownNodeMetrics(record.kind, record.properties, record.latency) : emptyNodeMetrics());
  }

  get totals(): TraceTotals {
    return (this.sums ??= totalsFromMetrics(this.kind, this.metrics));
  }
}

/** Leaves share one empty list; linking gives a parent a list of its own. */
const NO_CHILDREN = Object.freeze([]) as unknown as TraceTreeNode[];

function nodeKind(record: TraceRecord): TraceNodeKind {
  return record.kind === "metric" || record.kind === "feedback" ? "other" : record.kind;
}

/**
 * The provisional shape of `input`'s tree: every event that is a node, under the parent
 * `buildTraceTree` would give it, in its sibling order. Exact copies are not merged yet (they show as
 * rows of their own, under keys of their own), the root `$ai_trace` event is the first of its trace
 * rather than the earliest, and figures are each node's own. Never throws on malformed input.
 */
export function outlineTraceTree(input: unknown, options: BuildTraceTreeOptions = {}): TraceTreeShape {
  return finishJob(outlineTraceTreeSteps(input, options));
}

/** The outline's root when no `$ai_trace` event describes it. */
export function outlineRootNode(key: string, name: string): TraceTreeNode {
  return new OutlineNode(key, "trace", name, null);
}

/** Yield every this many nodes. */
const STEP = 4096;

/** {@link outlineTraceTree} as a job that yields between chunks of events, for a trace too large to outline in one task. */
export function* outlineTraceTreeSteps(input: unknown, options: BuildTraceTreeOptions = {}): Generator<void, TraceTreeShape, void> {
  const assembled = yield* assembleTraceSteps(input, { ...options, dedupe: false }, false);
  const { traceId, rootRecord, nodeRecords } = assembled;
  const traceName = readString(assembled.trace?.traceName);
  const root = new OutlineNode(traceId ?? "trace", "trace", traceName || (rootRecord ? traceRecordName(rootRecord) : "trace"), rootRecord);
  const nodesByKey = new Map<string, TraceTreeNode>([[root.key, root]]);
  const nodes: TraceTreeNode[] = new Array(nodeRecords.length);
  for (let i = 0; i < nodeRecords.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const record = nodeRecords[i] as TraceRecord;
    const key = claimNodeKey(record, nodesByKey);
    const node = new OutlineNode(key, nodeKind(record), traceRecordName(record), record);
    nodesByKey.set(key, node);
    nodes[i] = node;
  }
  yield;
  const index = new TraceIdIndex(nodeRecords, new Set(traceId === null ? [] : [traceId]));
  linkTraceNodes(root, nodes, nodeRecords, index);
  return { traceId, root, nodesByKey, nodesByEventId: new EventIdIndex(root, nodes) };
}

/**
 * Event id → node, the first node with the id winning (the root first), as `buildTraceTree` gives it.
 * Built on first use: a view asks only once something is selected by id.
 */
export class EventIdIndex implements ReadonlyMap<string, TraceTreeNode> {
  private built: Map<string, TraceTreeNode> | null = null;

  constructor(
    private readonly root: TraceTreeNode,
    private readonly nodes: readonly TraceTreeNode[],
  ) {}

  private map(): Map<string, TraceTreeNode> {
    if (this.built) return this.built;
    const map = new Map<string, TraceTreeNode>();
    for (const node of [this.root, ...this.nodes]) {
      const id = node.event ? node.eventKey : null;
      if (id !== null && !map.has(id)) map.set(id, node);
    }
    return (this.built = map);
  }

  get size(): number {
    return this.map().size;
  }
  get(key: string): TraceTreeNode | undefined {
    return this.map().get(key);
  }
  has(key: string): boolean {
    return this.map().has(key);
  }
  forEach(callback: (value: TraceTreeNode, key: string, map: ReadonlyMap<string, TraceTreeNode>) => void, thisArg?: unknown): void {
    this.map().forEach((value, key) => callback.call(thisArg, value, key, this));
  }
  entries(): MapIterator<[string, TraceTreeNode]> {
    return this.map().entries();
  }
  keys(): MapIterator<string> {
    return this.map().keys();
  }
  values(): MapIterator<TraceTreeNode> {
    return this.map().values();
  }
  [Symbol.iterator](): MapIterator<[string, TraceTreeNode]> {
    return this.map()[Symbol.iterator]();
  }
}
