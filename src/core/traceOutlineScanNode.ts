/**
 * The nodes and key map of `scanTraceOutline`: thin views over its columns. A node is created per
 * event (the rows hold one), but carries only its index and key; what a row draws (name, figures,
 * children) is read from the columns or the event when first asked for, so a 10,000-event outline
 * does not pay for 10,000 fully filled nodes before its first paint.
 */
import type { LLMTraceEvent } from "./eventsTrace";
import { NO_ANNOTATIONS } from "./traceBuildFinish";
import { traceRecordName } from "./traceEvents";
import { ownNodeMetrics, totalsFromMetrics } from "./traceMetrics";
import type { TraceNodeAnnotations, TraceNodeKind, TraceNodeMetrics, TraceTotals, TraceTreeNode } from "./traceTypes";

/** What the scan read, one entry per node event (input order), the parent links resolved. */
export interface TraceOutlineColumns {
  events: LLMTraceEvent[];
  kinds: TraceNodeKind[];
  eventIds: Array<string | null>;
  /** Start in ms; +Infinity when untimed (what sibling order uses for it). */
  startMs: Float64Array;
  /** End in ms; NaN when untimed. */
  endMs: Float64Array;
  /** Seconds; -1 when there is none (what sibling order uses for it). */
  latency: Float64Array;
  /** Parent's index, -1 for the root. */
  parents: Int32Array;
  orphan: Uint8Array;
  cycleBroken: Uint8Array;
  /** Children of node j (the root is j = count) are `children[childStart[j] .. childStart[j + 1])`, in sibling order. */
  childStart: Int32Array;
  children: Int32Array;
  keys: string[];
  nodes: TraceTreeNode[];
  root: TraceTreeNode;
}

/** Leaves share one empty list. */
const NO_CHILDREN = Object.freeze([]) as unknown as TraceTreeNode[];

function childrenOf(columns: TraceOutlineColumns, slot: number): TraceTreeNode[] {
  const from = columns.childStart[slot] as number;
  const to = columns.childStart[slot + 1] as number;
  if (from === to) return NO_CHILDREN;
  const list: TraceTreeNode[] = new Array(to - from);
  for (let c = from; c < to; c++) list[c - from] = columns.nodes[columns.children[c] as number] as TraceTreeNode;
  return list;
}

/**
 * A node of the scanned outline: same facts as `outlineTraceTree`'s (own figures only, depth 0, no
 * annotations, nothing merged), read from the columns. Read-only: nothing writes to an outline.
 */
export class ScanNode implements TraceTreeNode {
  declare readonly key: string;
  declare private readonly columns: TraceOutlineColumns;
  declare private readonly index: number;
  declare private kids: TraceTreeNode[] | null;
  declare private own: TraceNodeMetrics | null;
  declare private sums: TraceTotals | null;

  constructor(columns: TraceOutlineColumns, index: number, key: string) {
    this.key = key;
    this.columns = columns;
    this.index = index;
    this.kids = null;
    this.own = null;
    this.sums = null;
  }

  get kind(): TraceNodeKind {
    return this.columns.kinds[this.index] as TraceNodeKind;
  }
  get event(): LLMTraceEvent {
    return this.columns.events[this.index] as LLMTraceEvent;
  }
  get name(): string {
    const event = this.event;
    return traceRecordName({ kind: this.kind, properties: event.properties, event });
  }
  get parentKey(): string {
    const parent = this.columns.parents[this.index] as number;
    return parent < 0 ? this.columns.root.key : (this.columns.keys[parent] as string);
  }
  get children(): TraceTreeNode[] {
    return (this.kids ??= childrenOf(this.columns, this.index));
  }
  get depth(): number {
    return 0;
  }
  get startMs(): number | null {
    const value = this.columns.startMs[this.index] as number;
    return value === Infinity ? null : value;
  }
  get endMs(): number | null {
    const value = this.columns.endMs[this.index] as number;
    return Number.isNaN(value) ? null : value;
  }
  get extentStartMs(): null {
    return null;
  }
  get extentEndMs(): null {
    return null;
  }
  get annotations(): TraceNodeAnnotations {
    return NO_ANNOTATIONS;
  }
  get eventKey(): string | null {
    return this.columns.eventIds[this.index] as string | null;
  }
  get duplicateCount(): number {
    return 0;
  }
  get orphan(): boolean {
    return this.columns.orphan[this.index] === 1;
  }
  get cycleBroken(): boolean {
    return this.columns.cycleBroken[this.index] === 1;
  }
  get onCriticalPath(): boolean {
    return false;
  }
  get metrics(): TraceNodeMetrics {
    const latency = this.columns.latency[this.index] as number;
    return (this.own ??= ownNodeMetrics(this.kind, this.event.properties, latency < 0 ? null : latency));
  }
  get totals(): TraceTotals {
    return (this.sums ??= totalsFromMetrics(this.kind, this.metrics));
  }
}

/** The root's children, for the root node's own list. */
export function rootChildrenOf(columns: TraceOutlineColumns): TraceTreeNode[] {
  return childrenOf(columns, columns.nodes.length);
}

/** Key → node over the scan's key map (the root under index -1), without a second map of nodes. */
export class ScanKeyIndex implements ReadonlyMap<string, TraceTreeNode> {
  constructor(
    private readonly indexByKey: ReadonlyMap<string, number>,
    private readonly columns: TraceOutlineColumns,
  ) {}

  private node(index: number): TraceTreeNode {
    return index < 0 ? this.columns.root : (this.columns.nodes[index] as TraceTreeNode);
  }
  get size(): number {
    return this.indexByKey.size;
  }
  get(key: string): TraceTreeNode | undefined {
    const index = this.indexByKey.get(key);
    return index === undefined ? undefined : this.node(index);
  }
  has(key: string): boolean {
    return this.indexByKey.has(key);
  }
  forEach(callback: (value: TraceTreeNode, key: string, map: ReadonlyMap<string, TraceTreeNode>) => void, thisArg?: unknown): void {
    this.indexByKey.forEach((index, key) => callback.call(thisArg, this.node(index), key, this));
  }
  *entries(): MapIterator<[string, TraceTreeNode]> {
    for (const [key, index] of this.indexByKey) yield [key, this.node(index)];
  }
  keys(): MapIterator<string> {
    return this.indexByKey.keys();
  }
  *values(): MapIterator<TraceTreeNode> {
    for (const index of this.indexByKey.values()) yield this.node(index);
  }
  [Symbol.iterator](): MapIterator<[string, TraceTreeNode]> {
    return this.entries();
  }
}
