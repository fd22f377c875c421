import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findTraceOutliers, modifiedZScore, sortedPercentile, traceOutlierInput, type TraceOutlierInput } from "../../src/core";
import { outlierColumnsJob } from "../../src/core/traceOutliers";
import { TRACE_FIXTURES, loadTraceFixture } from "./traceFixtures";

const rows = (values: Array<number | null>, metric: keyof Omit<TraceOutlierInput, "traceId"> = "cost"): TraceOutlierInput[] =>
  values.map((value, i) => ({ traceId: `t${i}`, [metric]: value }));

describe("findTraceOutliers", () => {
  it("flags by modified z-score when the MAD is positive, and says why", () => {
    const result = findTraceOutliers(rows([1, 1.1, 0.9, 1.2, 0.8, 1.05, 9]));
    expect(result.stats.cost).toMatchObject({ method: "mad", count: 7, median: 1.05 });
    expect(result.outliers.map((o) => o.traceId)).toEqual(["t6"]);
    const reason = result.outliers[0]!.reasons[0]!;
    expect(reason).toMatchObject({ metric: "cost", value: 9, median: 1.05, direction: "high", method: "mad" });
    expect(reason.score).toBeCloseTo(modifiedZScore(9, 1.05, 0.15), 9);
    expect(reason.threshold).toBeCloseTo(1.05 + (3.5 * 0.15) / 0.6745, 9);
    expect(reason.text).toBe("Cost $9.00 is unusually high: the median is $1.05 and outliers start above $1.83 (modified z-score 35.7).");
    expect(result.byTraceId.get("t6")?.text).toBe(reason.text);
  });

  it("falls back to the 95th percentile when the MAD is 0", () => {
    const counts = [...Array(30).fill(0), 1, 1, 1, 4];
    const errors = rows(counts, "errors");
    const result = findTraceOutliers(errors);
    expect(result.stats.errors).toMatchObject({ method: "percentile", mad: 0, median: 0 });
    expect(result.stats.errors.high).toBeCloseTo(sortedPercentile(counts, 0.95), 12);
    expect(result.outliers.map((o) => o.traceId)).toEqual(["t33"]);
    expect(result.outliers[0]!.reasons[0]!.text).toBe("Error count (4 errors) is unusually high: most traces have 0 errors, and this is above the 95th percentile (1 error).");
  });

  it("leaves unknown values out, needs five known values, and flags low values only when asked", () => {
    expect(findTraceOutliers(rows([1, 2, 100, null, null, null])).outliers).toEqual([]);
    expect(findTraceOutliers(rows([1, 2, 100, null, null, null])).stats.cost).toMatchObject({ method: "too-few", count: 3 });
    const low = rows([10, 10.5, 9.5, 10.2, 9.8, 0.1], "latency");
    expect(findTraceOutliers(low).outliers).toEqual([]);
    const both = findTraceOutliers(low, { direction: "both" });
    expect(both.outliers[0]?.reasons[0]).toMatchObject({ direction: "low", metric: "latency" });
    expect(both.outliers[0]?.traceId).toBe("t5");
  });

  it("over the fixtures: the looping and retrying agents stand out in loops, expensive traces in cost", () => {
    const inputs = TRACE_FIXTURES.map((name) => traceOutlierInput(loadTraceFixture(name)));
    const loop = inputs.find((i) => i.traceId === loadTraceFixture("agent-loop").id);
    expect(loop?.loops).toBe(2);
    const result = findTraceOutliers(inputs);
    const flagged = (metric: string) => result.outliers.filter((o) => o.reasons.some((r) => r.metric === metric)).map((o) => o.traceId);
    expect(flagged("loops")).toEqual(expect.arrayContaining([loadTraceFixture("agent-retry").id]));
    expect(flagged("cost")).toContain(loadTraceFixture("huge-300kb-message").id);
    expect(flagged("cost")).not.toContain(loadTraceFixture("support-chatbot").id);
  });

  it("reads an LLMTrace list row's own totals, and a 0 nobody reported as unknown", () => {
    const row = { id: "r1", createdAt: "2025-01-01T00:00:00Z", totalLatency: 3.2, totalCost: 0, inputTokens: 0, outputTokens: 0, errorCount: 2, events: [] };
    expect(traceOutlierInput(row)).toMatchObject({ traceId: "r1", latency: 3.2, cost: null, errors: 2, loops: 0 });
    expect(traceOutlierInput({ ...row, totalCost: 0.5, inputTokens: 10, outputTokens: 5 })).toMatchObject({ cost: 0.5, tokens: 15 });
  });
});

