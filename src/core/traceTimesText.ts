/**
 * Trace times as people read them: the value, the words that say which time it is, and a tooltip that
 * says how it was computed. Views (TraceDetail's header, tree, timeline) show these strings rather than
 * composing their own, so the same time reads the same everywhere.
 */
import { FORMAT_PLACEHOLDER, formatLatency } from "./format";
import { TRACE_TIME_DESCRIPTIONS, nodeWallClock, type TraceTimes } from "./traceTimes";
import type { TraceTreeMetrics, TraceTreeNode } from "./traceTypes";

/** One time, ready to show: `text` is the value, `detail` the tooltip (how it is computed, with the figures). */
export interface TraceTimeDisplay {
  text: string;
  detail: string;
}

/** The trace-level times a header shows; `null` for a time that does not apply (no generations, no gaps). */
export interface TraceTimesDisplay {
  modelLatency: TraceTimeDisplay | null;
  wallClock: TraceTimeDisplay;
  idle: TraceTimeDisplay | null;
}

export interface DescribeTraceTimesOptions {
  locale?: string;
  /** PostHog's trace latency for the same trace (the server's `totalLatency` when known), for the tooltip. */
  postHogLatency?: number | null;
  latencyRule?: TraceTreeMetrics["latencyRule"];
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Header texts for a trace's times. Model latency is a lower bound ("≥ …") when some generations
 * reported no latency; idle is left out when the top-level steps leave no gap.
 */
export function describeTraceTimes(times: TraceTimes, options: DescribeTraceTimesOptions = {}): TraceTimesDisplay {
  const { locale, postHogLatency, latencyRule } = options;
  const seconds = (value: number | null) => formatLatency(value, { locale });

  let modelLatency: TraceTimeDisplay | null = null;
  if (times.generationCount > 0) {
    const missing = times.generationCount - times.generationsWithLatency;
    const lines: string[] = [TRACE_TIME_DESCRIPTIONS.modelLatency, `${plural(times.generationCount, "generation", "generations")}.`];
    if (missing > 0) lines.push(`${plural(missing, "generation", "generations")} reported no latency${times.modelLatency === null ? "" : "; the figure is a lower bound"}.`);
    if (typeof postHogLatency === "number" && Number.isFinite(postHogLatency)) {
      lines.push(
        latencyRule === "trace-event"
          ? `The trace event itself reported a latency of ${seconds(postHogLatency)}.`
          : `${TRACE_TIME_DESCRIPTIONS.postHogLatency} For this trace: ${seconds(postHogLatency)}.`,
      );
    }
    const value = seconds(times.modelLatency);
    modelLatency = { text: missing > 0 && times.modelLatency !== null ? `≥ ${value}` : value, detail: lines.join("\n") };
  }

  const wallLines: string[] = [TRACE_TIME_DESCRIPTIONS.wallClock];
  if (times.busy !== null && times.idle !== null) wallLines.push(`Busy ${seconds(times.busy)} + idle ${seconds(times.idle)}.`);
  else wallLines.push("No event in this trace has timing.");
  const wallClock = { text: times.wallClock === null ? FORMAT_PLACEHOLDER : seconds(times.wallClock), detail: wallLines.join("\n") };

  const idle =
    times.idle !== null && times.idle > 0
      ? {
          text: seconds(times.idle),
          detail: [TRACE_TIME_DESCRIPTIONS.idle, `${plural(times.idleGaps.length, "gap", "gaps")} between top-level steps.`].join("\n"),
        }
      : null;
  return { modelLatency, wallClock, idle };
}

/**
 * The duration a tree row or timeline bar shows for a node: its wall-clock span when it is placed in
 * time (for an event, its reported latency; for the trace, first start → last end), else the latency
 * it reported. `null` when neither is known.
 */
export function nodeDuration(node: TraceTreeNode): number | null {
  const wall = nodeWallClock(node);
  if (wall !== null) return wall;
  return node.parentKey === null ? null : node.metrics.latency;
}

/**
 * A node's duration in words ("0.84 s", "36.76 s wall clock, idle 32.60 s", "10.00 s (self 1.50 s)"),
 * for bar and row labels; `null` when the node has no duration.
 */
export function describeNodeDuration(node: TraceTreeNode, locale?: string): string | null {
  const duration = nodeDuration(node);
  if (duration === null) return null;
  const text = formatLatency(duration, { locale });
  const self = node.metrics.selfTime;
  if (node.parentKey === null) return self !== null && self > 0 ? `${text} wall clock, idle ${formatLatency(self, { locale })}` : `${text} wall clock`;
  return self !== null && node.children.length > 0 ? `${text} (self ${formatLatency(self, { locale })})` : text;
}
