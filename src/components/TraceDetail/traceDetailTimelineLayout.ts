/**
 * Flame-chart layout of a trace tree (PostHog's rule): every node sits one lane below its parent,
 * and a sibling that overlaps an earlier sibling's subtree in time goes below that whole subtree.
 * Iterative, so 10,000 spans or a chain 50,000 deep lay out without recursion.
 */
import type { TraceTree, TraceTreeNode } from "../../core/trace";

export interface TimelineBar {
  node: TraceTreeNode;
  lane: number;
  startMs: number;
  endMs: number;
}

export interface TimelineTick {
  ms: number;
  label: string;
}

export interface TimelineLayout {
  /** Bars per lane, each lane sorted by start. */
  lanes: TimelineBar[][];
  /** Every bar, by node key. */
  byKey: ReadonlyMap<string, TimelineBar>;
  startMs: number;
  endMs: number;
  durationMs: number;
  /** Nodes left out because nothing in their subtree is timed. */
  untimedCount: number;
  ticks: TimelineTick[];
}

function interval(node: TraceTreeNode): [number, number] | null {
  if (node.startMs !== null && node.endMs !== null) return [node.startMs, Math.max(node.startMs, node.endMs)];
  if (node.extentStartMs !== null && node.extentEndMs !== null) return [node.extentStartMs, Math.max(node.extentStartMs, node.extentEndMs)];
  return null;
}

function extent(node: TraceTreeNode): [number, number] {
  const own = interval(node) as [number, number];
  const start = node.extentStartMs ?? own[0];
  const end = node.extentEndMs ?? own[1];
  return [Math.min(start, own[0]), Math.max(end, own[1])];
}

interface Frame {
  node: TraceTreeNode;
  lane: number;
  bottom: number;
  children: TraceTreeNode[];
  next: number;
  active: Array<{ end: number; bottom: number }>;
}

const STEPS_MS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000];

export function formatTick(ms: number): string {
  if (ms === 0) return "0";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${+(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${+(ms / 60_000).toFixed(1)} m`;
  const hours = ms / 3_600_000;
  // Absurd latencies (1e308 s) make absurd axes; keep the labels short.
  return hours >= 1e6 ? `${hours.toExponential(1)} h` : `${+hours.toFixed(1)} h`;
}

// One layout per tree: a large trace's is worked out in a background task before the timeline is drawn.
const layouts = new WeakMap<TraceTree, TimelineLayout>();

/** {@link layoutTimeline}, computed once per tree. */
export function timelineLayoutOf(tree: TraceTree): TimelineLayout {
  let layout = layouts.get(tree);
  if (!layout) {
    layout = layoutTimeline(tree);
    layouts.set(tree, layout);
  }
  return layout;
}

/** Clock-friendly ticks (1, 2, 5 ms … 30 s, 1 m …), at most `max` of them including 0. */
export function timelineTicks(durationMs: number, max = 6): TimelineTick[] {
  if (!(durationMs > 0) || !Number.isFinite(durationMs)) return [{ ms: 0, label: "0" }];
  const step = STEPS_MS.find((s) => durationMs / s <= max - 1) ?? Math.ceil(durationMs / (max - 1));
  const ticks: TimelineTick[] = [];
  // By count, not by adding the step: at 1e300 ms, `ms += step` stops changing `ms`.
  for (let i = 0; i <= max && i * step <= durationMs + 1e-9; i++) ticks.push({ ms: i * step, label: formatTick(i * step) });
  return ticks;
}

export function layoutTimeline(tree: TraceTree): TimelineLayout {
  const lanes: TimelineBar[][] = [];
  const byKey = new Map<string, TimelineBar>();
  let untimedCount = 0;
  const timedChildren = (node: TraceTreeNode) => {
    const kids = node.children.filter((child) => {
      const ok = interval(child) !== null;
      if (!ok) untimedCount += child.totals.nodeCount;
      return ok;
    });
    return kids.sort((a, b) => extent(a)[0] - extent(b)[0]);
  };
  const place = (node: TraceTreeNode, lane: number) => {
    const [startMs, endMs] = interval(node) as [number, number];
    const bar: TimelineBar = { node, lane, startMs, endMs };
    (lanes[lane] ??= []).push(bar);
    byKey.set(node.key, bar);
  };

  const root = tree.root;
  if (interval(root) === null) {
    return { lanes, byKey, startMs: 0, endMs: 0, durationMs: 0, untimedCount: tree.root.totals.nodeCount, ticks: timelineTicks(0) };
  }
  place(root, 0);
  const stack: Frame[] = [{ node: root, lane: 0, bottom: 0, children: timedChildren(root), next: 0, active: [] }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const child = frame.children[frame.next];
    if (!child) {
      stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) {
        const [, end] = extent(frame.node);
        parent.active.push({ end, bottom: frame.bottom });
        parent.bottom = Math.max(parent.bottom, frame.bottom);
      }
      continue;
    }
    frame.next++;
    const [start] = extent(child);
    // Earlier siblings' subtrees that are still running when this child starts push it down.
    frame.active = frame.active.filter((entry) => entry.end > start);
    let lane = frame.lane + 1;
    for (const entry of frame.active) lane = Math.max(lane, entry.bottom + 1);
    place(child, lane);
    stack.push({ node: child, lane, bottom: lane, children: timedChildren(child), next: 0, active: [] });
  }
  for (const lane of lanes) lane?.sort((a, b) => a.startMs - b.startMs);
  const [startMs, endMs] = extent(root);
  const durationMs = Math.max(0, endMs - startMs);
  return { lanes: Array.from(lanes, (lane) => lane ?? []), byKey, startMs, endMs, durationMs, untimedCount, ticks: timelineTicks(durationMs) };
}

export interface TimelineCluster {
  bars: TimelineBar[];
  leftPx: number;
  widthPx: number;
}

/** Smallest bar width drawn, in pixels (PostHog: 3 px). */
export const MIN_BAR_PX = 3;

/**
 * Bars of one lane in pixels. Bars that would land on the same pixels as the previous one are
 * merged into one cluster, so a lane never holds more elements than it has room for.
 */
export function clusterLane(bars: readonly TimelineBar[], layout: TimelineLayout, widthPx: number): TimelineCluster[] {
  const clusters: TimelineCluster[] = [];
  const scale = layout.durationMs > 0 ? widthPx / layout.durationMs : 0;
  for (const bar of bars) {
    const left = (bar.startMs - layout.startMs) * scale;
    const width = Math.max(MIN_BAR_PX, (bar.endMs - bar.startMs) * scale);
    const last = clusters[clusters.length - 1];
    if (last && left < last.leftPx + last.widthPx && (width < MIN_BAR_PX * 2 || last.widthPx < MIN_BAR_PX * 2)) {
      last.bars.push(bar);
      last.widthPx = Math.max(last.widthPx, left + width - last.leftPx);
      continue;
    }
    clusters.push({ bars: [bar], leftPx: Math.min(left, Math.max(0, widthPx - MIN_BAR_PX)), widthPx: width });
  }
  return clusters;
}
