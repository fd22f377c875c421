/**
 * The times of a trace, each with one definition that every view uses (header, tree, timeline, docs).
 *
 * A trace has several honest answers to "how long did it take", and a chat trace shows why they must
 * never share a label: three model calls of about a second each, spread over a half-minute
 * conversation, have a model latency of ~4 s and a wall clock of ~37 s, and the ~33 s between them is
 * the user thinking and typing. So:
 * - model latency: the sum of the generations' `$ai_latency`. A sum, not a span: generations that run
 *   in parallel can make it longer than the wall clock.
 * - wall clock: first start → last end, of the trace or of one node (its bar on the timeline).
 * - self time: the part of a node's wall clock that none of its children covers. Never more than the
 *   node's wall clock. For the trace itself (which does no work of its own) it is the idle time.
 * - idle: the stretches of the trace's wall clock when no top-level step ran; busy is the rest, so
 *   idle + busy = wall clock. In a chat trace, idle is the user's time between turns.
 * PostHog's own trace latency (the TracesQuery `totalLatency`, shown in the tables) is a fourth figure
 * with its own rule; see `postHogTotalLatency`.
 *
 * Times are seconds (as `$ai_latency`); intervals are epoch milliseconds. Evaluations are left out of
 * every time: they run after the work they judge.
 */
import type { TraceTree, TraceTreeNode } from "./traceTypes";

/** A closed stretch of time in epoch milliseconds. */
export interface TimeInterval {
  startMs: number;
  endMs: number;
}

/** How each time is computed, in words for tooltips and docs. */
export const TRACE_TIME_DESCRIPTIONS = {
  modelLatency:
    "Model latency: the sum of every generation's reported latency. Generations that run in parallel each count in full, so it can exceed the wall clock.",
  wallClock: "Wall clock: from the first event's start to the last event's end.",
  eventLatency: "Latency: the event's own duration, as its SDK reported it ($ai_latency).",
  selfTime: "Self time: the part of this event's wall clock that none of its child events covers.",
  idle: "Idle: the stretches of the wall clock when no top-level step was running. In a chat, this is the user's time between turns.",
  busy: "Busy: the stretches of the wall clock when at least one top-level step was running (wall clock = busy + idle).",
  postHogLatency:
    "PostHog's trace latency (the tables' Latency column): the sum of the generations' latencies when only generations report one, otherwise the sum of the top-level events' latencies.",
} as const;

export type TraceTimeName = keyof typeof TRACE_TIME_DESCRIPTIONS;

function isTimed(start: number | null, end: number | null): boolean {
  return start !== null && end !== null && Number.isFinite(start) && Number.isFinite(end);
}

/**
 * The stretch a node occupies on the clock: its own `[start, end]` when its event is timed, else its
 * extent (the span of its timed descendants, which places an untimed wrapper span). The trace root's own
 * interval is already its extent. `null` when nothing in the subtree is timed; evaluations are never timed.
 */
export function nodeInterval(node: TraceTreeNode): TimeInterval | null {
  if (node.kind === "evaluation") return null;
  if (isTimed(node.startMs, node.endMs)) {
    const start = node.startMs as number;
    return { startMs: start, endMs: Math.max(start, node.endMs as number) };
  }
  if (isTimed(node.extentStartMs, node.extentEndMs)) {
    const start = node.extentStartMs as number;
    return { startMs: start, endMs: Math.max(start, node.extentEndMs as number) };
  }
  return null;
}

/** A node's wall-clock span in seconds: the length of {@link nodeInterval} (its bar's length). */
export function nodeWallClock(node: TraceTreeNode): number | null {
  const interval = nodeInterval(node);
  return interval ? (interval.endMs - interval.startMs) / 1000 : null;
}

/** The span of a node and everything below it (evaluations excluded), or `null` when none is timed. */
function extentOf(node: TraceTreeNode): TimeInterval | null {
  if (node.kind === "evaluation" || !isTimed(node.extentStartMs, node.extentEndMs)) return null;
  const start = node.extentStartMs as number;
  return { startMs: start, endMs: Math.max(start, node.extentEndMs as number) };
}

/**
 * The union of `intervals` clipped to `[startMs, endMs]`, as sorted, disjoint, non-empty intervals.
 * O(n log n); intervals with non-finite ends are ignored.
 */
