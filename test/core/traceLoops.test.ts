import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTraceTree, detectTraceLoops, traceLoopsByNodeKey, type TraceLoop } from "../../src/core";
import { nodeSpecs, specEvents } from "./insightArbitraries";
import { TRACE_FIXTURES, loadTraceFixture } from "./traceFixtures";

const summary = (loops: TraceLoop[]) => loops.map((l) => `${l.kind}|${l.pattern}|${l.label}|${l.repeats}|${l.match}|${l.parallel}`).sort();

describe("detectTraceLoops over the agent fixtures", () => {
  it("agent-loop: seven near-same flight searches and a six-times model → tool cycle", () => {
    const trace = loadTraceFixture("agent-loop");
    const loops = detectTraceLoops(trace);
    const tool = loops.find((l) => l.kind === "tool-repeat");
    expect(tool).toMatchObject({ label: "search_flights", repeats: 7, match: "near", pattern: "loop", parallel: false });
    expect(tool?.events).toHaveLength(7);
    expect(tool?.figures.latency).toBeGreaterThan(10);
    expect(tool?.description).toMatch(/^search_flights called 7 times with near-same arguments \(/);
    const agent = buildTraceTree(trace).nodesByKey.get(tool!.parentKey);
    expect(agent?.name).toBe("TripPlanner");
    const cycle = loops.find((l) => l.kind === "sequence-repeat");
    expect(cycle).toMatchObject({ block: ["gpt-4.1-mini", "search_flights"], period: 2, repeats: 6 });
    expect(cycle?.figures.cost).toBeGreaterThan(0);
    expect(cycle?.figures.coverage.costReported).toBe(6);
  });

  it("agent-retry: the tool and the model call are retries that succeeded", () => {
    const loops = detectTraceLoops(loadTraceFixture("agent-retry"));
    expect(loops.find((l) => l.kind === "tool-repeat")).toMatchObject({ label: "create_ticket", repeats: 3, pattern: "retry", match: "exact" });
    const model = loops.find((l) => l.kind === "generation-repeat");
    expect(model).toMatchObject({ label: "claude-3-7-sonnet-20250219", repeats: 2, pattern: "retry" });
    expect(model?.events.map((e) => e.errored)).toEqual([true, false]);
  });

  it("agent-fan-out: parallel sub-agents with different arguments are not loops", () => {
    expect(detectTraceLoops(loadTraceFixture("agent-fan-out"))).toEqual([]);
  });

  it("conversations turn by turn are not loops; two failing test runs with the same filter are", () => {
    expect(detectTraceLoops(loadTraceFixture("long-conversation-40-turns"))).toEqual([]);
    const coding = detectTraceLoops(loadTraceFixture("coding-agent"));
    expect(coding.find((l) => l.kind === "tool-repeat")).toMatchObject({ label: "run_tests", repeats: 2, pattern: "failing" });
  });

  it("the same call fanned out in parallel is flagged as parallel", () => {
    const events = [0, 1, 2].map((i) => ({
      id: `u${i}`,
      event: "$ai_span",
      createdAt: "2025-01-01T00:00:02.000Z",
      properties: { $ai_trace_id: "T", $ai_span_id: `s${i}`, $ai_span_name: "fetch", $ai_span_type: "tool", $ai_latency: 1, $ai_input_state: { url: "https://a.example" } },
    }));
    expect(detectTraceLoops(events, { kinds: ["tool-repeat"] })).toMatchObject([{ repeats: 3, parallel: true }]);
    // Overlapping repeats are a fan-out, not a cycle.
    expect(detectTraceLoops(events, { kinds: ["sequence-repeat"] })).toEqual([]);
  });

  it("indexes loops by node for tree and timeline badges", () => {
    const loops = detectTraceLoops(loadTraceFixture("agent-loop"));
    const byKey = traceLoopsByNodeKey(loops);
    const tool = loops.find((l) => l.kind === "tool-repeat")!;
    for (const event of tool.events) expect(byKey.get(event.nodeKey)).toContain(tool);
  });

  it.each(TRACE_FIXTURES)("%s: every loop event is a node of the trace and repeats × period events", (name) => {
    const trace = loadTraceFixture(name);
    const tree = buildTraceTree(trace);
    for (const loop of detectTraceLoops(tree)) {
      expect(loop.repeats).toBeGreaterThanOrEqual(2);
      expect(loop.events).toHaveLength(loop.repeats * loop.period);
      for (const event of loop.events) expect(tree.nodesByKey.has(event.nodeKey)).toBe(true);
    }
  });
});

describe("detectTraceLoops properties", () => {
  it("do not depend on the ids: renaming every span/generation id and event UUID gives the same loops", () => {
    fc.assert(
      fc.property(nodeSpecs(25), (specs) => {
        const a = detectTraceLoops(specEvents(specs, "T", "n"));
        const b = detectTraceLoops(specEvents(specs, "T", "renamed-"));
        expect(summary(b)).toEqual(summary(a));
      }),
      { numRuns: 60 },
    );
  });

  it("find a block repeated back to back r ≥ 3 times under one parent", () => {
    const block = fc.uniqueArray(fc.constantFrom("plan", "search", "read", "write"), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(block, fc.integer({ min: 3, max: 8 }), (names, r) => {
        const events: unknown[] = [];
        let t = Date.UTC(2025, 0, 1);
        for (let i = 0; i < r; i++) {
          for (const name of names) {
            t += 1000;
            const n = events.length;
            events.push({ id: `u${n}`, event: "$ai_span", createdAt: new Date(t).toISOString(), properties: { $ai_trace_id: "T", $ai_span_id: `s${n}`, $ai_span_name: name, $ai_latency: 0.5, $ai_input_state: { step: n } } });
          }
        }
        const found = detectTraceLoops(events, { kinds: ["sequence-repeat"] });
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ block: names, period: names.length, repeats: r });
      }),
      { numRuns: 40 },
    );
  });

  it("never throw on junk", () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        expect(Array.isArray(detectTraceLoops(junk as never))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
