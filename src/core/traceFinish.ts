/**
 * Second half of `buildTraceTree`: depths, subtree totals, extents, self time and the critical
 * path, computed with explicit stacks.
 */
import { markCriticalPath } from "./traceCriticalPath";
import { addTotals, coveredMs, roundTo, type TimedInterval } from "./traceMetrics";
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

/**
 * Fills `depth`, `totals`, extents, `metrics.selfTime`, root timing and `onCriticalPath`.
 * Self time of a node is its latency minus the union of its children's own intervals (children
 * are already sorted by start); the root uses extents against the wall clock. Evaluations are
 * left out of timing because they run after the work they judge.
 */
export function finishTraceTree(root: TraceTreeNode, totalLatency: number): TraceTreeNode[] {
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
  }

  // Reverse pre-order visits children before their parents.
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i] as TraceTreeNode;
    for (const child of node.children) addTotals(node.totals, child.totals);
    fillExtent(node);
    if (node !== root && node.metrics.latency !== null && node.startMs !== null && node.endMs !== null) {
      const covered = coveredMs(node.startMs, node.endMs, node.children);
      node.metrics.selfTime = roundTo(Math.max(0, node.metrics.latency - covered / 1000), 6);
    }
  }

  root.metrics.latency = totalLatency;
  if (root.extentStartMs !== null && root.extentEndMs !== null) {
    root.startMs = root.extentStartMs;
    root.endMs = root.extentEndMs;
    const intervals: TimedInterval[] = [];
    for (const child of root.children) {
      if (child.kind !== "evaluation") intervals.push({ startMs: child.extentStartMs, endMs: child.extentEndMs });
    }
    intervals.sort((a, b) => (a.startMs ?? Number.POSITIVE_INFINITY) - (b.startMs ?? Number.POSITIVE_INFINITY));
    const covered = coveredMs(root.extentStartMs, root.extentEndMs, intervals);
    root.metrics.selfTime = roundTo(Math.max(0, root.extentEndMs - root.extentStartMs - covered) / 1000, 6);
  }
  return markCriticalPath(root);
}
