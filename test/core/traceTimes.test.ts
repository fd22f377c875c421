import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  TRACE_TIME_DESCRIPTIONS,
  buildTraceTree,
  gapsBetween,
  mergeIntervals,
  nodeInterval,
  nodeSelfTime,
  nodeWallClock,
  selfTimeMs,
  traceTimes,
  type TimeInterval,
  type TraceTree,
  describeNodeDuration,
  describeTraceTimes,
  nodeDuration,
} from "../../src/core/trace";
import { TRACE_FIXTURES, loadTraceFixture } from "./traceFixtures";

const T0 = Date.UTC(2025, 0, 1);
const EPS = 1e-9;

function totalMs(intervals: readonly TimeInterval[]): number {
  return intervals.reduce((sum, i) => sum + (i.endMs - i.startMs), 0);
}

describe("trace times on the support-chat fixture", () => {
  // Four generations and a tool span over three turns: the user's think time sits between the turns.
  const tree = buildTraceTree(loadTraceFixture("support-chatbot"));
  const times = traceTimes(tree);

  it("tells model latency, wall clock, busy and idle apart", () => {
    expect(times.modelLatency).toBeCloseTo(0.84 + 1.37 + 1.12 + 0.61, 9);
    expect(times.generationCount).toBe(4);
    expect(times.generationsWithLatency).toBe(4);
    expect(times.wallClock).toBeCloseTo(36.76, 9);
    expect(times.busy).toBeCloseTo(0.84 + 0.22 + 1.37 + 1.12 + 0.61, 9);
    expect(times.idle).toBeCloseTo(32.6, 9);
    // PostHog's figure for the same trace is a fifth number with its own rule (top-level events, span included).
    expect(tree.metrics.totalLatency).toBe(4.16);
  });

  it("finds the gaps between the turns and uses the same idle as the root's self time", () => {
    expect(times.idleGaps.map((gap) => Math.round(gap.endMs - gap.startMs))).toEqual([60, 30, 19630, 12880]);
    expect(tree.root.metrics.selfTime).toBeCloseTo(times.idle!, 9);
    expect(nodeSelfTime(tree.root)).toBe(tree.root.metrics.selfTime);
  });

  it("labels the root with its wall clock, a generation with its own latency", () => {
    expect(nodeWallClock(tree.root)).toBeCloseTo(36.76, 9);
    const generation = [...tree.nodesByKey.values()].find((node) => node.kind === "generation")!;
    expect(nodeWallClock(generation)).toBeCloseTo(generation.metrics.latency!, 9);
    // A leaf's self time is its whole wall clock.
    expect(generation.metrics.selfTime).toBeCloseTo(generation.metrics.latency!, 9);
  });

  it("describes every time for tooltips", () => {
    for (const text of Object.values(TRACE_TIME_DESCRIPTIONS)) expect(text.length).toBeGreaterThan(20);
  });
});

describe("interval helpers", () => {
  const intervalArb = fc
    .tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -50, max: 500 }))
    .map(([start, length]): TimeInterval => ({ startMs: start, endMs: start + length }));

  it("merge and gaps partition the window", () => {
    fc.assert(
      fc.property(fc.array(intervalArb, { maxLength: 30 }), fc.integer({ min: -1200, max: 0 }), fc.integer({ min: 0, max: 1200 }), (intervals, start, end) => {
        const merged = mergeIntervals(intervals, start, end);
        const gaps = gapsBetween(merged, start, end);
        for (const list of [merged, gaps]) {
          for (let i = 0; i < list.length; i++) {
            const item = list[i]!;
            expect(item.endMs).toBeGreaterThan(item.startMs);
            expect(item.startMs).toBeGreaterThanOrEqual(start);
            expect(item.endMs).toBeLessThanOrEqual(end);
            if (i > 0) expect(item.startMs).toBeGreaterThan(list[i - 1]!.endMs - (list === gaps ? 0 : 1e-12));
          }
        }
        // Covered + uncovered = the window, and no gap overlaps a covered stretch.
        expect(totalMs(merged) + totalMs(gaps)).toBeCloseTo(end - start, 6);
        for (const gap of gaps) for (const m of merged) expect(gap.endMs <= m.startMs || gap.startMs >= m.endMs).toBe(true);
        expect(selfTimeMs(start, end, intervals)).toBeCloseTo(totalMs(gaps), 6);
      }),
      { numRuns: 200 },
    );
  });

  it("self time is never negative and never more than the whole", () => {
    fc.assert(
      fc.property(fc.array(intervalArb, { maxLength: 20 }), intervalArb, (children, own) => {
        const self = selfTimeMs(own.startMs, own.endMs, children);
        expect(self).toBeGreaterThanOrEqual(0);
        expect(self).toBeLessThanOrEqual(Math.max(0, own.endMs - own.startMs));
      }),
      { numRuns: 200 },
    );
  });

  it("ignores non-finite and missing intervals", () => {
    expect(mergeIntervals([null, { startMs: NaN, endMs: 3 }, { startMs: 0, endMs: Infinity }, { startMs: 1, endMs: 2 }])).toEqual([{ startMs: 1, endMs: 2 }]);
  });
});

