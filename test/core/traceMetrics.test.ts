import { describe, expect, it } from "vitest";
import { buildTraceTree, flattenTraceTree, postHogTotalLatency, traceNodeAncestorKeys } from "../../src/core/trace";
import type { LLMTraceEvent } from "../../src/core/events";

const T0 = Date.parse("2025-03-01T10:00:00.000Z");

/** An SDK-style event: timestamp at the operation end. `end` and `latency` in seconds from T0. */
function op(event: string, id: string, parent: string, end: number, latency: number, extra: Record<string, unknown> = {}): LLMTraceEvent {
  const idKey = event === "$ai_generation" ? "$ai_generation_id" : "$ai_span_id";
  return {
    id: `ev-${id}`,
    event,
    createdAt: new Date(T0 + end * 1000).toISOString(),
    properties: { $ai_trace_id: "T", $ai_parent_id: parent, [idKey]: id, $ai_span_name: id, $ai_latency: latency, ...extra },
  };
}

/**
 * Hand-computed example (times in seconds after T0):
 *   A  span        [0, 10]    parent T
 *   G1 generation  [1, 4]     parent A   100 in / 20 out, $0.01
 *   S2 span        [2, 3]     parent A   (hidden behind G1)
 *   S1 span        [4, 6]     parent A   errored
 *   G2 generation  [6, 9.5]   parent A   200 in / 50 out, $0.02
 *   G3 generation  [10.5, 12] parent T   10 in / 5 out, $0.005
 */
const events: LLMTraceEvent[] = [
  op("$ai_generation", "G3", "T", 12, 1.5, { $ai_input_tokens: 10, $ai_output_tokens: 5, $ai_total_cost_usd: 0.005 }),
  op("$ai_generation", "G2", "A", 9.5, 3.5, { $ai_input_tokens: 200, $ai_output_tokens: 50, $ai_input_cost_usd: 0.015, $ai_output_cost_usd: 0.005 }),
  op("$ai_span", "S1", "A", 6, 2, { $ai_is_error: true, $ai_error: "boom" }),
  op("$ai_span", "S2", "A", 3, 1),
  op("$ai_generation", "G1", "A", 4, 3, { $ai_input_tokens: 100, $ai_output_tokens: 20, $ai_total_cost_usd: 0.01, $ai_cache_read_input_tokens: 40 }),
  op("$ai_span", "A", "T", 10, 10),
];

describe("trace metrics on a hand-computed example", () => {
  const tree = buildTraceTree({ id: "T", createdAt: "", events, traceName: "example" });
  const node = (key: string) => tree.nodesByKey.get(key)!;

  it("orders siblings by operation start", () => {
    expect(tree.root.children.map((n) => n.key)).toEqual(["A", "G3"]);
    expect(node("A").children.map((n) => n.key)).toEqual(["G1", "S2", "S1", "G2"]);
  });

  it("applies PostHog's total-latency rule and measures wall clock", () => {
    // Spans have latency, so only top-level events count: A (10) + G3 (1.5).
    expect(tree.metrics.totalLatency).toBe(11.5);
    expect(tree.metrics.latencyRule).toBe("top-level");
    expect(tree.metrics.wallClockLatency).toBe(12);
    expect(tree.root.metrics.latency).toBe(11.5);
    expect(tree.root.startMs).toBe(T0);
    expect(tree.root.endMs).toBe(T0 + 12000);
  });

  it("sums tokens, costs and errors per subtree", () => {
    expect(tree.metrics).toMatchObject({
      inputTokens: 310,
      outputTokens: 75,
      totalTokens: 385,
      errorCount: 1,
      generationCount: 3,
      spanCount: 3,
      nodeCount: 7,
    });
    expect(tree.metrics.totalCost).toBeCloseTo(0.035, 10);
    expect(node("A").totals).toMatchObject({ inputTokens: 300, outputTokens: 70, errorCount: 1, nodeCount: 5, generationCount: 2, spanCount: 3 });
    expect(node("A").totals.totalCost).toBeCloseTo(0.03, 10);
    expect(node("G2").metrics.totalCost).toBeCloseTo(0.02, 10);
    expect(node("G1").metrics).toMatchObject({ cacheReadTokens: 40, totalTokens: 120, errorCount: 0 });
    expect(node("S1").metrics.errorCount).toBe(1);
    // Spans carry no usage in PostHog's totals.
    expect(node("S1").metrics.totalTokens).toBe(0);
  });

  it("computes self time as latency not covered by children", () => {
    // A: children cover [1, 9.5] → 10 - 8.5.
    expect(node("A").metrics.selfTime).toBe(1.5);
    expect(node("G1").metrics.selfTime).toBe(3);
    // Root: wall clock 12 minus [0,10] ∪ [10.5,12].
    expect(tree.root.metrics.selfTime).toBe(0.5);
  });

  it("finds the critical path", () => {
    expect(tree.criticalPath.map((n) => n.key)).toEqual(["T", "A", "G1", "S1", "G2", "G3"]);
    expect(node("S2").onCriticalPath).toBe(false);
    expect(node("G2").onCriticalPath).toBe(true);
  });

  it("uses the generations-only branch when no span has latency", () => {
    const generationsOnly = [events[0]!, events[1]!, events[4]!];
    expect(postHogTotalLatency(generationsOnly, "T")).toEqual({ totalLatency: 8, rule: "generations" });
    expect(buildTraceTree(generationsOnly).metrics.totalLatency).toBe(8);
  });

  it("flattens with collapsed keys and filters", () => {
    const all = flattenTraceTree(tree);
    expect(all.map((row) => `${row.depth}${row.node.key}`)).toEqual(["0T", "1A", "2G1", "2S2", "2S1", "2G2", "1G3"]);
    expect(all[1]).toMatchObject({ hasChildren: true, collapsed: false });
    const collapsed = flattenTraceTree(tree, new Set(["A", "G3"]));
    expect(collapsed.map((row) => row.node.key)).toEqual(["T", "A", "G3"]);
    expect(collapsed[1]?.collapsed).toBe(true);
    expect(collapsed[2]?.collapsed).toBe(false); // a leaf cannot be collapsed
    const noRoot = flattenTraceTree(tree, new Set(), { includeRoot: false, filter: (n) => n.kind !== "span" || n.key === "A" });
    expect(noRoot.map((row) => `${row.depth}${row.node.key}`)).toEqual(["0A", "1G1", "1G2", "0G3"]);
    expect(traceNodeAncestorKeys(tree, "G2")).toEqual(["T", "A"]);
  });
});
