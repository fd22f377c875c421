import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTraceTree, describeCost, traceBreakdown, tracesBreakdown, type BreakdownDimension, type BreakdownRow } from "../../src/core";
import { close, nodeSpecs, specTrace } from "./insightArbitraries";
import { loadTraceFixture } from "./traceFixtures";

const DIMENSIONS: BreakdownDimension[] = ["tool", "model", "span"];
const row = (rows: BreakdownRow[], label: string) => {
  const found = rows.find((r) => r.label === label);
  if (!found) throw new Error(`no row ${label}: ${rows.map((r) => r.label).join(", ")}`);
  return found;
};

describe("traceBreakdown over the fixtures", () => {
  it("coding agent: tool rows count spans and requested calls; the slowest run_tests points at its event", () => {
    const trace = loadTraceFixture("coding-agent");
    const tools = traceBreakdown(trace, "tool");
    const runTests = row(tools.rows, "run_tests");
    expect(runTests.count).toBe(3);
    expect(runTests.requestedCalls).toBe(3);
    expect(runTests.errorCount).toBe(2);
    expect(runTests.latency).toBeCloseTo(11.4, 6);
    expect(runTests.slowest?.value).toBe(3.8);
    const slowEvent = trace.events.find((e) => e.id === runTests.slowest?.eventId);
    expect(slowEvent?.properties.$ai_span_name).toBe("run_tests");
    expect(runTests.slowest?.traceId).toBe(trace.id);
    expect(runTests.slowest?.eventKey).toBe(runTests.slowest?.eventId);
    // Tool spans hold no generation: their cost is unknown ("—"), never $0.
    expect(runTests.cost).toBeNull();
    expect(runTests.coverage.usageEvents).toBe(0);
    expect(tools.rest.cost).toBeCloseTo(0.08561, 8);
    expect(tools.rest.share.cost).toBe(1);
  });

  it("coding agent: one model holds all the cost; span rows nest (agent_run's wall time is the trace's)", () => {
    const trace = loadTraceFixture("coding-agent");
    const models = traceBreakdown(trace, "model");
    expect(models.rows).toHaveLength(1);
    expect(models.rows[0]?.provider).toBe("openai");
    expect(models.rows[0]?.share.cost).toBe(1);
    expect(models.rows[0]?.mostExpensive?.value).toBeGreaterThan(0);
    const spans = traceBreakdown(trace, "span");
    const agentRun = row(spans.rows, "agent_run");
    expect(agentRun.share.wallTime).toBe(1);
    expect(agentRun.cost).toBeCloseTo(0.08561, 8);
    expect(agentRun.selfTime).toBeLessThan(agentRun.latency as number);
  });

  it("fan-out: sub-agent tool rows carry their generations' cost; parallel calls' wall time is below their summed latency", () => {
    const trace = loadTraceFixture("agent-fan-out");
    const tools = traceBreakdown(trace, "tool");
    const research = row(tools.rows, "research_company");
    expect(research.count).toBe(4);
    expect(research.cost).toBeGreaterThan(0);
    expect(research.coverage).toMatchObject({ usageEvents: 8, costReported: 8 });
    expect(research.wallTime as number).toBeLessThan((research.latency as number) / 2);
    expect(row(tools.rows, "news_search").errorCount).toBe(1);
    const shares = tools.rows.reduce((sum, r) => sum + (r.share.cost ?? 0), 0) + (tools.rest.share.cost ?? 0);
    expect(shares).toBeCloseTo(1, 9);
    expect(tools.rows[0]?.label).toBe("research_company");
  });

  it("a set: rows add up over traces and count the traces they occur in", () => {
    const a = loadTraceFixture("agent-loop");
    const b = loadTraceFixture("agent-fan-out");
    const set = tracesBreakdown([a, b], "model");
    const mini = row(set.rows, "gpt-4.1-mini");
    const inA = row(traceBreakdown(a, "model").rows, "gpt-4.1-mini");
    const inB = row(traceBreakdown(b, "model").rows, "gpt-4.1-mini");
    expect(mini.count).toBe(inA.count + inB.count);
    expect(mini.cost).toBeCloseTo((inA.cost ?? 0) + (inB.cost ?? 0), 12);
    expect(mini.traceCount).toBe(2);
    expect(set.traceCount).toBe(2);
    const slowest = Math.max(inA.slowest?.value ?? 0, inB.slowest?.value ?? 0);
    expect(mini.slowest?.value).toBe(slowest);
  });

  it("unreported costs stay unknown and partly reported ones are lower bounds", () => {
    const events = [
      { id: "e1", event: "$ai_generation", createdAt: "2025-01-01T00:00:02Z", properties: { $ai_trace_id: "T", $ai_model: "m", $ai_latency: 1 } },
      { id: "e2", event: "$ai_generation", createdAt: "2025-01-01T00:00:04Z", properties: { $ai_trace_id: "T", $ai_model: "m", $ai_latency: 1 } },
    ];
    const unknown = traceBreakdown(events, "model");
    expect(unknown.rows[0]?.cost).toBeNull();
    expect(unknown.total.cost).toBeNull();
    expect(unknown.rows[0]?.share.cost).toBeNull();
    expect(describeCost(unknown.rows[0]?.cost, unknown.rows[0]!.coverage).status).toBe("unknown");
    const partial = traceBreakdown([events[0], { ...events[1], properties: { ...events[1]!.properties, $ai_total_cost_usd: 0.5 } }], "model");
    expect(partial.rows[0]?.cost).toBe(0.5);
    expect(describeCost(partial.rows[0]?.cost, partial.rows[0]!.coverage).text).toMatch(/^≥/);
  });

  it("generations without a model get one row with a null key", () => {
    const b = traceBreakdown([{ id: "e", event: "$ai_generation", createdAt: "2025-01-01T00:00:00Z", properties: { $ai_trace_id: "T", $ai_total_cost_usd: 1 } }], "model");
    expect(b.rows).toHaveLength(1);
    expect(b.rows[0]).toMatchObject({ key: null, label: "(no model)", cost: 1 });
  });

  it("takes a built tree as is, and never throws on junk", () => {
    const tree = buildTraceTree(loadTraceFixture("rag-pipeline"));
    expect(traceBreakdown(tree, "span").rows.map((r) => r.label)).toContain("retrieve");
    for (const junk of [null, 42, "x", [1, null, {}], { events: "no" }]) {
      for (const dimension of DIMENSIONS) expect(traceBreakdown(junk as never, dimension).rows).toEqual([]);
    }
  });
});

