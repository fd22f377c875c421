import { describe, expect, it } from "vitest";
import { buildTraceTree, flattenTraceTree, groupEventsIntoTraces, summarizeTraceEvents } from "../../src/core/trace";
import type { TraceTreeNode } from "../../src/core/trace";
import { TRACE_FIXTURES, loadTraceFixture } from "./traceFixtures";

/** PostHog rounds costs to 4 dp, so an unrounded sum may sit up to half a unit away. */
const expectCost = (actual: number, rounded: number | null | undefined) =>
  expect(Math.abs(actual - (rounded ?? 0))).toBeLessThanOrEqual(0.00005 + 1e-12);

const names = (nodes: readonly TraceTreeNode[]) => nodes.map((node) => node.name);

describe("buildTraceTree on the example traces", () => {
  it.each(TRACE_FIXTURES)("%s: totals match PostHog's LLMTrace fields", (name) => {
    const trace = loadTraceFixture(name);
    const tree = buildTraceTree(trace);
    expect(tree.traceId).toBe(trace.id);
    expect(tree.metrics.totalLatency).toBeCloseTo(trace.totalLatency ?? 0, 2);
    expect(tree.metrics.inputTokens).toBe(trace.inputTokens);
    expect(tree.metrics.outputTokens).toBe(trace.outputTokens);
    expectCost(tree.metrics.totalCost, trace.totalCost);
    expectCost(tree.metrics.inputCost, trace.inputCost);
    expectCost(tree.metrics.outputCost, trace.outputCost);
    expect(tree.duplicates).toHaveLength(0);
    expect(tree.orphans).toHaveLength(0);
    expect(tree.brokenCycles).toHaveLength(0);
    // Every event is a node or an annotation.
    const rows = flattenTraceTree(tree);
    expect(rows.length + tree.metrics.metricCount + tree.metrics.feedbackCount).toBe(trace.events.length + 1);
  });

  it("summarizeTraceEvents rebuilds the same totals from the events alone", () => {
    for (const name of TRACE_FIXTURES) {
      const trace = loadTraceFixture(name);
      const summary = summarizeTraceEvents(trace.events);
      expect(summary.id).toBe(trace.id);
      expect(summary.totalLatency).toBeCloseTo(trace.totalLatency ?? 0, 2);
      expect(summary.inputTokens).toBe(trace.inputTokens);
      expect(summary.totalCost).toBe(trace.totalCost);
      expect(summary.inputCost).toBe(trace.inputCost);
      expect(summary.createdAt).toBe(trace.createdAt);
    }
  });

  it("groups mixed events into traces, newest first", () => {
    const a = loadTraceFixture("rag-pipeline");
    const b = loadTraceFixture("anthropic-tool-use");
    const traces = groupEventsIntoTraces([...a.events, ...b.events, { event: "$pageview", properties: {} }]);
    expect(traces.map((t) => t.id)).toEqual([b.id, a.id]);
    expect(traces[1]?.aiSessionId).toBe("sess-rag-77");
  });

  it("nests the RAG pipeline two levels deep, siblings by operation start", () => {
    const tree = buildTraceTree(loadTraceFixture("rag-pipeline"));
    expect(tree.root.name).toBe("docs_qa");
    const pipeline = tree.root.children[0] as TraceTreeNode;
    expect(pipeline.name).toBe("rag_pipeline");
    expect(names(pipeline.children)).toEqual(["embed_query", "retrieve", "rerank", "answer"]);
    expect(pipeline.children.map((node) => node.kind)).toEqual(["embedding", "span", "span", "generation"]);
    expect(names(pipeline.children[1]?.children ?? [])).toEqual(["vector_search"]);
    expect(pipeline.totals).toMatchObject({ inputTokens: 261, outputTokens: 61, generationCount: 1, embeddingCount: 1, spanCount: 4 });
    const answer = pipeline.children[3] as TraceTreeNode;
    expect(answer.annotations.metrics.map((e) => e.properties.$ai_metric_name)).toEqual(["thumbs"]);
    expect(tree.nodesByEventId.get("7deaf78a-6f14-5e25-a133-ce10d985cc3e")).toBe(answer);
  });

  it("orders parallel siblings that start together by latency, longest first", () => {
    const tree = buildTraceTree(loadTraceFixture("deep-nested-agent"));
    const rows = flattenTraceTree(tree);
    expect(Math.max(...rows.map((row) => row.depth))).toBe(14);
    const level2 = rows.find((row) => row.node.name === "subagent_level_2")?.node as TraceTreeNode;
    expect(names(level2.children)).toEqual(["parallel_lookup_long", "parallel_lookup_short", "subagent_level_3"]);
    expect(rows.at(-1)?.node.kind).toBe("generation");
  });

  it("treats OTel timestamps as operation starts", () => {
    const tree = buildTraceTree(loadTraceFixture("otel-vercel-gemini"));
    const outer = tree.root.children[0] as TraceTreeNode;
    expect(outer.startMs).toBe(Date.parse("2025-06-15T12:00:00.000Z"));
    expect(outer.endMs).toBe(Date.parse("2025-06-15T12:00:03.200Z"));
    expect(names(outer.children)).toEqual(["ai.generateText.doGenerate", "ai.toolCall convert", "ai.generateText.doGenerate"]);
    expect(tree.metrics.wallClockLatency).toBeCloseTo(3.2, 6);
  });

  it("attaches evaluations, metrics and feedback to their targets", () => {
    const tree = buildTraceTree(loadTraceFixture("evaluated-generation"));
    const generation = tree.root.children.find((node) => node.kind === "generation") as TraceTreeNode;
    expect(generation.children.map((node) => node.kind)).toEqual(["evaluation", "evaluation", "evaluation"]);
    expect(names(generation.children)).toEqual(["Answers the question", "No PII in output", "Refund tone"]);
    expect(generation.annotations.evaluations).toHaveLength(3);
    expect(generation.annotations.metrics).toHaveLength(1);
    expect(tree.root.annotations.feedback.map((e) => e.properties.$ai_feedback_text)).toEqual(["Quick and correct, thanks"]);
    expect(tree.metrics).toMatchObject({ evaluationCount: 3, metricCount: 1, feedbackCount: 1, eventCount: 6 });
    // Evaluations never extend timing or join the critical path.
    expect(tree.metrics.wallClockLatency).toBeCloseTo(1.05, 6);
    expect(names(tree.criticalPath)).toEqual(["faq_answer", "gpt-4o-mini"]);
  });

  it("counts errors and keeps the LangGraph hierarchy", () => {
    const failing = buildTraceTree(loadTraceFixture("rate-limited-429"));
    expect(failing.metrics.errorCount).toBe(3);
    const retry = failing.root.children[0] as TraceTreeNode;
    expect(retry.totals.errorCount).toBe(3);
    expect(retry.metrics.errorCount).toBe(1);

    const graph = buildTraceTree(loadTraceFixture("langchain-agent"));
    const rows = flattenTraceTree(graph, new Set(), { includeRoot: false });
    expect(rows.map((row) => `${row.depth}:${row.node.name}`)).toEqual([
      "0:LangGraph",
      "1:agent",
      "2:ChatOpenAI",
      "1:tools",
      "2:get_weather",
      "2:get_weather",
      "1:agent",
      "2:ChatOpenAI",
    ]);
  });

  it("accepts raw captured events and a top-level $ai_trace event", () => {
    const tree = buildTraceTree([
      { uuid: "e1", event: "$ai_trace", timestamp: "2025-01-01T00:00:05Z", properties: { $ai_trace_id: "t", $ai_span_name: "checkout", $ai_latency: 5 } },
      { uuid: "e2", event: "$ai_generation", timestamp: "2025-01-01T00:00:04Z", properties: { $ai_trace_id: "t", $ai_parent_id: "t", $ai_latency: 2, $ai_model: "m" } },
      "not an event",
      42,
    ]);
    expect(tree.traceId).toBe("t");
    expect(tree.root.event?.id).toBe("e1");
    expect(tree.root.name).toBe("checkout");
    expect(tree.root.children.map((node) => node.event?.createdAt)).toEqual(["2025-01-01T00:00:04Z"]);
    expect(tree.skippedCount).toBe(2);
    // The trace event's own latency is the trace's (PostHog's sum rule would give 2).
    expect(tree.metrics.totalLatency).toBe(5);
    expect(tree.metrics.latencyRule).toBe("trace-event");
    expect(tree.metrics.wallClockLatency).toBe(5);
  });

  it("never throws on junk input", () => {
    for (const junk of [null, undefined, 1, "x", {}, { events: 5 }, [null, [], {}], { events: [{ properties: null }] }]) {
      const tree = buildTraceTree(junk);
      expect(tree.root.kind).toBe("trace");
    }
  });
});
