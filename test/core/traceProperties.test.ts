import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildTraceTree, flattenTraceTree, keptTraceEvents, summarizeTraceEvents } from "../../src/core/trace";
import type { TraceTree, TraceTreeNode } from "../../src/core/trace";

const ids = fc.constantFrom("a", "b", "c", "d", "e", "T", "", "missing");
// Ids that look like the keys derived for reused ids, so a claimed key must step around them.
const eventIds = fc.oneof(ids, fc.constantFrom("a#1", "a#2", "a#3", "a#2.1"));
const eventNames = fc.constantFrom(
  "$ai_generation",
  "$ai_span",
  "$ai_embedding",
  "$ai_trace",
  "$ai_metric",
  "$ai_feedback",
  "$ai_evaluation",
  "$pageview",
);
const timestamps = fc.oneof(
  fc.integer({ min: 0, max: 60_000 }).map((ms) => new Date(Date.UTC(2025, 0, 1) + ms).toISOString()),
  fc.constantFrom("", "not a date", "2025-13-45"),
  fc.anything(),
);
const latency = fc.oneof(fc.double({ min: 0, max: 30, noNaN: true }), fc.constantFrom(-1, Number.NaN, "2.5", null), fc.anything());

/** Event-shaped values with colliding ids, so duplicates, cycles and orphans are common. */
const eventArb = fc.record(
  {
    id: fc.oneof(eventIds, fc.uuid(), fc.constant(undefined)),
    uuid: fc.oneof(ids, fc.constant(undefined)),
    event: fc.oneof(eventNames, fc.anything()),
    createdAt: timestamps,
    timestamp: timestamps,
    properties: fc.oneof(
      fc.record(
        {
          $ai_trace_id: fc.oneof(fc.constant("T"), ids),
          $ai_generation_id: ids,
          $ai_span_id: ids,
          $ai_parent_id: fc.oneof(ids, fc.anything()),
          $ai_target_event_id: ids,
          $ai_latency: latency,
          $ai_input_tokens: fc.oneof(fc.nat(), fc.anything()),
          $ai_total_cost_usd: fc.oneof(fc.double({ noNaN: true }), fc.anything()),
          $ai_is_error: fc.anything(),
          $ai_ingestion_source: fc.constantFrom("otel", "sdk", undefined),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    ),
  },
  { requiredKeys: [] },
);

const inputArb = fc.array(fc.oneof({ weight: 8, arbitrary: eventArb }, { weight: 1, arbitrary: fc.anything() }), { maxLength: 40 });

function collectNodes(tree: TraceTree): TraceTreeNode[] {
  return flattenTraceTree(tree).map((row) => row.node);
}

function checkWellFormed(input: unknown[], tree: TraceTree): void {
  const nodes = collectNodes(tree);
  // Every node is reachable from the root exactly once and keys are unique.
  expect(nodes).toHaveLength(tree.nodesByKey.size);
  expect(new Set(nodes.map((n) => n.key)).size).toBe(nodes.length);
  for (const node of nodes) {
    expect(tree.nodesByKey.get(node.key)).toBe(node);
    if (node !== tree.root) {
      const parent = tree.nodesByKey.get(node.parentKey ?? "");
      expect(parent?.children).toContain(node);
      expect(node.depth).toBe((parent?.depth ?? -1) + 1);
    }
    for (const value of [node.totals.inputTokens, node.totals.totalCost, node.totals.nodeCount]) expect(Number.isFinite(value)).toBe(true);
  }
  // Every object in the input is a node, an annotation or a recorded duplicate — exactly once.
  const placed =
    nodes.filter((n) => n.event !== null).length +
    nodes.reduce((sum, n) => sum + n.annotations.metrics.length + n.annotations.feedback.length, 0) +
    tree.duplicates.length;
  expect(placed + tree.skippedCount).toBe(input.length);
  expect(tree.root.totals.nodeCount).toBe(nodes.length);
  expect(Number.isFinite(tree.metrics.totalLatency)).toBe(true);
  expect(tree.criticalPath[0]).toBe(tree.root);
  // Nothing vanishes without a note: every skipped item, merged copy, orphan and broken cycle has one.
  const count = (kind: string) => tree.notes.filter((n) => n.kind === kind).length;
  expect([count("skipped"), count("merged"), count("re-parented"), count("cycle-broken")]).toEqual([
    tree.skippedCount,
    tree.duplicates.length,
    tree.orphans.length,
    tree.brokenCycles.length,
  ]);
  // Every event id and every derived key selects a node, and distinct kept events get distinct keys.
  const eventKeys = nodes.flatMap((n) => (n.eventKey === null ? [] : [n.eventKey]));
  expect(new Set(eventKeys).size).toBe(eventKeys.length);
  for (const node of nodes) if (node.eventKey !== null) expect(tree.nodesByEventId.get(node.eventKey)).toBe(node);
  for (const note of tree.notes) if (note.kind === "reused-id") expect(tree.nodesByEventId.get(note.relatedId ?? "")?.key).toBe(note.nodeKey);
}

describe("buildTraceTree properties", () => {
  it("never throws and always yields a well-formed tree", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const tree = buildTraceTree(input);
        checkWellFormed(input, tree);
        const noDedupe = buildTraceTree(input, { dedupe: false });
        expect(noDedupe.duplicates).toHaveLength(0);
        checkWellFormed(input, noDedupe);
      }),
      { numRuns: 400 },
    );
  });

  it("keeps, for tables and text, exactly the events the tree keeps, under the same keys", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const tree = buildTraceTree(input);
        const kept = keptTraceEvents(input);
        const left = new Set([...tree.duplicates.map((d) => d.index), ...tree.notes.filter((n) => n.kind === "skipped").map((n) => n.index)]);
        expect(kept.map((k) => k.index)).toEqual(input.map((_, i) => i).filter((i) => !left.has(i)));
        for (const k of kept) {
          expect(k.event).toBe(input[k.index]);
          if (k.key !== null) expect(tree.nodesByEventId.has(k.key)).toBe(true);
        }
        const nodeKeys = [...tree.nodesByKey.values()].flatMap((n) => (n.eventKey === null ? [] : [n.eventKey]));
        const keptKeys = new Set(kept.map((k) => k.key));
        for (const key of nodeKeys) expect(keptKeys.has(key)).toBe(true);
        // One key selects one kept event: a derived key never lands on another event's own id.
        const nonNull = kept.flatMap((k) => (k.key === null ? [] : [k.key]));
        expect(new Set(nonNull).size).toBe(nonNull.length);
      }),
      { numRuns: 300 },
    );
  });

  it("accepts anything at the top level", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const tree = buildTraceTree(value);
        expect(tree.root.kind).toBe("trace");
        expect(() => summarizeTraceEvents(Array.isArray(value) ? value : [value])).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it("does not depend on input order for structure", () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), (input, seed) => {
        const shuffled = [...input];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (seed + i * 31) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        const a = buildTraceTree(input, { traceId: "T", dedupe: false });
        const b = buildTraceTree(shuffled, { traceId: "T", dedupe: false });
        expect(b.nodesByKey.size).toBe(a.nodesByKey.size);
        expect(b.metrics.inputTokens).toBe(a.metrics.inputTokens);
      }),
      { numRuns: 200 },
    );
  });
});

