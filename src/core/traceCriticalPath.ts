/**
 * Critical path of a trace: the nodes that, end to end, account for the trace's latency.
 *
 * Rule (the classic backwards walk used by distributed-tracing UIs): start at the root with a
 * cursor at its end. Among the children that started before the cursor, the one that finishes
 * last is critical for the stretch up to the cursor; descend into it with the cursor clipped to
 * its end, then move the cursor to that child's start and repeat with the remaining children.
 * Children hidden behind a critical sibling (started after the cursor) are not critical.
 * Evaluations and zero-length nodes never take part. Intervals are node extents
 * (`extentStartMs`/`extentEndMs`), so untimed wrapper spans still lead to timed work.
 */
import type { TraceTreeNode } from "./traceTypes";

interface Pending {
  node: TraceTreeNode;
  cursor: number;
}

interface Candidate {
  node: TraceTreeNode;
  start: number;
  end: number;
}

function candidatesOf(node: TraceTreeNode): Candidate[] {
  const candidates: Candidate[] = [];
  for (const child of node.children) {
    const start = child.extentStartMs;
    const end = child.extentEndMs;
    if (child.kind === "evaluation" || start === null || end === null || end <= start) continue;
    candidates.push({ node: child, start, end });
  }
  // Latest end first; on ties the longer (earlier-starting) child explains more of the stretch.
  candidates.sort((a, b) => b.end - a.end || a.start - b.start);
  return candidates;
}

/**
 * Marks `onCriticalPath` and returns the critical nodes in pre-order (parents first, siblings
 * in time order). The root is always included. Iterative: safe for very deep trees.
 */
export function markCriticalPath(root: TraceTreeNode): TraceTreeNode[] {
  const path: TraceTreeNode[] = [];
  const stack: Pending[] = [{ node: root, cursor: root.extentEndMs ?? Number.POSITIVE_INFINITY }];
  while (stack.length > 0) {
    const { node, cursor } = stack.pop() as Pending;
    node.onCriticalPath = true;
    path.push(node);
    const extentStart = node.extentStartMs;
    const extentEnd = node.extentEndMs;
    if (extentStart === null || extentEnd === null || node.children.length === 0) continue;
    let t = Math.min(cursor, extentEnd);
    const picks: Pending[] = [];
    for (const candidate of candidatesOf(node)) {
      if (t <= extentStart) break;
      if (candidate.start >= t) continue;
      picks.push({ node: candidate.node, cursor: Math.min(candidate.end, t) });
      t = candidate.start;
    }
    // picks run latest-first; pushing them in that order pops the earliest first.
    for (const pick of picks) stack.push(pick);
  }
  return path;
}
