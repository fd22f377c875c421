import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildTraceTree,
  conversationOpenState,
  CONVERSATION_PRESETS,
  describeCostBreakdown,
  evaluationBadges,
  eventCostBreakdown,
  generationModelParameters,
  parseMessages,
  readConversationPreset,
  traceCostBreakdown,
  traceEvaluations,
  traceFeedbackAndMetrics,
  traceModelParameters,
  type Message,
} from "../../src/core";
import { nodeSpecs, specTrace } from "./insightArbitraries";
import { loadTraceFixture } from "./traceFixtures";

describe("cost breakdown", () => {
  it("splits a trace's cost into input, output, request and web search", () => {
    const b = traceCostBreakdown(loadTraceFixture("agent-fan-out"));
    expect(b.request).toEqual({ amount: 0.006, reported: 1 });
    expect(b.webSearch.amount).toBeCloseTo(0.1, 12);
    expect(b.webSearch.reported).toBe(4);
    expect(b.total).toBeCloseTo((b.input.amount ?? 0) + (b.output.amount ?? 0) + 0.006 + 0.1, 9);
    expect(b.other).toBeNull();
    expect(describeCostBreakdown(b, "en-US").map((l) => l.label)).toEqual(["Input", "Output", "Request", "Web search"]);
  });

  it("of one event: a total above its parts shows the rest as other; nothing reported stays unknown", () => {
    expect(eventCostBreakdown({ $ai_input_cost_usd: 0.1, $ai_output_cost_usd: 0.2, $ai_total_cost_usd: 0.5 }).other).toBeCloseTo(0.2, 12);
    const none = eventCostBreakdown({ $ai_model: "m" });
    expect(none.total).toBeNull();
    expect(none.input.amount).toBeNull();
    expect(describeCostBreakdown(none)).toEqual([]);
  });

  it("for a subtree, and the trace event's own cost wins for the whole trace", () => {
    const trace = loadTraceFixture("agent-fan-out");
    const tree = buildTraceTree(trace);
    const sub = [...tree.nodesByKey.values()].find((n) => n.name === "research_company")!;
    const subCost = traceCostBreakdown(tree, sub.key);
    expect(subCost.coverage.usageEvents).toBe(2);
    expect(subCost.total).toBeCloseTo(sub.totals.totalCost, 12);
    const withTraceEvent = [...trace.events, { id: "te", event: "$ai_trace", createdAt: trace.createdAt, properties: { $ai_trace_id: trace.id, $ai_total_cost_usd: 9 } }];
    expect(traceCostBreakdown(withTraceEvent)).toMatchObject({ total: 9, fromTrace: true });
    expect(traceCostBreakdown(tree, "no such node").total).toBeNull();
  });

  it("property: a trace's total is the sum of its events' and matches the tree when totals are explicit", () => {
    fc.assert(
      fc.property(nodeSpecs(), (specs) => {
        const trace = specTrace(specs);
        const b = traceCostBreakdown(trace);
        const tree = buildTraceTree(trace);
        if (b.total === null) expect(tree.metrics.coverage.costReported).toBe(0);
        else expect(b.total).toBeCloseTo(tree.metrics.totalCost, 9);
        expect(b.coverage.costReported).toBe(tree.metrics.coverage.costReported);
      }),
      { numRuns: 60 },
    );
  });
});

describe("model parameters", () => {
  it("reads $ai_model_parameters, $ai_stream and $ai_tools, named ones first", () => {
    const g = generationModelParameters(loadTraceFixture("agent-loop").events.find((e) => e.event === "$ai_generation")!.properties);
    expect(g).toMatchObject({ model: "gpt-4.1-mini", provider: "openai", temperature: 0.2, maxTokens: 1024, stream: false, tools: ["search_flights", "search_hotels", "get_exchange_rate"] });
    expect(g.parameters.map((p) => p.key)).toEqual(["temperature", "maxTokens", "stream", "tools", "toolChoice", "parallel_tool_calls"]);
    expect(generationModelParameters({ $ai_temperature: 0.7, $ai_model_parameters: '{"max_completion_tokens": 99}' })).toMatchObject({ temperature: 0.7, maxTokens: 99 });
    expect(generationModelParameters(null).parameters).toEqual([]);
  });

  it("merges a trace's generations: models, each parameter's distinct values, tools offered", () => {
    const p = traceModelParameters(loadTraceFixture("agent-fan-out"));
    expect(p.generationCount).toBe(11);
    expect(p.models.map((m) => m.model)).toEqual(["gpt-4.1", "gpt-4.1-mini", "sonar-pro", "o4-mini"]);
    expect(p.parameters.find((x) => x.key === "reasoningEffort")?.values).toEqual([{ value: "medium", text: "medium", generations: 1 }]);
    expect(p.parameters.find((x) => x.key === "maxTokens")?.values.map((v) => v.text)).toEqual(["800", "600", "4000"]);
    expect(p.tools.find((t) => t.name === "fetch_financials")?.generations).toBe(4);
  });
});

