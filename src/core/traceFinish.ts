/**
 * Second half of `buildTraceTree`: depths, subtree totals, extents, self time and the critical
 * path, computed with explicit stacks.
 */
import { markCriticalPath } from "./traceCriticalPath";
import { addTotals } from "./traceMetrics";
import { nodeSelfTime } from "./traceTimes";
import type { TraceTreeNode } from "./traceTypes";

/** Widens `node`'s extent by its own interval and its children's extents (children first). */
function fillExtent(node: TraceTreeNode): void {
  let start = node.startMs;
  let end = node.endMs;
  for (const child of node.children) {
    if (child.kind === "evaluation" || child.extentStartMs === null || child.extentEndMs === null) continue;
    if (start === null || child.extentStartMs < start) start = child.extentStartMs;
    if (end === null || child.extentEndMs > end) end = child.extentEndMs;
  }
  const timed = start !== null && end !== null && node.kind !== "evaluation";
  node.extentStartMs = timed ? start : null;
  node.extentEndMs = timed ? end : null;
}

/** Yield to the caller every this many nodes, so a runner can spread a large tree over several tasks. */
const STEP = 4096;

/**
 * Fills `depth`, `totals`, extents, `metrics.selfTime`, root timing and `onCriticalPath`.
 * Self time is `nodeSelfTime` (traceTimes.ts): the part of a node's interval its children's spans do
 * not cover; for the root, the idle time. Evaluations are left out of timing because they run after
 * the work they judge. A generator that yields between chunks of nodes (see `buildTraceTree`).
 */
export function* finishTraceTreeSteps(root: TraceTreeNode, totalLatency: number): Generator<void, TraceTreeNode[], void> {
  const order: TraceTreeNode[] = [];
  const stack: TraceTreeNode[] = [root];
  root.depth = 0;
  while (stack.length > 0) {
    const node = stack.pop() as TraceTreeNode;
    order.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i] as TraceTreeNode;
      child.depth = node.depth + 1;
      stack.push(child);
    }
    if (order.length % STEP === 0) yield;
  }

  // Reverse pre-order visits children before their parents.
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i] as TraceTreeNode;
    for (const child of node.children) addTotals(node.totals, child.totals);
    fillExtent(node);
    if (node !== root) node.metrics.selfTime = nodeSelfTime(node, false);
    if (i % STEP === 0) yield;
  }

  root.metrics.latency = totalLatency;
  if (root.extentStartMs !== null && root.extentEndMs !== null) {
    root.startMs = root.extentStartMs;
    root.endMs = root.extentEndMs;
    root.metrics.selfTime = nodeSelfTime(root, true);
  }
  // The critical path walks the whole tree again: a slice of its own for a large trace.
  yield;
  return markCriticalPath(root);
}
