import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTraceTree, flattenTraceTree, startTraceTree, type TraceTree } from "../../src/core/trace";
import { startTraceTreeSteps } from "../../src/core/traceBuild";
import { outlineTraceTree, outlineTraceTreeSteps } from "../../src/core/traceOutline";
import { TRACE_FIXTURES, loadTraceFixture } from "./traceFixtures";

/** Runs a build's second stage to the end, counting the times it yields. */
function finish(input: unknown): { shapeKeys: string[]; tree: TraceTree; yields: number; sameRoot: boolean } {
  const { shape, finish: job } = startTraceTree(input);
  // Rows a view draws before the tree is finished.
  const shapeKeys = flattenTraceTree(shape).map((row) => row.node.key);
  let yields = 0;
  for (;;) {
    const step = job.next();
    if (step.done) return { shapeKeys, tree: step.value, yields, sameRoot: step.value.root === shape.root };
    yields++;
  }
}

const keysOf = (tree: TraceTree) => flattenTraceTree(tree).map((row) => row.node.key);

describe("startTraceTree: the shape first, the rest as a job", () => {
  it.each(TRACE_FIXTURES)("%s: the shape's rows are the finished tree's, in the same order, on the same nodes", (name) => {
    const trace = loadTraceFixture(name);
    const staged = finish(trace);
    expect(staged.sameRoot).toBe(true);
    expect(staged.shapeKeys).toEqual(keysOf(staged.tree));
    expect(staged.shapeKeys).toEqual(keysOf(buildTraceTree(trace)));
  });

  it("property: with colliding ids, duplicates, orphans and cycles, the shape's rows are the finished tree's", () => {
    const id = fc.constantFrom("a", "b", "c", "T", "", "missing");
    const event = fc.record(
      {
        id: fc.oneof(id, fc.constant(undefined)),
        event: fc.constantFrom("$ai_generation", "$ai_span", "$ai_trace", "$ai_evaluation", "$ai_metric", "$ai_feedback", "other"),
        createdAt: fc.integer({ min: 0, max: 5_000 }).map((ms) => new Date(Date.UTC(2025, 0, 1) + ms).toISOString()),
        properties: fc.record(
          { $ai_trace_id: fc.constant("T"), $ai_generation_id: id, $ai_span_id: id, $ai_parent_id: id, $ai_target_event_id: id, $ai_latency: fc.double({ min: 0, max: 5, noNaN: true }) },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    );
    // Exact copies too, so dedupe has something to merge.
    const input = fc.array(event, { maxLength: 30 }).chain((events) => fc.shuffledSubarray(events).map((copies) => [...events, ...copies]));
    fc.assert(
      fc.property(input, (events) => {
        const staged = finish(events);
        const plain = buildTraceTree(events);
        expect(staged.shapeKeys).toEqual(keysOf(staged.tree));
        expect(staged.shapeKeys).toEqual(keysOf(plain));
        expect(staged.tree.notes).toEqual(plain.notes);
      }),
      { numRuns: 150 },
    );
  });

  it("yields between chunks of a large trace, so a view can run it in slices", () => {
    const events = Array.from({ length: 12_000 }, (_, i) => ({
      id: `e${i}`,
      event: "$ai_span",
      createdAt: new Date(Date.UTC(2025, 0, 1) + i).toISOString(),
      properties: { $ai_trace_id: "T", $ai_span_id: `s${i}`, $ai_parent_id: i % 10 === 0 ? "T" : `s${i - (i % 10)}` },
    }));
    const staged = finish(events);
    expect(staged.yields).toBeGreaterThan(4);
    let shapeYields = 0;
    const job = startTraceTreeSteps(events);
    while (!job.next().done) shapeYields++;
    expect(shapeYields).toBeGreaterThan(4);
    expect(staged.tree.metrics.spanCount).toBe(12_000);
    expect(staged.shapeKeys).toEqual(keysOf(staged.tree));
  });
});

/** Events of one trace with colliding ids, orphans, cycles and exact copies (as the property above). */
const messyEvents = (() => {
  const id = fc.constantFrom("a", "b", "c", "T", "", "missing");
  const event = fc.record(
    {
      id: fc.oneof(id, fc.constant(undefined)),
      event: fc.constantFrom("$ai_generation", "$ai_span", "$ai_trace", "$ai_evaluation", "$ai_metric", "$ai_feedback", "other"),
      createdAt: fc.integer({ min: 0, max: 5_000 }).map((ms) => new Date(Date.UTC(2025, 0, 1) + ms).toISOString()),
      properties: fc.record(
        { $ai_trace_id: fc.constant("T"), $ai_generation_id: id, $ai_span_id: id, $ai_parent_id: id, $ai_target_event_id: id, $ai_latency: fc.double({ min: 0, max: 5, noNaN: true }) },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  );
  return fc.array(fc.oneof(event, fc.constant(null)), { maxLength: 30 }).chain((events) => fc.shuffledSubarray(events).map((copies) => [...events, ...copies]));
})();

/** What a row shows of a node before the tree is finished (the root's latency is the trace's, summed later). */
const rowFacts = (tree: Parameters<typeof flattenTraceTree>[0]) =>
  flattenTraceTree(tree).map(({ node, depth }) => [node.key, depth, node.kind, node.name, node.event, node.orphan, node.cycleBroken, node.parentKey === null ? null : node.metrics.latency, node.metrics.totalTokens, node.metrics.errorCount]);

describe("outlineTraceTree: the rows a large trace paints before it is checked", () => {
  it.each(TRACE_FIXTURES)("%s: the outline's rows are the finished tree's", (name) => {
    const trace = loadTraceFixture(name);
    const tree = buildTraceTree(trace);
    if (tree.duplicates.length === 0) expect(rowFacts(outlineTraceTree(trace))).toEqual(rowFacts(tree));
    else expect(flattenTraceTree(outlineTraceTree(trace)).length).toBe(flattenTraceTree(tree).length + tree.duplicates.length);
  });

  it("property: every finished row is in the outline; without copies to merge, the rows are the same, in the same order", () => {
    fc.assert(
      fc.property(messyEvents, (events) => {
        const tree = buildTraceTree(events);
        const outline = outlineTraceTree(events);
        const outlineKeys = new Set(flattenTraceTree(outline).map((row) => row.node.key));
        for (const row of flattenTraceTree(tree)) expect(outlineKeys.has(row.node.key)).toBe(true);
        // Copies are not merged yet: each shows as a row of its own (annotations and the root event excepted).
        expect(outlineKeys.size).toBeLessThanOrEqual(flattenTraceTree(tree).length + tree.duplicates.length);
        if (tree.duplicates.length === 0) expect(rowFacts(outline)).toEqual(rowFacts(tree));
      }),
      { numRuns: 200 },
    );
  });

  it("never throws on what is not a trace", () => {
    for (const input of [null, undefined, 42, "x", [], [null, 1, "e", [[]]], { events: "no" }, { events: [{ properties: null }] }]) {
      expect(() => flattenTraceTree(outlineTraceTree(input))).not.toThrow();
    }
  });

  it("as a job, yields between chunks of a large trace and ends with the same rows as the one-call outline", () => {
    const events = Array.from({ length: 12_000 }, (_, i) => ({
      id: `e${i}`,
      event: i % 3 === 0 ? "$ai_generation" : "$ai_span",
      createdAt: new Date(Date.UTC(2025, 0, 1) + ((i * 7919) % 12_000)).toISOString(),
      properties: { $ai_trace_id: "T", $ai_span_id: `s${i}`, $ai_parent_id: i % 10 === 0 ? "T" : `s${i - (i % 10)}`, $ai_latency: (i % 5) / 10 },
    }));
    const job = outlineTraceTreeSteps(events);
    let yields = 0;
    let step = job.next();
    while (!step.done) {
      yields++;
      step = job.next();
    }
    expect(yields).toBeGreaterThan(4);
    expect(rowFacts(step.value)).toEqual(rowFacts(outlineTraceTree(events)));
    expect(rowFacts(step.value)).toEqual(rowFacts(buildTraceTree(events)));
  });
});
