import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTraceTree, commonSpanFlows, commonSpanPaths, type TraceTreeNode } from "../../src/core";
import { nodeSpecs, specTrace } from "./insightArbitraries";
import { loadTraceFixture } from "./traceFixtures";

describe("commonSpanPaths / commonSpanFlows over the fixtures", () => {
  it("counts root-to-leaf paths across traces, with the traces they occur in and an example", () => {
    const traces = [loadTraceFixture("agent-loop"), loadTraceFixture("agent-retry"), loadTraceFixture("coding-agent")];
    const paths = commonSpanPaths(traces, { limit: 50 });
    const flights = paths.find((p) => p.label === "TripPlanner › search_flights");
    expect(flights).toMatchObject({ occurrences: 7, traceCount: 1 });
    expect(flights?.steps).toEqual([
      { kind: "span", name: "TripPlanner" },
      { kind: "span", name: "search_flights" },
    ]);
    expect(paths.find((p) => p.label === "support_agent › tool_retry › create_ticket")?.occurrences).toBe(3);
    expect(paths[0]?.label).toBe("agent_run › gpt-4.1");
    const example = paths[0]!.example;
    expect(traces[2]!.events.some((e) => e.id === example.eventId)).toBe(true);
  });

  it("counts sibling n-grams; looked-through kinds let their children take their place", () => {
    const trace = loadTraceFixture("agent-loop");
    expect(commonSpanFlows([trace], { length: 2 })[0]).toMatchObject({ label: "gpt-4.1-mini → search_flights", occurrences: 7 });
    const spansOnly = commonSpanFlows([trace], { length: 3, kinds: ["span"] });
    expect(spansOnly[0]).toMatchObject({ label: "search_flights → search_flights → search_flights", occurrences: 4 });
    expect(commonSpanPaths([trace], { kinds: ["generation"] })[0]).toMatchObject({ label: "gpt-4.1-mini", occurrences: 9 });
  });

  it("limits, and never throws on junk", () => {
    expect(commonSpanPaths([loadTraceFixture("batch-500-spans")], { limit: 3 })).toHaveLength(3);
    expect(commonSpanPaths([null, 1, "x", { events: [null] }] as never[])).toEqual([]);
    expect(commonSpanFlows([null, [{}]] as never[])).toEqual([]);
  });
});

function leafCount(nodes: Iterable<TraceTreeNode>): number {
  let leaves = 0;
  for (const node of nodes) {
    if (node.kind === "trace" || node.kind === "evaluation") continue;
    if (!node.children.some((c) => c.kind !== "evaluation")) leaves++;
  }
  return leaves;
}

describe("flow properties", () => {
  it("every leaf is on exactly one counted path", () => {
    fc.assert(
      fc.property(fc.array(nodeSpecs(20), { minLength: 1, maxLength: 4 }), (sets) => {
        const traces = sets.map((specs, i) => specTrace(specs, `T${i}`, `t${i}-`));
        const leaves = traces.reduce((n, t) => n + leafCount(buildTraceTree(t).nodesByKey.values()), 0);
        const paths = commonSpanPaths(traces, { limit: Number.POSITIVE_INFINITY });
        expect(paths.reduce((n, p) => n + p.occurrences, 0)).toBe(leaves);
        for (const p of paths) expect(p.traceCount).toBeLessThanOrEqual(Math.min(p.occurrences, traces.length));
      }),
      { numRuns: 50 },
    );
  });

  it("the top k are the first k of the full ranking", () => {
    fc.assert(
      fc.property(fc.array(nodeSpecs(25), { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 6 }), (sets, k) => {
        const traces = sets.map((specs, i) => specTrace(specs, `T${i}`, `t${i}-`));
        const all = commonSpanPaths(traces, { limit: Number.POSITIVE_INFINITY }).map((p) => p.label);
        expect(commonSpanPaths(traces, { limit: k }).map((p) => p.label)).toEqual(all.slice(0, k));
        const flows = commonSpanFlows(traces, { limit: Number.POSITIVE_INFINITY }).map((p) => p.label);
        expect(commonSpanFlows(traces, { limit: k }).map((p) => p.label)).toEqual(flows.slice(0, k));
      }),
      { numRuns: 50 },
    );
  });

  it("counts do not depend on the order of the traces", () => {
    fc.assert(
      fc.property(fc.array(nodeSpecs(15), { minLength: 2, maxLength: 4 }), (sets) => {
        const traces = sets.map((specs, i) => specTrace(specs, `T${i}`, `t${i}-`));
        const counts = (list: typeof traces) =>
          commonSpanFlows(list, { limit: Number.POSITIVE_INFINITY, length: 2 })
            .map((f) => `${f.label}:${f.occurrences}:${f.traceCount}`)
            .sort();
        expect(counts([...traces].reverse())).toEqual(counts(traces));
      }),
      { numRuns: 40 },
    );
  });
});
