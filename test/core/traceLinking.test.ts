import { describe, expect, it } from "vitest";
import { buildTraceTree, flattenTraceTree, keptTraceEvents } from "../../src/core/trace";
import type { LLMTraceEvent } from "../../src/core/events";
import { loadTraceFixture } from "./traceFixtures";

function ev(id: string | undefined, event: string, at: number, properties: Record<string, unknown>): LLMTraceEvent {
  const e = { event, createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, at)).toISOString(), properties: { $ai_trace_id: "T", ...properties } };
  return (id === undefined ? e : { id, ...e }) as LLMTraceEvent;
}

describe("dedupe (PostHog #69850)", () => {
  it("counts exact copies of an event once, and keeps an event that reuses the id with other content", () => {
    const g = ev("u1", "$ai_generation", 3, { $ai_generation_id: "g1", $ai_latency: 1, $ai_input_tokens: 10 });
    const changed = { ...g, properties: { ...g.properties, $ai_generation_id: "g2", $ai_input_tokens: 99 } };
    const tree = buildTraceTree([g, { ...g }, changed, { ...changed, properties: { ...changed.properties } }]);
    expect(tree.metrics.inputTokens).toBe(109);
    expect(tree.duplicates.map((d) => [d.index, d.reason, d.keptKey])).toEqual([
      [1, "event-id", "g1"],
      [3, "event-id", "g2"],
    ]);
    expect(tree.nodesByKey.get("g1")?.duplicateCount).toBe(1);
    // Both stay selectable: the first by its id, the second by a key derived from id and position.
    const second = tree.nodesByKey.get("g2")!;
    expect([tree.nodesByKey.get("g1")?.eventKey, second.eventKey, second.event?.id]).toEqual(["u1", "u1#2", "u1"]);
    expect(tree.nodesByEventId.get("u1#2")).toBe(second);
    expect(tree.nodesByEventId.get("u1")?.key).toBe("g1");
    expect(tree.notes.map((n) => [n.kind, n.index, n.eventId, n.relatedId])).toEqual([
      ["merged", 1, "u1", "u1"],
      ["reused-id", 2, "u1", "u1#2"],
      ["merged", 3, "u1", "u1"],
    ]);
  });

  it("steps a reused id's key around an event whose own id looks derived", () => {
    const first = ev("u1", "$ai_span", 1, { $ai_span_id: "s1" });
    const reused = ev("u1", "$ai_span", 2, { $ai_span_id: "s2" });
    const literal = ev("u1#1", "$ai_span", 3, { $ai_span_id: "s3" });
    const input = [first, reused, literal];
    const tree = buildTraceTree(input);
    expect(tree.nodesByEventId.get("u1#1")?.key).toBe("s3");
    expect(tree.nodesByEventId.get("u1#1.1")?.key).toBe("s2");
    expect(tree.notes.filter((n) => n.kind === "reused-id").map((n) => n.relatedId)).toEqual(["u1#1.1"]);
    expect(keptTraceEvents(input).map((k) => k.key)).toEqual(["u1", "u1#1.1", "u1#1"]);
  });

  it("keeps id-less events that differ, under derived node keys, when they also share a UUID", () => {
    const a = ev("u1", "$ai_span", 3, { $ai_latency: 1 });
    const b = ev("u1", "$ai_span", 4, { $ai_latency: 2 });
    const tree = buildTraceTree([a, b]);
    expect(tree.root.children.map((n) => [n.key, n.eventKey, n.event?.id]).sort()).toEqual([["u1#1", "u1#1", "u1"], ["u1", "u1", "u1"]]);
    expect(tree.metrics.totalLatency).toBe(3);
  });

  it("drops identical generations without $ai_span_id even when re-ingested under new UUIDs", () => {
    const props = { $ai_parent_id: "T", $ai_latency: 2, $ai_input_tokens: 50, $ai_total_cost_usd: 0.5, $ai_model: "m" };
    const tree = buildTraceTree([
      ev("u1", "$ai_generation", 5, props),
      ev("u2", "$ai_generation", 5, { ...props }),
      ev("u3", "$ai_generation", 5, { $ai_model: "m", $ai_total_cost_usd: 0.5, $ai_input_tokens: 50, $ai_latency: 2, $ai_parent_id: "T" }),
      ev("u4", "$ai_generation", 9, props), // a genuine second call: different timestamp
    ]);
    expect(tree.root.children).toHaveLength(2);
    expect(tree.metrics.inputTokens).toBe(100);
    expect(tree.metrics.totalCost).toBeCloseTo(1, 10);
    expect(tree.metrics.totalLatency).toBe(4);
    expect(tree.duplicates.map((d) => [d.event.id, d.reason, d.keptKey])).toEqual([
      ["u2", "content", "u1"],
      ["u3", "content", "u1"],
    ]);
    // The dropped copy's UUID still leads to the kept node, e.g. for evaluations that target it.
    expect(tree.nodesByEventId.get("u2")?.key).toBe("u1");
    const evaluated = buildTraceTree([
      ev("u1", "$ai_generation", 5, props),
      ev("u2", "$ai_generation", 5, { ...props }),
      ev("e1", "$ai_evaluation", 8, { $ai_target_event_id: "u2", $ai_evaluation_name: "judge" }),
    ]);
    expect(evaluated.orphans).toHaveLength(0);
    expect(evaluated.nodesByKey.get("u1")?.annotations.evaluations).toHaveLength(1);
  });

  it("drops identical id-less events and identical copies of a node id", () => {
    const metric = ev(undefined, "$ai_metric", 7, { $ai_metric_name: "score", $ai_metric_value: 1 });
    const span = ev("s-a", "$ai_span", 4, { $ai_span_id: "s", $ai_latency: 1 });
    const tree = buildTraceTree([span, ev("s-b", "$ai_span", 4, { $ai_span_id: "s", $ai_latency: 1 }), metric, { ...metric }]);
    expect(tree.duplicates.map((d) => d.reason)).toEqual(["content", "content"]);
    expect(tree.root.annotations.metrics).toHaveLength(1);
    expect(tree.metrics.eventCount).toBe(2);
  });

  it("keeps distinct events that reuse a node id, under distinct keys", () => {
    const tree = buildTraceTree([
      ev("a", "$ai_span", 4, { $ai_span_id: "s", $ai_latency: 1 }),
      ev("b", "$ai_span", 6, { $ai_span_id: "s", $ai_latency: 2 }),
      ev("c", "$ai_generation", 5, { $ai_parent_id: "s", $ai_latency: 0.5 }),
    ]);
    expect(tree.duplicates).toHaveLength(0);
    expect([...tree.nodesByKey.keys()].sort()).toEqual(["T", "c", "s", "s#1"]);
    // Children attach to the first owner of the id.
    expect(tree.nodesByKey.get("s")?.children.map((n) => n.key)).toEqual(["c"]);
  });

  it("can be switched off", () => {
    const g = ev("u1", "$ai_generation", 3, { $ai_latency: 1 });
    expect(buildTraceTree([g, g], { dedupe: false }).root.children).toHaveLength(2);
  });
});