describe("feedback and metrics", () => {
  it("lists them in time order with their target node", () => {
    const trace = loadTraceFixture("agent-loop");
    const { feedback, metrics, byNodeKey } = traceFeedbackAndMetrics(trace);
    expect(metrics.map((m) => [m.name, m.text, m.numericValue])).toEqual([
      ["turns", "9", 9],
      ["max_turns_reached", "false", null],
    ]);
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({ rating: null, targetKey: trace.id });
    expect(byNodeKey.get(trace.id)?.metrics).toHaveLength(2);
    const retry = traceFeedbackAndMetrics(loadTraceFixture("agent-retry"));
    expect(retry.metrics[0]?.targetKey).not.toBe(loadTraceFixture("agent-retry").id);
  });

  it("reads a rating only when the text is one", () => {
    const events = [{ id: "f", event: "$ai_feedback", createdAt: "2025-01-01T00:00:00Z", properties: { $ai_trace_id: "T", $ai_feedback_text: "👍" } }];
    expect(traceFeedbackAndMetrics(events).feedback[0]).toMatchObject({ text: "👍", rating: 1 });
  });
});

describe("evaluations", () => {
  it("reads verdict, reasoning, model and runtime per judged event, with badges", () => {
    const trace = loadTraceFixture("evaluated-generation");
    const result = traceEvaluations(trace);
    expect(result.counts).toEqual({ pass: 1, fail: 1, "n/a": 1, unknown: 0 });
    const judged = [...result.byTargetKey.keys()];
    expect(judged).toHaveLength(1);
    const first = result.evaluations[0]!;
    expect(first).toMatchObject({ verdict: "pass", runtimeLabel: "llm_judge/gpt-4.1-mini", targetFound: true, name: "Answers the question" });
    const badges = evaluationBadges(result.byTargetKey.get(judged[0]!)!);
    expect(badges.map((b) => [b.name, b.latest.verdict, b.runCount])).toEqual([
      ["Answers the question", "pass", 1],
      ["No PII in output", "fail", 1],
      ["Refund tone", "n/a", 1],
    ]);
  });

  it("gives run time and groups repeated runs of one evaluator under its latest", () => {
    const retry = traceEvaluations(loadTraceFixture("agent-retry"));
    expect(retry.evaluations.every((e) => e.durationMs !== null && e.durationMs > 0)).toBe(true);
    const again = { ...retry.evaluations[0]!, verdict: "fail" as const, createdAt: "2030-01-01T00:00:00Z" };
    const badges = evaluationBadges([...retry.evaluations, again]);
    const badge = badges.find((b) => b.name === again.name)!;
    expect(badge).toMatchObject({ runCount: 2, counts: { pass: 1, fail: 1, "n/a": 0, unknown: 0 } });
    expect(badge.latest.verdict).toBe("fail");
  });
});

describe("conversation display presets", () => {
  const input = parseMessages([
    { role: "system", content: "s" },
    { role: "user", content: "u1" },
    { role: "assistant", content: "a1" },
    { role: "user", content: "u2" },
    { role: "tool", content: "t" },
  ]);
  const output = parseMessages([{ role: "assistant", content: "out" }]);

  it("open exactly what each preset says", () => {
    expect(conversationOpenState("expand-all", input, output)).toEqual({ input: [true, true, true, true, true], output: [true] });
    expect(conversationOpenState("user-only", input, output)).toEqual({ input: [false, true, false, true, false], output: [false] });
    expect(conversationOpenState("collapse-except-output-and-last-input", input, output)).toEqual({ input: [false, false, false, false, true], output: [true] });
    expect(conversationOpenState("text", input, output).input.every(Boolean)).toBe(true);
    expect(CONVERSATION_PRESETS.map((p) => p.label)).toEqual(["Expand all", "Expand user only", "Collapse except output and last input", "Text view"]);
    expect(readConversationPreset("user-only")).toBe("user-only");
    expect(readConversationPreset("nonsense")).toBe("collapse-except-output-and-last-input");
  });

  it("property: collapse opens one input at most and every output; user-only opens only user inputs", () => {
    const role = fc.constantFrom("system", "user", "assistant", "tool", "human");
    const list = fc.array(fc.record({ role, content: fc.string({ maxLength: 4 }) }), { maxLength: 12 });
    fc.assert(
      fc.property(list, list, (a, b) => {
        const inMsgs: Message[] = parseMessages(a);
        const outMsgs: Message[] = parseMessages(b, { defaultRole: "assistant" });
        const collapse = conversationOpenState("collapse-except-output-and-last-input", inMsgs, outMsgs);
        expect(collapse.input.filter(Boolean).length).toBe(Math.min(1, inMsgs.length));
        expect(collapse.output.every(Boolean)).toBe(true);
        const users = conversationOpenState("user-only", inMsgs, outMsgs);
        users.input.forEach((open, i) => expect(open).toBe(inMsgs[i]!.kind === "message" && inMsgs[i]!.role === "user"));
        expect(users.output.some(Boolean)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
