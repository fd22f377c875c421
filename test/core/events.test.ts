import { describe, expect, expectTypeOf, it } from "vitest";
import { AI_EVENT_NAMES, isAiEventName } from "../../src/core/events";
import type {
  AiEvaluationProperties,
  AiGenerationProperties,
  EvaluationSummaryRequestBody,
  EvaluationSummaryResponseBody,
  LLMTrace,
  LLMTraceEventOf,
  SentimentRequestBody,
  SentimentResponseBody,
  SummarizationBatchCheckResponseBody,
  SummarizationRequestBody,
  SummarizationResponseBody,
  TextReprRequestBody,
  TextReprResponseBody,
  TraceQuery,
  TracesQuery,
  TracesQueryResponse,
} from "../../src/core/events";
import * as core from "../../src/core";
import { TRACE_FIXTURES, loadTraceFixture } from "./traceFixtures";

describe("event model", () => {
  it("lists the seven $ai_* events", () => {
    expect(AI_EVENT_NAMES).toHaveLength(7);
    expect(isAiEventName("$ai_generation")).toBe(true);
    expect(isAiEventName("$ai_generations")).toBe(false);
    expect(isAiEventName(5)).toBe(false);
  });

  it("describes every fixture as an LLMTrace with known events", () => {
    for (const name of TRACE_FIXTURES) {
      const trace: LLMTrace = loadTraceFixture(name);
      expect(typeof trace.id).toBe("string");
      for (const event of trace.events) expect(isAiEventName(event.event)).toBe(true);
    }
  });

  it("keeps property bags open and typed", () => {
    const generation: LLMTraceEventOf<"$ai_generation"> = {
      id: "e",
      event: "$ai_generation",
      createdAt: "2025-01-01T00:00:00Z",
      properties: { $ai_model: "m", $ai_latency: 1.2, custom_host_key: { any: "thing" } },
    };
    expectTypeOf(generation.properties.$ai_model).toEqualTypeOf<string | undefined>();
    expectTypeOf(generation.properties).toMatchTypeOf<AiGenerationProperties>();
    expectTypeOf<AiEvaluationProperties["$ai_evaluation_applicable"]>().toEqualTypeOf<boolean | "true" | "false" | null | undefined>();
    expect(generation.properties.custom_host_key).toEqual({ any: "thing" });
  });

  it("types the LLM-analytics request and response bodies", () => {
    const sentiment = { ids: ["t1"], analysis_level: "trace", date_from: "-7d" } satisfies SentimentRequestBody;
    const sentimentResponse = {
      results: { t1: { error: "Failed to compute sentiment" } },
    } satisfies SentimentResponseBody;
    const textRepr = {
      event_type: "$ai_trace",
      data: { trace: { id: "t1", properties: { $ai_trace_id: "t1" } }, hierarchy: [{ event: { id: "e1", event: "$ai_generation" }, children: [] }] },
      options: { include_line_numbers: true, truncated: true },
    } satisfies TextReprRequestBody;
    const textReprResponse = {
      text: "L1: TRACE",
      metadata: { event_type: "$ai_trace", event_id: null, trace_id: "t1", rendering: "detailed", char_count: 9, truncated: false },
    } satisfies TextReprResponseBody;
    const summarization = { trace_id: "t1", mode: "minimal", model: null } satisfies SummarizationRequestBody;
    const summary = {
      summary: { title: "t", flow_diagram: "a ↓ b", summary_bullets: [{ text: "x", line_refs: "L1" }], interesting_notes: [] },
      text_repr: "L1: x",
      metadata: { text_repr_length: 5, summarize_type: "trace" },
    } satisfies SummarizationResponseBody;
    const batch = { summaries: [{ trace_id: "t1", title: "Untitled trace", cached: true }] } satisfies SummarizationBatchCheckResponseBody;
    const evalSummary = { evaluation_id: "e", filter: "fail" } satisfies EvaluationSummaryRequestBody;
    const evalResponse = {
      overall_assessment: "ok",
      pass_patterns: [],
      fail_patterns: [{ title: "Leaks email", description: "d", frequency: "common", example_generation_ids: ["g"] }],
      na_patterns: [],
      recommendations: [],
      statistics: { total_analyzed: 1, pass_count: 0, fail_count: 1, na_count: 0 },
    } satisfies EvaluationSummaryResponseBody;
    const list = { kind: "TracesQuery", dateRange: { date_from: "-7d", date_to: null }, limit: 50 } satisfies TracesQuery;
    const single = { kind: "TraceQuery", traceId: "t1" } satisfies TraceQuery;
    const response = { results: [loadTraceFixture("rag-pipeline")], hasMore: false } satisfies TracesQueryResponse;
    for (const body of [sentiment, sentimentResponse, textRepr, textReprResponse, summarization, summary, batch, evalSummary, evalResponse, list, single, response]) {
      expect(body).toBeTypeOf("object");
    }
  });

  it("is exported from tracelens/core", () => {
    for (const name of ["buildTraceTree", "flattenTraceTree", "parseMessages", "parseOutputMessages", "parseToolDefinitions", "normalizePostHogLlmEvents", "isAiEventName"]) {
      expect(typeof (core as Record<string, unknown>)[name]).toBe("function");
    }
  });
});
