import fc from "fast-check";
import { isCostUnknown } from "../../src/core/traceUsage";
import { describe, expect, it } from "vitest";
import { mediaOmissionOf } from "../../src/core/messages";
import { buildTraceTree, describeCost, describeTokens, llmTraceUsage, summarizeTraceEvents } from "../../src/core/trace";

const gen = (id: string, properties: Record<string, unknown>) => ({ id, event: "$ai_generation", createdAt: "2026-01-01T00:00:01Z", properties: { $ai_trace_id: "t", ...properties } });

describe("usage that nobody reported stays unknown", () => {
  it("a trace with no reported cost shows '—', not $0.00, in the tree and the table helpers", () => {
    const events = [gen("a", { $ai_input_tokens: 5 }), gen("b", { $ai_output_tokens: 2 })];
    const tree = buildTraceTree(events);
    expect(describeCost(tree.metrics.totalCost, tree.metrics.coverage).text).toBe("—");
    expect(describeCost(tree.metrics.totalCost, tree.metrics.coverage).status).toBe("unknown");
    const usage = llmTraceUsage({ id: "t", createdAt: "", totalCost: 0, events });
    expect(describeCost(usage.totalCost, usage.coverage, "en-US")).toMatchObject({ text: "—", status: "unknown" });
    expect(describeTokens(usage.inputTokens, usage.outputTokens, usage.coverage, "en-US").text).toBe("5 → 2 (∑ 7)");
  });

  it("a reported zero is a real $0.00", () => {
    const usage = llmTraceUsage({ id: "t", createdAt: "", totalCost: 0, events: [gen("a", { $ai_total_cost_usd: 0 })] });
    expect(describeCost(usage.totalCost, usage.coverage, "en-US")).toMatchObject({ text: "$0.00", status: "complete" });
  });

  it("a mixed trace is a lower bound naming what did not report", () => {
    const events = [gen("a", { $ai_span_name: "plan", $ai_total_cost_usd: 0.5 }), gen("b", { $ai_span_name: "draft" })];
    const tree = buildTraceTree(events);
    const cost = describeCost(tree.metrics.totalCost, tree.metrics.coverage, "en-US");
    expect(cost).toMatchObject({ text: "≥ $0.50", status: "partial" });
    expect(cost.note).toContain("draft");
  });

  it("cost, tokens and latency on the $ai_trace event are the trace's own, not summed again", () => {
    const events = [
      { id: "t0", event: "$ai_trace", createdAt: "2026-01-01T00:00:09Z", properties: { $ai_trace_id: "t", $ai_total_cost_usd: 0.25, $ai_latency: 9 } },
      gen("a", { $ai_input_tokens: 10, $ai_output_tokens: 4, $ai_latency: 2 }),
    ];
    const tree = buildTraceTree(events);
    expect(tree.metrics.totalCost).toBe(0.25);
    expect(tree.root.totals.totalCost).toBe(0.25);
    expect(tree.metrics.totalLatency).toBe(9);
    expect(describeCost(tree.metrics.totalCost, tree.metrics.coverage, "en-US")).toMatchObject({ text: "$0.25", status: "complete" });
    const summary = summarizeTraceEvents(events);
    expect(summary).toMatchObject({ totalCost: 0.25, totalLatency: 9, inputTokens: 10, usageReportedOnTrace: { cost: true, tokens: false, latency: true } });
    expect(describeCost(llmTraceUsage(summary).totalCost, llmTraceUsage(summary).coverage, "en-US").text).toBe("$0.25");
    // A PostHog-style LLMTrace whose events include the trace event: its figures win over the server's sum.
    expect(llmTraceUsage({ id: "t", createdAt: "", totalCost: 0, events }).totalCost).toBe(0.25);
  });
});

describe("SDK media placeholders", () => {
  it.each([
    ["[base64 image redacted]", { reason: "redacted" }],
    ["[base64 image/png redacted]", { reason: "redacted", mediaType: "image/png" }],
    ["[base64 redacted]", { reason: "redacted" }],
    ["[base64 file redacted]", { reason: "redacted" }],
    ["data:image/png;base64,[base64 image redacted]", { reason: "redacted", mediaType: "image/png" }],
    ["DATA:IMAGE/PNG;BASE64,[base64 image redacted]", { reason: "redacted", mediaType: "image/png" }],
    ["[image/png file - 48213 bytes]", { reason: "not-captured", mediaType: "image/png", sizeBytes: 48213 }],
    ["[binary audio/wav file]", { reason: "not-captured", mediaType: "audio/wav" }],
    ["raw files not supported", { reason: "not-captured" }],
    [`phaiblob://v1/sha256/${"a".repeat(64)}?mime=image%2Fpng&size=131072`, { reason: "offloaded", mediaType: "image/png", sizeBytes: 131072 }],
  ])("%s", (value, expected) => {
    expect(mediaOmissionOf(value)).toMatchObject(expected);
  });

  it.each(["data:image/png;base64,iVBORw0KGgo=", "https://example.com/a.png", "iVBORw0KGgo=", "nonsense", "[base64 image redacted] and more"])("%s is content", (value) => {
    expect(mediaOmissionOf(value)).toBeNull();
  });
});

describe("isCostUnknown", () => {
  it("agrees with describeCost's unknown status for any total and coverage", () => {
    const total = fc.oneof(fc.constant(null), fc.constant(undefined), fc.constant(Number.NaN), fc.double({ min: -5, max: 5, noNaN: true }), fc.constant(0));
    const coverage = fc.record({
      usageEvents: fc.integer({ min: 0, max: 4 }),
      costReported: fc.integer({ min: 0, max: 4 }),
      tokensReported: fc.integer({ min: 0, max: 4 }),
      costFromTrace: fc.boolean(),
      tokensFromTrace: fc.boolean(),
      costMissingNames: fc.constant([] as string[]),
      tokensMissingNames: fc.constant([] as string[]),
    });
    fc.assert(fc.property(total, coverage, (t, c) => {
      expect(isCostUnknown(t, c)).toBe(describeCost(t, c).status === "unknown");
    }), { numRuns: 300 });
  });
});
