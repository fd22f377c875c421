/**
 * The one pass of `tracesBreakdown` over a tree: which row each node belongs to, and the sums.
 * Walks with an explicit stack and enter/exit frames, so each node is visited once and deep
 * trees are safe.
 */
import { isPropertyBag, readString } from "./eventsAccess";
import type { BreakdownDimension, BreakdownOccurrence } from "./traceBreakdownTypes";
import { traceEventRef, unionMs } from "./traceInsightInput";
import { traceToolCalls } from "./traceToolCalls";
import type { TraceTree, TraceTreeNode } from "./traceTypes";

/** Running sums of one row, the rest or the whole. */
export interface FiguresAcc {
  count: number;
  errorCount: number;
  cost: number;
  usageEvents: number;
  costReported: number;
  tokensReported: number;
  costMissing: string[];
  tokensMissing: string[];
  inputTokens: number;
  outputTokens: number;
  latency: number;
  latencyTimed: boolean;
  wallSeconds: number;
  wallTimed: boolean;
  selfTime: number;
  selfTimed: boolean;
}

export interface RowAcc extends FiguresAcc {
  key: string | null;
  provider: string | null;
  requestedCalls: number;
  traceCount: number;
  /** Index of the last trace that touched the row (counts traces once each). */
  lastTrace: number;
  slowest: BreakdownOccurrence | null;
  mostExpensive: BreakdownOccurrence | null;
  /** Extents of this trace's outermost occurrences, folded into `wallSeconds` per trace. */
  intervals: Array<[number, number]>;
}

export function newFigures(): FiguresAcc {
  return {
    count: 0,
    errorCount: 0,
    cost: 0,
    usageEvents: 0,
    costReported: 0,
    tokensReported: 0,
    costMissing: [],
    tokensMissing: [],
    inputTokens: 0,
    outputTokens: 0,
    latency: 0,
    latencyTimed: false,
    wallSeconds: 0,
    wallTimed: false,
    selfTime: 0,
    selfTimed: false,
  };
}

/** Accumulated state across the traces of one breakdown. */
export interface BreakdownState {
  dimension: BreakdownDimension;
  rows: Map<string, RowAcc>;
  rest: FiguresAcc;
  total: FiguresAcc;
  traceCount: number;
}

function properties(node: TraceTreeNode): Record<string, unknown> {
  const p = node.event?.properties;
  return isPropertyBag(p) ? p : {};
}

function addUsage(into: FiguresAcc, node: TraceTreeNode): void {
  const m = node.metrics;
  into.usageEvents++;
  if (m.costReported) {
    into.cost += m.totalCost;
    into.costReported++;
  } else if (into.costMissing.length < 10) into.costMissing.push(node.name.slice(0, 60));
  if (m.tokensReported) {
    into.inputTokens += m.inputTokens;
    into.outputTokens += m.outputTokens;
    into.tokensReported++;
  } else if (into.tokensMissing.length < 10) into.tokensMissing.push(node.name.slice(0, 60));
}

function addSelf(into: FiguresAcc, node: TraceTreeNode): void {
  const self = node.metrics.selfTime;
  if (self === null) return;
  into.selfTime += self;
  into.selfTimed = true;
}

function rowOf(state: BreakdownState, mapKey: string, key: string | null, traceIndex: number): RowAcc {
  let row = state.rows.get(mapKey);
  if (!row) {
    row = { ...newFigures(), key, provider: null, requestedCalls: 0, traceCount: 0, lastTrace: -1, slowest: null, mostExpensive: null, intervals: [] };
    state.rows.set(mapKey, row);
  }
  if (row.lastTrace !== traceIndex) {
    row.lastTrace = traceIndex;
    row.traceCount++;
  }
  return row;
}

/** `[mapKey, key]` of the node's row, or null when it belongs to none. */
function keyOf(node: TraceTreeNode, dimension: BreakdownDimension, toolKeys: ReadonlySet<string> | null): [string, string | null] | null {
  switch (dimension) {
    case "tool":
      return toolKeys?.has(node.key) ? [`k:${node.name}`, node.name] : null;
    case "span":
      return node.kind === "span" ? [`k:${node.name}`, node.name] : null;
    case "model": {
      if (node.kind !== "generation" && node.kind !== "embedding") return null;
      const model = readString(properties(node).$ai_model);
      return model ? [`k:${model}`, model] : ["none", null];
    }
  }
}