describe("orphans and cycles", () => {
  it("hangs orphans under the root and flags them", () => {
    const tree = buildTraceTree([
      ev("a", "$ai_span", 2, { $ai_span_id: "a", $ai_parent_id: "missing", $ai_latency: 1 }),
      ev("b", "$ai_generation", 3, { $ai_parent_id: "a", $ai_latency: 1 }),
      ev("c", "$ai_generation", 4, {}),
    ]);
    expect(tree.root.children.map((n) => n.key)).toEqual(["a", "c"]);
    expect(tree.orphans.map((n) => n.key)).toEqual(["a"]);
    expect(tree.nodesByKey.get("c")?.orphan).toBe(false);
    expect(tree.nodesByKey.get("a")?.children.map((n) => n.key)).toEqual(["b"]);
  });

  it("breaks two-, three- and one-node cycles at their earliest node", () => {
    const tree = buildTraceTree([
      ev("x", "$ai_span", 10, { $ai_span_id: "x", $ai_parent_id: "y", $ai_latency: 5 }), // starts at 5
      ev("y", "$ai_span", 10, { $ai_span_id: "y", $ai_parent_id: "x", $ai_latency: 8 }), // starts at 2
      ev("p", "$ai_span", 20, { $ai_span_id: "p", $ai_parent_id: "r", $ai_latency: 1 }),
      ev("q", "$ai_span", 20, { $ai_span_id: "q", $ai_parent_id: "p", $ai_latency: 3 }),
      ev("r", "$ai_span", 20, { $ai_span_id: "r", $ai_parent_id: "q", $ai_latency: 2 }),
      ev("s", "$ai_span", 30, { $ai_span_id: "s", $ai_parent_id: "s", $ai_latency: 1 }),
      ev("k", "$ai_generation", 9, { $ai_parent_id: "x", $ai_latency: 1 }),
    ]);
    expect(tree.brokenCycles.map((n) => n.key).sort()).toEqual(["q", "s", "y"]);
    expect(tree.root.children.map((n) => n.key)).toEqual(["y", "q", "s"]);
    expect(flattenTraceTree(tree).map((r) => `${r.depth}${r.node.key}`)).toEqual(["0T", "1y", "2x", "3k", "1q", "2r", "3p", "1s"]);
  });

  it("treats a span that reuses the trace id as the top-level node", () => {
    const tree = buildTraceTree([
      ev("root-span", "$ai_span", 10, { $ai_span_id: "T", $ai_parent_id: "T", $ai_latency: 10 }),
      ev("child", "$ai_generation", 5, { $ai_parent_id: "T", $ai_latency: 1 }),
    ]);
    expect(tree.brokenCycles).toHaveLength(0);
    expect(tree.root.children).toHaveLength(1);
    expect(tree.root.children[0]?.children.map((n) => n.key)).toEqual(["child"]);
  });

  it("still builds the batch trace (502 events) with every document under the root span", () => {
    const tree = buildTraceTree(loadTraceFixture("batch-500-spans"));
    expect(tree.root.children).toHaveLength(1);
    expect(tree.root.totals.nodeCount).toBe(503);
    expect(tree.metrics.errorCount).toBe(2);
  });
});

