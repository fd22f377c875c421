import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { finishJob } from "../../src/core/jobSteps";
import { flattenTraceTree, type TraceTreeNode, type TraceTreeShape } from "../../src/core/trace";
import { outlineTraceTree } from "../../src/core/traceOutline";
import { scanTraceOutlineSteps, type TraceOutlineScan } from "../../src/core/traceOutlineScan";
import { siblingPositionsOf } from "../../src/components/TraceDetail/traceDetailRows";
import { kindsInTree } from "../../src/components/TraceDetail/traceDetailModel";
import { TRACE_FIXTURES, loadTraceFixture } from "./traceFixtures";

const scan = (input: unknown) => finishJob(scanTraceOutlineSteps(input));

/** Everything a view reads of a node before the tree is finished. */
const nodeFacts = (node: TraceTreeNode) => ({
  key: node.key, kind: node.kind, name: node.name, event: node.event, parentKey: node.parentKey, depth: node.depth, startMs: node.startMs, endMs: node.endMs,
  extent: [node.extentStartMs, node.extentEndMs], eventKey: node.eventKey, duplicateCount: node.duplicateCount, orphan: node.orphan, cycleBroken: node.cycleBroken,
  onCriticalPath: node.onCriticalPath, annotations: node.annotations, metrics: node.metrics, totals: node.totals, children: node.children.map((child) => child.key),
});

const rowFacts = (rows: ReturnType<typeof flattenTraceTree>) => rows.map((row) => ({ ...nodeFacts(row.node), row: [row.depth, row.hasChildren, row.collapsed] }));

const mapFacts = (map: ReadonlyMap<string, TraceTreeNode>) => [...map.entries()].map(([key, node]) => [key, node.key]);

/** The scan gives exactly what the outline gives: nodes, keys, parents, order, rows, positions, kinds, maps. */
function expectSameAsOutline(input: unknown, scanned: TraceOutlineScan): void {
  const outline: TraceTreeShape = outlineTraceTree(input);
  const rows = flattenTraceTree(outline);
  expect(scanned.shape.traceId).toBe(outline.traceId);
  expect(rowFacts(scanned.rows)).toEqual(rowFacts(rows));
  expect(rowFacts(flattenTraceTree(scanned.shape))).toEqual(rowFacts(rows));
  expect(scanned.positions).toEqual(siblingPositionsOf(rows));
  expect(scanned.kinds).toEqual(kindsInTree(outline));
  expect(mapFacts(scanned.shape.nodesByKey)).toEqual(mapFacts(outline.nodesByKey));
  expect(mapFacts(scanned.shape.nodesByEventId)).toEqual(mapFacts(outline.nodesByEventId));
  for (const key of outline.nodesByKey.keys()) expect(scanned.shape.nodesByKey.get(key)?.key).toBe(key);
}

const BASE = Date.UTC(2025, 0, 1);