export function mergeIntervals(intervals: Iterable<TimeInterval | null>, startMs = -Infinity, endMs = Infinity): TimeInterval[] {
  const clipped: TimeInterval[] = [];
  for (const interval of intervals) {
    if (!interval || !Number.isFinite(interval.startMs) || !Number.isFinite(interval.endMs)) continue;
    const s = Math.max(interval.startMs, startMs);
    const e = Math.min(interval.endMs, endMs);
    if (e > s) clipped.push({ startMs: s, endMs: e });
  }
  clipped.sort((a, b) => a.startMs - b.startMs);
  const merged: TimeInterval[] = [];
  for (const interval of clipped) {
    const last = merged[merged.length - 1];
    if (last && interval.startMs <= last.endMs) last.endMs = Math.max(last.endMs, interval.endMs);
    else merged.push({ ...interval });
  }
  return merged;
}

/** The stretches of `[startMs, endMs]` that no interval of `busy` (sorted and disjoint) covers. */
export function gapsBetween(busy: readonly TimeInterval[], startMs: number, endMs: number): TimeInterval[] {
  const gaps: TimeInterval[] = [];
  let cursor = startMs;
  for (const interval of busy) {
    if (interval.startMs > cursor) gaps.push({ startMs: cursor, endMs: Math.min(interval.startMs, endMs) });
    cursor = Math.max(cursor, interval.endMs);
    if (cursor >= endMs) break;
  }
  if (cursor < endMs) gaps.push({ startMs: cursor, endMs });
  return gaps.filter((gap) => gap.endMs > gap.startMs);
}

function lengthMs(intervals: readonly TimeInterval[]): number {
  let total = 0;
  for (const interval of intervals) total += interval.endMs - interval.startMs;
  return total;
}

/**
 * Self time in milliseconds of something that ran over `[startMs, endMs]` with children over
 * `children`: the length of the stretches no child covers. Never negative, never more than `endMs - startMs`.
 */
export function selfTimeMs(startMs: number, endMs: number, children: Iterable<TimeInterval | null>): number {
  if (!(endMs > startMs)) return 0;
  const covered = lengthMs(mergeIntervals(children, startMs, endMs));
  return Math.min(endMs - startMs, Math.max(0, endMs - startMs - covered));
}

/**
 * A node's self time in seconds: the part of its wall clock ({@link nodeInterval}) that no child's span
 * covers. `null` for an event that reported no latency (its own time is unknown) and for untimed nodes.
 * For the trace root it is the trace's idle time.
 */
export function nodeSelfTime(node: TraceTreeNode, isRoot = node.parentKey === null): number | null {
  if (!isRoot && node.metrics.latency === null) return null;
  const interval = nodeInterval(node);
  if (!interval) return null;
  return selfTimeMs(interval.startMs, interval.endMs, node.children.map(extentOf)) / 1000;
}

/** The trace's times; see the module comment for each definition. Seconds, `null` when unknown. */
export interface TraceTimes {
  /** Sum of the generations' `$ai_latency`; `null` when no generation reported one. */
  modelLatency: number | null;
  /** Generations in the trace, and how many of them reported a latency. */
  generationCount: number;
  generationsWithLatency: number;
  /** First start → last end over every timed event (evaluations excluded). */
  wallClock: number | null;
  /** The part of the wall clock when at least one top-level step ran. */
  busy: number | null;
  /** The rest of the wall clock: `wallClock - busy`. */
  idle: number | null;
  /** The idle stretches, in time order (epoch ms). */
  idleGaps: TimeInterval[];
  /** The trace's stretch on the clock, `null` when nothing is timed. */
  interval: TimeInterval | null;
}

/** The trace's model latency, wall clock, busy and idle time, each by its one definition. Linear in the tree's size. */
export function traceTimes(tree: TraceTree): TraceTimes {
  let modelLatency = 0;
  let generationCount = 0;
  let generationsWithLatency = 0;
  for (const node of tree.nodesByKey.values()) {
    if (node.kind !== "generation") continue;
    generationCount++;
    const latency = node.metrics.latency;
    if (latency === null || !Number.isFinite(latency) || latency < 0) continue;
    generationsWithLatency++;
    modelLatency += latency;
  }
  const interval = nodeInterval(tree.root);
  let busy: number | null = null;
  let idle: number | null = null;
  let idleGaps: TimeInterval[] = [];
  if (interval) {
    const steps = mergeIntervals(tree.root.children.map(extentOf), interval.startMs, interval.endMs);
    idleGaps = gapsBetween(steps, interval.startMs, interval.endMs);
    const busyMs = lengthMs(steps);
    busy = busyMs / 1000;
    idle = (interval.endMs - interval.startMs - busyMs) / 1000;
  }
  return {
    modelLatency: generationsWithLatency > 0 ? modelLatency : null,
    generationCount,
    generationsWithLatency,
    wallClock: interval ? (interval.endMs - interval.startMs) / 1000 : null,
    busy,
    idle,
    idleGaps,
    interval,
  };
}