describe("data notes", () => {
  it("lists skipped items, merges, re-parented orphans and broken cycles with their ids, in input order", () => {
    const tree = buildTraceTree([
      null,
      ev("a", "$ai_span", 2, { $ai_span_id: "a", $ai_parent_id: "b", $ai_latency: 1 }),
      ev("b", "$ai_span", 3, { $ai_span_id: "b", $ai_parent_id: "a", $ai_latency: 1 }),
      ev("o", "$ai_generation", 4, { $ai_parent_id: "nowhere" }),
      ev("o", "$ai_generation", 4, { $ai_parent_id: "nowhere" }),
      "text",
    ]);
    expect(tree.notes.map((n) => [n.kind, n.index, n.eventId, n.nodeKey, n.relatedId])).toEqual([
      ["skipped", 0, null, null, null],
      ["cycle-broken", 1, "a", "a", "b"],
      ["re-parented", 3, "o", "o", "nowhere"],
      ["merged", 4, "o", "o", "o"],
      ["skipped", 5, null, null, null],
    ]);
    expect(tree.notes[0]?.message).toBe("Item 1 of the event list is null, not an event; skipped.");
    expect(tree.notes[5 - 1]?.message).toContain("a string");
    expect(tree.skippedCount).toBe(2);
  });

  it("has none for clean data", () => {
    expect(buildTraceTree([ev("x", "$ai_generation", 1, { $ai_parent_id: "T" })]).notes).toEqual([]);
  });
});