describe("findTraceOutliers properties", () => {
  const values = fc.array(fc.option(fc.integer({ min: 0, max: 1000 }).map((n) => n / 10), { nil: null, freq: 6 }), { minLength: 0, maxLength: 60 });

  it("do not depend on the order of the traces", () => {
    fc.assert(
      fc.property(values, fc.infiniteStream(fc.nat()), (list, seeds) => {
        const input = rows(list);
        const shuffled = [...input];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (seeds.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const flags = (r: ReturnType<typeof findTraceOutliers>) => r.outliers.map((o) => `${o.traceId}:${o.text}`).sort();
        expect(flags(findTraceOutliers(shuffled))).toEqual(flags(findTraceOutliers(input)));
      }),
      { numRuns: 80 },
    );
  });

  it("flag exactly the values past the reported bound; the fallback flags at most about 5%", () => {
    fc.assert(
      fc.property(values, (list) => {
        const result = findTraceOutliers(rows(list));
        const stat = result.stats.cost;
        const known = list.filter((v): v is number => v !== null);
        const flagged = new Set(result.outliers.map((o) => o.index));
        if (stat.method === "too-few") expect(flagged.size).toBe(0);
        list.forEach((v, i) => {
          if (v === null) expect(flagged.has(i)).toBe(false);
          else if (stat.method === "mad") expect(flagged.has(i)).toBe(modifiedZScore(v, stat.median!, stat.mad!) > 3.5);
          else if (stat.method === "percentile") expect(flagged.has(i)).toBe(v > stat.high!);
        });
        if (stat.method === "percentile") expect(flagged.size).toBeLessThanOrEqual(0.05 * known.length + 1);
        if (new Set(known).size === 1) expect(flagged.size).toBe(0);
      }),
      { numRuns: 120 },
    );
  });

  it("never throw on junk rows", () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 20 }), (junk) => {
        expect(Array.isArray(findTraceOutliers(junk as never).outliers)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe("outlierColumnsJob (the sliced form TracesTable runs)", () => {
  /** The method written out plainly: per metric, median and MAD by array sort, then the cut-offs. */
  function reference(inputs: TraceOutlierInput[]): Map<string, string[]> {
    const flagged = new Map<string, string[]>();
    for (const metric of ["cost", "latency", "tokens", "errors", "loops"] as const) {
      const known = inputs.flatMap((input) => (typeof input[metric] === "number" && Number.isFinite(input[metric]) && input[metric]! >= 0 ? [[input.traceId, input[metric]!] as const] : []));
      if (known.length < 5) continue;
      const median = (xs: number[]) => {
        const s = [...xs].sort((a, b) => a - b);
        return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
      };
      const m = median(known.map(([, v]) => v));
      const mad = median(known.map(([, v]) => Math.abs(v - m)));
      const high = mad > 0 ? Infinity : sortedPercentile([...known.map(([, v]) => v)].sort((a, b) => a - b), 0.95);
      for (const [id, v] of known) {
        if (mad > 0 ? modifiedZScore(v, m, mad) > 3.5 : v > high) flagged.set(id, [...(flagged.get(id) ?? []), metric]);
      }
    }
    return flagged;
  }

  it("flags what the plain method flags, for any figures", () => {
    const figure = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.record({ cost: figure, latency: figure, tokens: figure, errors: figure, loops: figure }), { maxLength: 60 }), (figures) => {
        const inputs = figures.map((f, i) => ({ traceId: `t${i}`, ...f }));
        const result = findTraceOutliers(inputs);
        const got = new Map(result.outliers.map((o) => [o.traceId, o.reasons.map((r) => r.metric)]));
        expect(got).toEqual(reference(inputs));
      }),
      { numRuns: 150 },
    );
  });

  it("yields while it works through many traces and ends with findTraceOutliers' result", () => {
    const count = 20_000;
    const inputs = Array.from({ length: count }, (_, i) => ({ traceId: `t${i}`, cost: i % 997 === 0 ? 500 : (i % 13) / 10, errors: i % 50 === 0 ? 3 : 0, latency: i % 3 === 0 ? null : (i % 7) + 1 }));
    const job = outlierColumnsJob({ count, traceIdAt: (i) => inputs[i]!.traceId, valueAt: (metric, i) => inputs[i]![metric as "cost"] });
    let yields = 0;
    let step = job.next();
    while (!step.done) {
      yields++;
      step = job.next();
    }
    expect(yields).toBeGreaterThan(10);
    const expected = findTraceOutliers(inputs);
    expect(step.value.outliers).toEqual(expected.outliers);
    expect(step.value.stats).toEqual(expected.stats);
    expect(expected.outliers.length).toBeGreaterThan(0);
  });
});
