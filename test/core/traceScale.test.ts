import { describe, expect, it } from "vitest";
import { buildTraceTree, flattenTraceTree } from "../../src/core/trace";
import type { LLMTraceEvent } from "../../src/core/events";

const T0 = Date.parse("2025-05-01T00:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();

/** A chain span-0 ← span-1 ← ... each nested in the previous one. */
function chain(depth: number): LLMTraceEvent[] {
  const events: LLMTraceEvent[] = [];
  for (let i = 0; i < depth; i++) {
    events.push({
      id: `e${i}`,
      event: i === depth - 1 ? "$ai_generation" : "$ai_span",
      // Each level ends 1 ms before its parent and lasts 2 ms less.
      createdAt: iso(T0 + (depth - i) * 2),
      properties: {
        $ai_trace_id: "deep",
        $ai_span_id: `s${i}`,
        $ai_parent_id: i === 0 ? "deep" : `s${i - 1}`,
        $ai_latency: ((depth - i) * 4) / 1000,
        $ai_input_tokens: 1,
      },
    });
  }
  return events;
}

// Generous timeouts: these run beside the whole suite on small shared machines.
describe("scale", { timeout: 60_000 }, () => {
  it("builds a 50,000-deep chain without recursion", () => {
    const depth = 50_000;
    const events = chain(depth).reverse(); // children before parents, the worst order
    const tree = buildTraceTree(events);
    const rows = flattenTraceTree(tree);
    expect(rows).toHaveLength(depth + 1);
    expect(rows.at(-1)?.depth).toBe(depth);
    expect(tree.root.totals.nodeCount).toBe(depth + 1);
    expect(tree.criticalPath).toHaveLength(depth + 1);
    expect(tree.metrics.inputTokens).toBe(1); // only the leaf is a generation
    expect(flattenTraceTree(tree, new Set(["s10"]))).toHaveLength(12);
  });

  it("breaks a 50,000-node ring", () => {
    const events = chain(50_000);
    (events[0]!.properties as Record<string, unknown>).$ai_parent_id = "s49999";
    const tree = buildTraceTree(events);
    expect(tree.brokenCycles).toHaveLength(1);
    expect(flattenTraceTree(tree)).toHaveLength(50_001);
  });

  it("builds 100,000 shuffled events into the right tree, totals and order", () => {
    const events: LLMTraceEvent[] = [];
    for (let s = 0; s < 1000; s++) {
      const end = T0 + s * 1000 + 900;
      events.push({
        id: `span-${s}`,
        event: "$ai_span",
        createdAt: iso(end),
        properties: { $ai_trace_id: "big", $ai_span_id: `sp${s}`, $ai_parent_id: "big", $ai_latency: 0.9 },
      });
      for (let g = 0; g < 99; g++) {
        events.push({
          id: `gen-${s}-${g}`,
          event: "$ai_generation",
          createdAt: iso(end - g * 9),
          properties: { $ai_trace_id: "big", $ai_parent_id: `sp${s}`, $ai_latency: 0.008, $ai_input_tokens: 2, $ai_output_tokens: 1 },
        });
      }
    }
    // Shuffle deterministically so input order does not help.
    for (let i = events.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [events[i], events[j]] = [events[j]!, events[i]!];
    }
    const tree = buildTraceTree(events);
    const rows = flattenTraceTree(tree, new Set(["sp5"]));
    expect(tree.root.totals.nodeCount).toBe(100_001);
    expect(tree.metrics.inputTokens).toBe(198_000);
    expect(rows).toHaveLength(100_001 - 99);
    const firstSpan = tree.root.children[0]!;
    expect(firstSpan.key).toBe("sp0");
    // Generations of a span sorted by start: the one ending earliest starts first.
    expect(firstSpan.children[0]?.event?.id).toBe("gen-0-98");
  });
});