/** Well-formed events (what the scan takes) with reused and missing ids, cycles, self-parents, metrics and odd times. */
const wellFormedEvents = (() => {
  const id = fc.constantFrom("a", "b", "c", "d", "T", "", "missing", "e1", "e2", 7);
  const time = fc.oneof(
    fc.integer({ min: 0, max: 200_000 }).map((ms) => new Date(BASE + ms).toISOString()),
    fc.constantFrom("", "not a date", "2025-01-01T00:00:05Z", "2025-01-31T23:59:59.999Z", "2025-01-01T24:00:00Z", "2025-01-01 00:00:03"),
  );
  const event = fc.record({
    id: fc.constantFrom("e1", "e2", "e3", "a", "", "u"),
    event: fc.constantFrom("$ai_generation", "$ai_span", "$ai_embedding", "$ai_metric", "$ai_feedback", "custom"),
    createdAt: time,
    properties: fc.record(
      {
        $ai_trace_id: fc.constantFrom("T", "U"), $ai_generation_id: id, $ai_span_id: id, $ai_parent_id: id, $ai_span_name: fc.constantFrom("step", ""), $ai_model: fc.constant("gpt"),
        $ai_latency: fc.oneof(fc.double({ min: 0, max: 5, noNaN: true }), fc.constantFrom(-1, "0.5", null)), $ai_ingestion_source: fc.constantFrom("otel", "sdk"),
        $ai_input_tokens: fc.nat(50), $ai_is_error: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  });
  return fc.array(event, { maxLength: 40 });
})();

describe("scanTraceOutline: the outline of a well-formed trace, read into columns", () => {
  it("property: on events with reused ids, orphans, cycles and self-parents it gives exactly outlineTraceTree's tree", () => {
    let scanned = 0;
    fc.assert(
      fc.property(wellFormedEvents, fc.boolean(), fc.option(fc.constantFrom("T", "U", "a")), (events, wrapped, traceId) => {
        const input = wrapped ? { id: traceId ?? undefined, traceName: "agent", events } : events;
        const result = scan(input);
        if (!result) return;
        scanned++;
        expectSameAsOutline(input, result);
      }),
      { numRuns: 300 },
    );
    // Nearly every generated trace is one the scan takes; the comparison must not pass by falling back.
    expect(scanned).toBeGreaterThan(250);
  });

  it("gives a trace id from the options as the outline does", () => {
    const events = [{ id: "e1", event: "$ai_span", createdAt: new Date(BASE).toISOString(), properties: { $ai_span_id: "X", $ai_parent_id: "X" } }];
    expectSameAsOutline(events, scan(events)!);
    const result = finishJob(scanTraceOutlineSteps(events, { traceId: "X" }))!;
    expect(result.shape.root.key).toBe("X");
    expect(result.rows.map((row) => row.node.key)).toEqual(flattenTraceTree(outlineTraceTree(events, { traceId: "X" })).map((row) => row.node.key));
  });

  it.each(TRACE_FIXTURES)("%s: the scan gives the outline's tree, or leaves the trace to it", (name) => {
    const trace = loadTraceFixture(name);
    const result = scan(trace);
    if (result) expectSameAsOutline(trace, result);
  });

  it("leaves to the full outline what it does not read: junk, copies of other shapes, $ai_trace and $ai_evaluation events, hostile objects", () => {
    const ok = { id: "e1", event: "$ai_span", createdAt: new Date(BASE).toISOString(), properties: { $ai_span_id: "s" } };
    const hostile = Object.defineProperty({}, "properties", { get: () => { throw new Error("no"); } });
    for (const odd of [null, 1, "x", [], { ...ok, id: 5 }, { ...ok, properties: null }, { ...ok, createdAt: 5 }, { ...ok, event: "$ai_trace" }, { ...ok, event: "$ai_evaluation" }, { ...ok, event: "toString" }, hostile]) {
      expect(scan([ok, odd])).toBeNull();
    }
    for (const input of [null, undefined, 42, "x", { events: "no" }]) expect(scan(input)?.rows.length).toBe(1);
  });

  it("reads a 30,000-deep chain and a 12,000-event trace in yielding steps, with the outline's rows", () => {
    const chain = Array.from({ length: 30_000 }, (_, i) => ({
      id: `e${i}`, event: "$ai_span", createdAt: new Date(BASE + 30_000 - i).toISOString(), properties: { $ai_span_id: `s${i}`, $ai_parent_id: i ? `s${i - 1}` : "T" },
    }));
    const rows = scan({ id: "T", events: chain })!.rows;
    expect(rows.length).toBe(30_001);
    expect(rows[30_000]!.depth).toBe(30_000);
    const events = Array.from({ length: 12_000 }, (_, i) => ({
      id: `e${i}`, event: i % 3 ? "$ai_span" : "$ai_generation", createdAt: new Date(BASE + ((i * 7919) % 12_000)).toISOString(),
      properties: { $ai_trace_id: "T", $ai_span_id: `s${i}`, $ai_parent_id: i % 10 === 0 ? "T" : `s${i - (i % 10)}`, $ai_latency: (i % 5) / 10 },
    }));
    const job = scanTraceOutlineSteps(events);
    let yields = 0;
    let step = job.next();
    for (; !step.done; step = job.next()) yields++;
    expect(yields).toBeGreaterThan(2);
    expectSameAsOutline(events, step.value!);
  });
});