/** Random timed traces: spans and generations nested under earlier ones, SDK (end-stamped) or OTel (start-stamped). */
const timedEventArb = fc.record({
  kind: fc.constantFrom("$ai_generation", "$ai_span", "$ai_embedding", "$ai_evaluation"),
  parent: fc.nat({ max: 12 }),
  atMs: fc.integer({ min: 0, max: 120_000 }),
  latency: fc.oneof({ weight: 5, arbitrary: fc.double({ min: 0, max: 40, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(null, -1, "x") }),
  otel: fc.boolean(),
  timed: fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
});

type TimedEventSpec = typeof timedEventArb extends fc.Arbitrary<infer V> ? V : never;

function timedTrace(specs: TimedEventSpec[]) {
  return {
    id: "T",
    createdAt: new Date(T0).toISOString(),
    events: specs.map((spec, i) => {
      const id = `n${i}`;
      const parent = spec.parent >= i ? "T" : `n${spec.parent}`;
      const idKey = spec.kind === "$ai_generation" ? "$ai_generation_id" : "$ai_span_id";
      return {
        id: `ev-${i}`,
        event: spec.kind,
        createdAt: spec.timed ? new Date(T0 + spec.atMs).toISOString() : "",
        properties: {
          $ai_trace_id: "T",
          [idKey]: id,
          $ai_parent_id: parent,
          $ai_target_event_id: spec.kind === "$ai_evaluation" ? `ev-${spec.parent}` : undefined,
          $ai_latency: spec.latency,
          $ai_ingestion_source: spec.otel ? "otel" : undefined,
        },
      };
    }),
  };
}

function checkTimes(tree: TraceTree): void {
  const times = traceTimes(tree);
  for (const node of tree.nodesByKey.values()) {
    const self = nodeSelfTime(node);
    expect(node.metrics.selfTime).toBe(self);
    const wall = nodeWallClock(node);
    if (self === null) continue;
    // A part never exceeds its whole: self time fits in the node's wall clock, and self + covered = wall.
    expect(wall).not.toBeNull();
    expect(self).toBeGreaterThanOrEqual(0);
    expect(self).toBeLessThanOrEqual(wall! + EPS);
    const own = nodeInterval(node)!;
    const kids = node.children.map((child) => (child.kind === "evaluation" || child.extentStartMs === null ? null : { startMs: child.extentStartMs, endMs: child.extentEndMs! }));
    expect(self * 1000 + totalMs(mergeIntervals(kids, own.startMs, own.endMs))).toBeCloseTo(wall! * 1000, 6);
  }
  if (times.wallClock === null) {
    expect(times.busy).toBeNull();
    expect(times.idle).toBeNull();
    expect(times.idleGaps).toEqual([]);
  } else {
    expect(times.busy! + times.idle!).toBeCloseTo(times.wallClock, 9);
    expect(times.busy).toBeGreaterThanOrEqual(0);
    expect(times.idle).toBeGreaterThanOrEqual(0);
    expect(times.busy!).toBeLessThanOrEqual(times.wallClock + EPS);
    expect(totalMs(times.idleGaps) / 1000).toBeCloseTo(times.idle!, 9);
    for (const gap of times.idleGaps) {
      expect(gap.startMs).toBeGreaterThanOrEqual(times.interval!.startMs);
      expect(gap.endMs).toBeLessThanOrEqual(times.interval!.endMs);
    }
    expect(tree.root.metrics.selfTime).toBeCloseTo(times.idle!, 9);
    expect(times.wallClock).toBeCloseTo(tree.metrics.wallClockLatency!, 5);
    // Every node's span lies within the trace's wall clock.
    for (const node of tree.nodesByKey.values()) {
      const interval = nodeInterval(node);
      if (!interval) continue;
      expect(interval.startMs).toBeGreaterThanOrEqual(times.interval!.startMs);
      expect(interval.endMs).toBeLessThanOrEqual(times.interval!.endMs);
    }
  }
  let sum = 0;
  let counted = 0;
  for (const node of tree.nodesByKey.values()) {
    if (node.kind !== "generation" || node.metrics.latency === null) continue;
    sum += node.metrics.latency;
    counted++;
  }
  expect(times.generationsWithLatency).toBe(counted);
  if (counted === 0) expect(times.modelLatency).toBeNull();
  else expect(times.modelLatency).toBeCloseTo(sum, 9);
}

describe("trace times on random traces", () => {
  it("keep every part inside its whole and idle + busy = wall clock", () => {
    fc.assert(
      fc.property(fc.array(timedEventArb, { maxLength: 14 }), (specs) => checkTimes(buildTraceTree(timedTrace(specs)))),
      { numRuns: 300 },
    );
  });

  it("hold on every example trace", () => {
    for (const name of TRACE_FIXTURES) checkTimes(buildTraceTree(loadTraceFixture(name)));
  });

  it("survive malformed input", () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 8 }), (input) => {
        const tree = buildTraceTree(input);
        const times = traceTimes(tree);
        for (const value of [times.modelLatency, times.wallClock, times.busy, times.idle]) if (value !== null) expect(Number.isFinite(value)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe("trace times in words", () => {
  const at = (s: number) => new Date(T0 + s * 1000).toISOString();
  const generation = (id: string, end: number, latency: unknown) => ({
    id: `ev-${id}`,
    event: "$ai_generation",
    createdAt: at(end),
    properties: { $ai_trace_id: "T", $ai_generation_id: id, $ai_parent_id: "T", $ai_latency: latency },
  });

  it("marks model latency as a lower bound when a generation reported none, and says so", () => {
    const tree = buildTraceTree({ id: "T", createdAt: at(0), events: [generation("a", 2, 2), generation("b", 10, undefined), generation("c", 14, 1)] });
    const text = describeTraceTimes(traceTimes(tree), { postHogLatency: 3, latencyRule: "generations" });
    expect(text.modelLatency?.text).toBe("≥ 3.00 s");
    expect(text.modelLatency?.detail).toContain("1 generation reported no latency; the figure is a lower bound.");
    expect(text.modelLatency?.detail).toContain("For this trace: 3.00 s.");
    // b has a timestamp but no latency: a point at 10 s that takes no time, so 2 s → 13 s is one idle stretch.
    expect(text.wallClock.text).toBe("14.00 s");
    expect(text.idle?.text).toBe("11.00 s");
    expect(text.idle?.detail).toContain("1 gap between top-level steps.");
  });

  it("leaves out model latency without generations and idle without gaps", () => {
    const span = { id: "s", event: "$ai_span", createdAt: at(5), properties: { $ai_trace_id: "T", $ai_span_id: "s", $ai_latency: 5 } };
    const text = describeTraceTimes(traceTimes(buildTraceTree({ id: "T", createdAt: at(0), events: [span] })));
    expect(text.modelLatency).toBeNull();
    expect(text.idle).toBeNull();
    expect(text.wallClock.text).toBe("5.00 s");
    const untimed = describeTraceTimes(traceTimes(buildTraceTree([])));
    expect(untimed.wallClock).toEqual({ text: "—", detail: expect.stringContaining("No event in this trace has timing.") });
  });

  it("names the trace-event latency when the SDK reported one", () => {
    const tree = buildTraceTree({ id: "T", createdAt: at(0), events: [generation("a", 2, 2)] });
    expect(describeTraceTimes(traceTimes(tree), { postHogLatency: 9, latencyRule: "trace-event" }).modelLatency?.detail).toContain("The trace event itself reported a latency of 9.00 s.");
  });

  it("labels durations with the span they are drawn with", () => {
    const tree = buildTraceTree(loadTraceFixture("rag-pipeline"));
    for (const node of tree.nodesByKey.values()) {
      const label = describeNodeDuration(node);
      if (nodeDuration(node) === null) expect(label).toBeNull();
      else expect(label?.startsWith(formatSeconds(nodeDuration(node)!))).toBe(true);
    }
    expect(describeNodeDuration(tree.root)).toMatch(/ wall clock/);
  });
});

function formatSeconds(value: number): string {
  return describeTraceTimes({ modelLatency: value, generationCount: 1, generationsWithLatency: 1, wallClock: null, busy: null, idle: null, idleGaps: [], interval: null }).modelLatency!.text;
}