describe("traceBreakdown properties", () => {
  const runs = { numRuns: 60 };

  it("rows plus rest make the whole: cost, tokens and self time; shares sum to 1 where everything is known", () => {
    fc.assert(
      fc.property(nodeSpecs(), fc.constantFrom(...DIMENSIONS), (specs, dimension) => {
        const b = traceBreakdown(specTrace(specs), dimension);
        const parts = [...b.rows, b.rest];
        const sum = (pick: (r: (typeof parts)[number]) => number | null) => parts.reduce((s, r) => s + (pick(r) ?? 0), 0);
        expect(close(sum((r) => r.cost), b.total.cost ?? 0)).toBe(true);
        expect(close(sum((r) => r.totalTokens), b.total.totalTokens ?? 0)).toBe(true);
        expect(close(sum((r) => r.selfTime), b.total.selfTime ?? 0)).toBe(true);
        expect(sum((r) => r.count)).toBe(b.total.count);
        const everyCostKnown = b.total.coverage.usageEvents > 0 && b.total.coverage.costReported === b.total.coverage.usageEvents;
        if (everyCostKnown && (b.total.cost ?? 0) > 0) expect(close(sum((r) => r.share.cost), 1)).toBe(true);
        if ((b.total.selfTime ?? 0) > 0) expect(close(sum((r) => r.share.selfTime), 1)).toBe(true);
      }),
      runs,
    );
  });

  it("no part exceeds its whole, and a row with no reported cost is unknown, not 0", () => {
    fc.assert(
      fc.property(nodeSpecs(), fc.constantFrom(...DIMENSIONS), (specs, dimension) => {
        const tree = buildTraceTree(specTrace(specs));
        const b = traceBreakdown(tree, dimension);
        for (const r of b.rows) {
          for (const share of Object.values(r.share)) if (share !== null) expect(share).toBeGreaterThanOrEqual(0), expect(share).toBeLessThanOrEqual(1);
          if (r.cost !== null) expect(r.cost).toBeLessThanOrEqual((b.total.cost ?? 0) * (1 + 1e-12));
          if (r.wallTime !== null) expect(r.wallTime).toBeLessThanOrEqual((b.total.wallTime ?? 0) * (1 + 1e-12) + 1e-9);
          if (r.selfTime !== null) expect(r.selfTime).toBeLessThanOrEqual((b.total.selfTime ?? 0) * (1 + 1e-12) + 1e-9);
          expect(r.cost === null).toBe(r.coverage.costReported === 0);
          if (r.slowest) expect(tree.nodesByKey.get(r.slowest.nodeKey)?.metrics.latency).toBe(r.slowest.value);
          if (r.mostExpensive) expect(tree.nodesByKey.get(r.mostExpensive.nodeKey)?.totals.totalCost).toBe(r.mostExpensive.value);
        }
      }),
      runs,
    );
  });

  it("a set is the sum of its traces", () => {
    fc.assert(
      fc.property(nodeSpecs(15), nodeSpecs(15), fc.constantFrom(...DIMENSIONS), (a, b, dimension) => {
        const ta = specTrace(a, "A", "a");
        const tb = specTrace(b, "B", "b");
        const set = tracesBreakdown([ta, tb], dimension);
        const one = traceBreakdown(ta, dimension);
        const two = traceBreakdown(tb, dimension);
        expect(close(set.total.cost ?? 0, (one.total.cost ?? 0) + (two.total.cost ?? 0))).toBe(true);
        expect(set.total.count).toBe(one.total.count + two.total.count);
        for (const r of set.rows) {
          const counts = [one, two].map((x) => x.rows.find((y) => y.key === r.key)?.count ?? 0);
          expect(r.count).toBe((counts[0] ?? 0) + (counts[1] ?? 0));
        }
      }),
      { numRuns: 40 },
    );
  });
});