describe("buildTraceTree regressions found by the properties", () => {
  it("picks the same $ai_trace event as the root whatever order two differing copies arrive in", () => {
    const copy = (tokens: number, timestamp: string) => ({ event: "$ai_trace", id: "same", timestamp, properties: { $ai_trace_id: "T", $ai_input_tokens: tokens } });
    for (const [a, b] of [[copy(5, "2025-01-01T00:00:00Z"), copy(9, "2025-01-01T00:00:00Z")], [copy(5, "2025-01-01T00:00:02Z"), copy(9, "2025-01-01T00:00:01Z")]]) {
      const forward = buildTraceTree([a, b], { traceId: "T", dedupe: false });
      const backward = buildTraceTree([b, a], { traceId: "T", dedupe: false });
      expect(backward.metrics.inputTokens).toBe(forward.metrics.inputTokens);
      expect(backward.nodesByKey.size).toBe(forward.nodesByKey.size);
    }
    const later = buildTraceTree([copy(5, "2025-01-01T00:00:02Z"), copy(9, "2025-01-01T00:00:01Z")], { traceId: "T" });
    expect(later.metrics.inputTokens).toBe(9);
  });

  it("keeps metrics finite for a latency near the largest double", () => {
    const tree = buildTraceTree([{ properties: { $ai_latency: 1.797693134862316e306 } }]);
    expect(Number.isFinite(tree.metrics.totalLatency)).toBe(true);
    expect(tree.metrics.totalLatency).toBe(1.797693134862316e306);
  });

  it("keeps subtree totals finite when two costs and token counts near the largest double add up", () => {
    const generation = (id: string) => ({
      event: "$ai_generation",
      id,
      properties: { $ai_trace_id: "T", $ai_total_cost_usd: 1.7e308, $ai_input_tokens: 1.7e308, $ai_output_tokens: 1.7e308 },
    });
    const input = [generation("a"), generation("b")];
    const tree = buildTraceTree(input, { traceId: "T" });
    checkWellFormed(input, tree);
    expect(Number.isFinite(tree.root.totals.totalTokens)).toBe(true);
  });
});
