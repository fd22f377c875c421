/**
 * Shared parts of loop detection: a pre-order index of the tree (ancestor tests in O(1)), the
 * figures a set of events took, how a series of repeats ended, and whether repeats ran in
 * sequence or side by side.
 */
import { formatLatency } from "./format";
import { traceEventRef, traceNodesPreOrder, unionMs } from "./traceInsightInput";
import type { TraceLoopEvent, TraceLoopFigures, TraceLoopPattern } from "./traceLoopsTypes";
import type { TraceTree, TraceTreeNode } from "./traceTypes";
import { describeCost } from "./traceUsage";

/** Pre-order positions: `a` is an ancestor of `b` iff `pre(a) < pre(b) <= last(a)`. */
export interface TreeIndex {
  tree: TraceTree;
  order: TraceTreeNode[];
  pre: Map<TraceTreeNode, number>;
  /** Pre-order position of the last node in each subtree. */
  last: Map<TraceTreeNode, number>;
}

export function indexTree(tree: TraceTree): TreeIndex {
  const order = traceNodesPreOrder(tree);
  const pre = new Map<TraceTreeNode, number>();
  order.forEach((node, i) => pre.set(node, i));
  const size = new Map<TraceTreeNode, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i] as TraceTreeNode;
    let s = 1;
    for (const child of node.children) s += size.get(child) ?? 0;
    size.set(node, s);
  }
  const last = new Map<TraceTreeNode, number>();
  order.forEach((node, i) => last.set(node, i + (size.get(node) ?? 1) - 1));
  return { tree, order, pre, last };
}

/** The distinct nodes of `nodes` that no other of them contains, in pre-order. */
export function outermostNodes(index: TreeIndex, nodes: Iterable<TraceTreeNode>): TraceTreeNode[] {
  const sorted = [...new Set(nodes)].sort((a, b) => (index.pre.get(a) ?? 0) - (index.pre.get(b) ?? 0));
  const kept: TraceTreeNode[] = [];
  let coverEnd = -1;
  for (const node of sorted) {
    const p = index.pre.get(node) ?? 0;
    if (p <= coverEnd) continue;
    kept.push(node);
    coverEnd = index.last.get(node) ?? p;
  }
  return kept;
}

/** Key of the closest node strictly containing all of `nodes` (the root's key when nothing lower does). */
export function commonParentKey(index: TreeIndex, nodes: readonly TraceTreeNode[]): string {
  const root = index.tree.root;
  if (nodes.length === 0) return root.key;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const node of nodes) {
    const p = index.pre.get(node) ?? 0;
    lo = Math.min(lo, p);
    hi = Math.max(hi, p);
  }
  let candidate = index.tree.nodesByKey.get((index.order[lo] as TraceTreeNode).parentKey ?? "") ?? null;
  // Walk up from the earliest node's parent until its subtree reaches the latest node.
  while (candidate && candidate !== root && (index.last.get(candidate) ?? -1) < hi) {
    candidate = index.tree.nodesByKey.get(candidate.parentKey ?? "") ?? null;
  }
  return candidate ? candidate.key : root.key;
}

/** What the subtrees of `nodes` took, each counted once. */
export function loopFigures(index: TreeIndex, nodes: Iterable<TraceTreeNode>): TraceLoopFigures {
  const outer = outermostNodes(index, nodes);
  let cost = 0;
  let usageEvents = 0;
  let costReported = 0;
  let tokensReported = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let latency = 0;
  let timed = false;
  let errorCount = 0;
  const intervals: Array<[number, number]> = [];
  for (const node of outer) {
    const t = node.totals;
    usageEvents += t.generationCount + t.embeddingCount;
    costReported += t.costReportedCount;
    tokensReported += t.tokensReportedCount;
    cost += t.totalCost;
    inputTokens += t.inputTokens;
    outputTokens += t.outputTokens;
    errorCount += t.errorCount;
    if (node.metrics.latency !== null) {
      latency += node.metrics.latency;
      timed = true;
    }
    if (node.extentStartMs !== null && node.extentEndMs !== null) intervals.push([node.extentStartMs, node.extentEndMs]);
  }
  const tokens = tokensReported > 0;
  return {
    cost: costReported > 0 ? cost : null,
    coverage: { usageEvents, costReported, tokensReported, costFromTrace: false, tokensFromTrace: false, costMissingNames: [], tokensMissingNames: [] },
    inputTokens: tokens ? inputTokens : null,
    outputTokens: tokens ? outputTokens : null,
    totalTokens: tokens ? inputTokens + outputTokens : null,
    latency: timed ? latency : null,
    wallTime: intervals.length > 0 ? unionMs(intervals) / 1000 : null,
    errorCount,
  };
}

/** How a series ended, from each repeat's own error flag in time order. */
export function loopPattern(errored: readonly boolean[]): TraceLoopPattern {
  if (errored.length === 0 || !errored.some(Boolean)) return "loop";
  if (errored.every(Boolean)) return "failing";
  const firstOk = errored.indexOf(false);
  // Errors then successes only (e.g. fail, fail, ok): a retry that got through.
  return errored.slice(firstOk).every((e) => !e) ? "retry" : "loop";
}

/** Time span of a repeat (a block of nodes); null ends when untimed. */
export interface RepeatSpan {
  start: number | null;
  end: number | null;
}

export function repeatSpan(nodes: readonly TraceTreeNode[]): RepeatSpan {
  let start: number | null = null;
  let end: number | null = null;
  for (const node of nodes) {
    if (node.extentStartMs === null || node.extentEndMs === null) continue;
    if (start === null || node.extentStartMs < start) start = node.extentStartMs;
    if (end === null || node.extentEndMs > end) end = node.extentEndMs;
  }
  return { start, end };
}

/**
 * Whether repeat `b` follows repeat `a` rather than running beside it: they overlap by less than
 * half of the shorter one (SDK timestamps and rounded latencies make exact boundaries overlap a
 * little). Untimed repeats count as in sequence.
 */
export function inSequence(a: RepeatSpan, b: RepeatSpan): boolean {
  if (a.start === null || a.end === null || b.start === null || b.end === null) return true;
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (overlap <= 0) return true;
  const shorter = Math.min(a.end - a.start, b.end - b.start);
  return overlap < shorter / 2;
}

export function loopEvents(index: TreeIndex, repeats: ReadonlyArray<readonly TraceTreeNode[]>): TraceLoopEvent[] {
  const events: TraceLoopEvent[] = [];
  repeats.forEach((nodes, iteration) => {
    for (const node of nodes) events.push({ ...traceEventRef(index.tree, node), iteration, errored: node.metrics.errorCount > 0 });
  });
  return events;
}

/** " (12.40 s, ≥ $0.0123)": what the loop took, for descriptions. */
export function figuresPhrase(figures: TraceLoopFigures, locale?: string): string {
  const parts: string[] = [];
  if (figures.latency !== null) parts.push(formatLatency(figures.latency, { locale }));
  if (figures.coverage.usageEvents === 0) parts.push("no LLM cost inside");
  else {
    const cost = describeCost(figures.cost, figures.coverage, locale);
    parts.push(cost.status === "unknown" ? "cost not reported" : cost.text);
  }
  return ` (${parts.join(", ")})`;
}