function noteOccurrence(row: RowAcc, tree: TraceTree, node: TraceTreeNode): void {
  const latency = node.metrics.latency;
  if (latency !== null && (row.slowest === null || latency > row.slowest.value)) row.slowest = { ...traceEventRef(tree, node), value: latency };
  const totals = node.totals;
  if (totals.costReportedCount > 0 && (row.mostExpensive === null || totals.totalCost > row.mostExpensive.value)) {
    row.mostExpensive = { ...traceEventRef(tree, node), value: totals.totalCost };
  }
}

/** Leaving a row node: which of its nesting counters it had raised. */
type Frame = { node: TraceTreeNode; owner: FiguresAcc | null } | { exitKey: string; timed: boolean; extent: boolean };

function bump(counts: Map<string, number>, key: string, by: number): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

/** Adds one tree to the breakdown state. */
export function accumulateTree(state: BreakdownState, tree: TraceTree): void {
  const traceIndex = state.traceCount++;
  const tools = state.dimension === "tool" ? traceToolCalls(tree) : null;
  const touched = new Set<RowAcc>();
  // Open occurrences per row with a latency / with an extent: a nested one is inside their time already.
  const timedOpen = new Map<string, number>();
  const extentOpen = new Map<string, number>();
  const { rest, total } = state;
  const stack: Frame[] = [{ node: tree.root, owner: null }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if ("exitKey" in frame) {
      if (frame.timed) bump(timedOpen, frame.exitKey, -1);
      if (frame.extent) bump(extentOpen, frame.exitKey, -1);
      continue;
    }
    const { node } = frame;
    if (node.kind === "evaluation") continue;
    const isRoot = node === tree.root;
    const keyed = isRoot ? null : keyOf(node, state.dimension, tools?.toolNodeKeys ?? null);
    let owner = frame.owner;
    if (keyed) {
      const [mapKey, key] = keyed;
      const row = rowOf(state, mapKey, key, traceIndex);
      touched.add(row);
      owner = row;
      row.count++;
      row.errorCount += node.metrics.errorCount;
      addSelf(row, node);
      if (state.dimension === "model" && row.provider === null) row.provider = readString(properties(node).$ai_provider) || null;
      noteOccurrence(row, tree, node);
      const timed = node.metrics.latency !== null;
      const extent = node.extentStartMs !== null && node.extentEndMs !== null;
      if (timed && (timedOpen.get(mapKey) ?? 0) === 0) {
        row.latency += node.metrics.latency as number;
        row.latencyTimed = true;
      }
      if (extent && (extentOpen.get(mapKey) ?? 0) === 0) row.intervals.push([node.extentStartMs as number, node.extentEndMs as number]);
      if (timed) bump(timedOpen, mapKey, 1);
      if (extent) bump(extentOpen, mapKey, 1);
      stack.push({ exitKey: mapKey, timed, extent });
    } else {
      if (!isRoot) rest.count++;
      rest.errorCount += node.metrics.errorCount;
      addSelf(rest, node);
    }
    if (!isRoot) total.count++;
    total.errorCount += node.metrics.errorCount;
    addSelf(total, node);
    if (node.kind === "generation" || node.kind === "embedding") {
      addUsage(owner ?? rest, node);
      addUsage(total, node);
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as TraceTreeNode, owner });
  }

  if (tools) {
    for (const request of tools.requests) {
      const row = rowOf(state, `k:${request.name}`, request.name, traceIndex);
      row.requestedCalls++;
      touched.add(row);
    }
  }
  const lo = tree.root.extentStartMs ?? Number.NEGATIVE_INFINITY;
  const hi = tree.root.extentEndMs ?? Number.POSITIVE_INFINITY;
  for (const row of touched) {
    if (row.intervals.length === 0) continue;
    row.wallSeconds += unionMs(row.intervals, lo, hi) / 1000;
    row.wallTimed = true;
    row.intervals = [];
  }
  total.latency += tree.metrics.totalLatency;
  total.latencyTimed = true;
  // Unrounded (the tree rounds `wallClockLatency`), so no row's union can exceed it.
  if (tree.root.extentStartMs !== null && tree.root.extentEndMs !== null) {
    total.wallSeconds += (tree.root.extentEndMs - tree.root.extentStartMs) / 1000;
    total.wallTimed = true;
  }
}
