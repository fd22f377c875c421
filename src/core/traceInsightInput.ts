/**
 * What the insight functions (breakdown, loops, flows, outliers) accept, and the tree walk they
 * share. They take a built `TraceTree` so a view that already holds one pays nothing twice, but an
 * `LLMTrace` or a bare event list works too (built on the spot, never throwing).
 */
import { isPropertyBag } from "./eventsAccess";
import type { LLMTrace } from "./eventsTrace";
import { buildTraceTree } from "./traceBuild";
import type { TraceTree, TraceTreeNode } from "./traceTypes";

/** A built trace tree, an `LLMTrace` (TraceQuery result) or a list of `$ai_*` events. */
export type TraceInsightInput = TraceTree | LLMTrace | readonly unknown[];

function isTraceTree(input: unknown): input is TraceTree {
  return isPropertyBag(input) && input.nodesByKey instanceof Map && isPropertyBag(input.root) && isPropertyBag(input.metrics);
}

/** The tree of `input`: itself when it is one, else `buildTraceTree(input)` (junk gives an empty tree). */
export function asTraceTree(input: TraceInsightInput | unknown): TraceTree {
  return isTraceTree(input) ? input : buildTraceTree(input);
}

/**
 * Every node in pre-order (parents before children, siblings in tree order), root first.
 * Iterative, so 10,000-level chains are fine.
 */
export function traceNodesPreOrder(tree: TraceTree): TraceTreeNode[] {
  const order: TraceTreeNode[] = [];
  const stack: TraceTreeNode[] = [tree.root];
  while (stack.length > 0) {
    const node = stack.pop() as TraceTreeNode;
    order.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as TraceTreeNode);
  }
  return order;
}

/** Children that take part in timing and flows: evaluations judge work, they are not part of it. */
export function workChildren(node: TraceTreeNode): TraceTreeNode[] {
  let all = true;
  for (const child of node.children) if (child.kind === "evaluation") all = false;
  return all ? node.children : node.children.filter((child) => child.kind !== "evaluation");
}

/**
 * Small integer ids for (kind, name) pairs. Keyed by the node's own name string (no string is built
 * per lookup), because a 50,000-node walk that allocates a key per node spends its time collecting them.
 */
export class NodeVocabulary {
  private readonly byKind = new Map<string, Map<string, number>>();
  size = 0;

  id(node: TraceTreeNode): number {
    let names = this.byKind.get(node.kind);
    if (!names) this.byKind.set(node.kind, (names = new Map()));
    let id = names.get(node.name);
    if (id === undefined) names.set(node.name, (id = this.size++));
    return id;
  }
}

/** Where one occurrence lives: enough for a view to select it (`?event=`) in its trace. */
export interface TraceEventRef {
  /** The trace's id (`null` only for events without any trace id). */
  traceId: string | null;
  /** The event UUID (`LLMTraceEvent.id`); `null` for the synthetic root. */
  eventId: string | null;
  /** The tree node that shows it (`TraceTreeNode.key`, unique within its trace). */
  nodeKey: string;
  /** That node's selection id (`TraceTreeNode.eventKey`, what `selectedEventId` takes); `null` when it has none. */
  eventKey: string | null;
}

/** The reference to `node` in `tree`. */
export function traceEventRef(tree: TraceTree, node: TraceTreeNode): TraceEventRef {
  const id = node.event?.id;
  return { traceId: tree.traceId, eventId: typeof id === "string" && id !== "" ? id : null, nodeKey: node.key, eventKey: node.eventKey ?? null };
}

/** Union length (ms) of intervals, each clipped to `[lo, hi]`. Sorts a copy; O(n log n). */
export function unionMs(intervals: ReadonlyArray<readonly [number, number]>, lo = Number.NEGATIVE_INFINITY, hi = Number.POSITIVE_INFINITY): number {
  const clipped: Array<[number, number]> = [];
  for (const [s, e] of intervals) {
    const start = Math.max(s, lo);
    const end = Math.min(e, hi);
    if (end > start) clipped.push([start, end]);
  }
  clipped.sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let runStart = Number.NaN;
  let runEnd = Number.NaN;
  for (const [s, e] of clipped) {
    if (Number.isNaN(runStart) || s > runEnd) {
      if (!Number.isNaN(runStart)) covered += runEnd - runStart;
      runStart = s;
      runEnd = e;
    } else if (e > runEnd) runEnd = e;
  }
  if (!Number.isNaN(runStart)) covered += runEnd - runStart;
  return covered;
}
