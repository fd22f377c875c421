/**
 * The TraceLensClient contract: one suite that both implementations must pass. The harness
 * builds a client over `allTraces()` with `fakeClassifier`, `fakeSummarize` and
 * `fakeSummarizeEvaluation`, and reports how often the summarizer ran.
 */
import { formatTextRepr } from "../../src/core/textRepr";
import { isApiError } from "../../src/client/clientErrors";
import { isSentimentFailure } from "../../src/client/clientSentimentResult";
import { traceTextReprRequest } from "../../src/client/clientTraceData";
import type { TraceLensClient } from "../../src/client/clientTypes";
import type { GenerationSentiment, TraceSentiment } from "../../src/core/sentiment/types";
import { IDS, allTraces, fixtureTrace } from "./helpers";

export interface ContractHarness {
  client: TraceLensClient;
  summarizeCalls: () => number;
  /**
   * PostHog's TracesQuery reads only span, generation, embedding, metric, feedback and trace events, so a
   * trace made of `$ai_evaluation` runs alone is not listed there; the local client lists every trace.
   */
  listsEvaluationOnlyTraces: boolean;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to reject");
}

export function describeClientContract(name: string, setup: () => Promise<ContractHarness>, teardown?: () => Promise<void>): void {
  describe(`TraceLensClient contract: ${name}`, () => {
    let h: ContractHarness;
    beforeEach(async () => {
      h = await setup();
    });
    if (teardown) afterEach(teardown);

    it("lists every trace newest first, pages with limit/offset and reports hasMore", async () => {
      // "all": PostHog's own default is the last 7 days (F-Q6); the local client's is everything.
      const all = await h.client.listTraces({ dateRange: { date_from: "all" } });
      const listed = allTraces().filter((t) => h.listsEvaluationOnlyTraces || t.events.some((e) => e.event !== "$ai_evaluation"));
      expect(all.results.map((t) => t.id).sort()).toEqual(listed.map((t) => t.id).sort());
      expect(all.hasMore).toBe(false);
      expect(all.results[0]!.id).toBe("a888ddbf-22ba-5abd-8cf5-f5150c3fa0c2"); // deep-nested-agent, the newest fixture
      const page = await h.client.listTraces({ dateRange: { date_from: "all" }, limit: 5, offset: 5 });
      expect(page.results.map((t) => t.id)).toEqual(all.results.slice(5, 10).map((t) => t.id));
      expect(page).toMatchObject({ hasMore: true, limit: 5, offset: 5 });
    });

    it("filters by date range, person and properties", async () => {
      const june = await h.client.listTraces({ dateRange: { date_from: "2025-06-08", date_to: "2025-06-09" } });
      expect(june.results.map((t) => t.traceName).sort()).toEqual(["account_help", "trip_planner"]);
      const support = fixtureTrace("support-chatbot");
      const byPerson = await h.client.listTraces({ dateRange: { date_from: "all" }, personId: support.person!.uuid });
      expect(byPerson.results.map((t) => t.id)).toContain(support.id);
      const byModel = await h.client.listTraces({ dateRange: { date_from: "all" }, properties: [{ type: "event", key: "$ai_model", operator: "exact", value: "claude-sonnet-4-20250514" }] });
      expect(byModel.results.map((t) => t.traceName).sort()).toEqual(["portfolio_assistant", "receipt_reader"]);
      const byPlan = await h.client.listTraces({ dateRange: { date_from: "all" }, properties: [{ type: "person", key: "email", operator: "icontains", value: "maria@" }] });
      expect(byPlan.results.map((t) => t.id)).toEqual([support.id]);
    });

    it("gets one trace with every event but $ai_trace, in time order, and null for an unknown id", async () => {
      const trace = await h.client.getTrace({ traceId: IDS.support });
      expect(trace?.id).toBe(IDS.support);
      expect(trace!.events).toHaveLength(fixtureTrace("support-chatbot").events.length);
      const times = trace!.events.map((e) => Date.parse(e.createdAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(await h.client.getTrace({ traceId: "no-such-trace" })).toBeNull();
    });

    it("answers trace sentiment for every id, keeps per-id errors apart from neutral 'no user messages'", async () => {
      const ids = [IDS.frustrated, IDS.delighted, IDS.support, IDS.silent, IDS.poison, IDS.rag, "unknown-trace", IDS.frustrated];
      const results = await h.client.sentiment({ ids, analysis_level: "trace" });
      expect(Object.keys(results).sort()).toEqual([...new Set(ids)].sort());
      const frustrated = results[IDS.frustrated] as TraceSentiment;
      expect(frustrated.label).toBe("negative");
      expect(frustrated.trace_id).toBe(IDS.frustrated);
      expect(frustrated.generation_count).toBe(4);
      expect((results[IDS.delighted] as TraceSentiment).label).toBe("positive");
      const silent = results[IDS.silent]!;
      expect(isSentimentFailure(silent)).toBe(false);
      expect(silent).toMatchObject({ label: "neutral", score: 0, message_count: 0, generations: {} });
      const poison = results[IDS.poison]!;
      expect(isSentimentFailure(poison)).toBe(true);
      expect(poison).toMatchObject({ error: "Failed to compute sentiment" });
      expect(results["unknown-trace"]).toMatchObject({ label: "neutral", message_count: 0 });
    });

    it("answers generation sentiment keyed by the message's index in $ai_input", async () => {
      const results = await h.client.sentiment({ ids: [IDS.frustratedLastGeneration], analysis_level: "generation" });
      const generation = results[IDS.frustratedLastGeneration] as GenerationSentiment;
      expect(generation.message_count).toBe(4);
      expect(Object.keys(generation.messages)).toEqual(["1", "3", "5", "7"]);
      expect(generation.messages["7"]!.label).toBe("negative");
    });

    it("renders text_repr exactly as core does, and refuses malformed requests with PostHog's 400", async () => {
      const trace = await h.client.getTrace({ traceId: IDS.rag });
      const request = traceTextReprRequest(trace!, { include_line_numbers: true });
      const response = await h.client.textRepr(request);
      const expected = formatTextRepr("$ai_trace", request.data, request.options);
      expect(response.text).toBe(expected.text);
      expect(response.metadata).toMatchObject({ event_type: "$ai_trace", trace_id: IDS.rag, char_count: expected.metadata.char_count });
      const error = await rejection(h.client.textRepr({ event_type: "$ai_span", data: { id: "x" } as never }));
      expect(isApiError(error) && error.status).toBe(400);
      expect(isApiError(error) && error.body).toEqual(["$ai_span events require 'properties' object in data field"]);
      // Options are refused with DRF's field errors, as PostHog's serializer answers.
      const options = await rejection(h.client.textRepr({ ...request, options: { max_length: "abc" } as never }));
      expect(isApiError(options) && options.status).toBe(400);
      expect(isApiError(options) && options.body).toEqual({ options: { max_length: ["A valid integer is required."] } });
    });

    it("summarizes by trace id, serves the cache, regenerates on force_refresh, and batch_check lists cached traces", async () => {
      const first = await h.client.summarize({ trace_id: IDS.support, mode: "minimal" });
      expect(first.metadata.summarize_type).toBe("trace");
      expect(first.text_repr.startsWith("L")).toBe(true);
      expect(first.summary.summary_bullets[0]!.line_refs).toBe("L1");
      expect(h.summarizeCalls()).toBe(1);
      const again = await h.client.summarize({ trace_id: IDS.support, mode: "minimal" });
      expect(again).toEqual(first);
      expect(h.summarizeCalls()).toBe(1);
      await h.client.summarize({ trace_id: IDS.support, mode: "minimal", force_refresh: true });
      expect(h.summarizeCalls()).toBe(2);
      const check = await h.client.summaryBatchCheck({ trace_ids: [IDS.support, IDS.rag], mode: "minimal" });
      expect(check.summaries).toEqual([{ trace_id: IDS.support, title: "trace minimal summary", cached: true }]);
      const detailed = await h.client.summaryBatchCheck({ trace_ids: [IDS.support], mode: "detailed" });
      expect(detailed.summaries).toEqual([]);
    });

    it("summarizes one event given as data", async () => {
      const trace = fixtureTrace("support-chatbot");
      const event = trace.events[0]!;
      const response = await h.client.summarize({
        summarize_type: "event",
        mode: "detailed",
        data: { event: { id: event.id, event: event.event, properties: event.properties } },
      });
      expect(response.metadata.summarize_type).toBe("event");
      expect(response.summary.title).toBe("event detailed summary");
    });

    it("refuses bad summarization requests with PostHog's statuses and bodies", async () => {
      const missing = await rejection(h.client.summarize({ mode: "minimal" }));
      expect(isApiError(missing) && [missing.status, missing.body]).toEqual([400, { non_field_errors: ["Provide either 'data' or a trace_id/generation_id."] }]);
      const notFound = await rejection(h.client.summarize({ trace_id: "nope" }));
      expect(isApiError(notFound) && notFound.status).toBe(404);
      expect(isApiError(notFound) && notFound.body).toMatchObject({ detail: "Trace 'nope' not found in the given date range." });
      const badMode = await rejection(h.client.summarize({ trace_id: IDS.support, mode: "huge" as never }));
      expect(isApiError(badMode) && badMode.body).toEqual({ mode: ['"huge" is not a valid choice.'] });
    });

    it("summarizes an evaluation with statistics counted from the runs, honouring the filter", async () => {
      const all = await h.client.evaluationSummary({ evaluation_id: IDS.evaluation });
      expect(all.statistics).toEqual({ total_analyzed: 4, pass_count: 2, fail_count: 1, na_count: 1 });
      expect(all.overall_assessment).toBe("4 runs of Helpfulness");
      const pass = await h.client.evaluationSummary({ evaluation_id: IDS.evaluation, filter: "pass" });
      expect(pass.statistics).toEqual({ total_analyzed: 2, pass_count: 2, fail_count: 0, na_count: 0 });
      const subset = await h.client.evaluationSummary({ evaluation_id: IDS.evaluation, generation_ids: [IDS.evalGenerations[2]!] });
      expect(subset.statistics.fail_count).toBe(1);
    });

    it("refuses evaluation summaries PostHog would refuse", async () => {
      const unknown = await rejection(h.client.evaluationSummary({ evaluation_id: "99999999-2222-4333-8444-555555555555" }));
      expect(isApiError(unknown) && [unknown.status, unknown.body]).toEqual([404, { error: "Evaluation 99999999-2222-4333-8444-555555555555 not found" }]);
      const none = await rejection(h.client.evaluationSummary({ evaluation_id: IDS.evaluation, generation_ids: ["00000000-0000-4000-8000-000000000999"] }));
      expect(isApiError(none) && [none.status, none.body]).toEqual([400, { error: "No evaluation runs found for the specified criteria" }]);
      const invalid = await rejection(h.client.evaluationSummary({ evaluation_id: "not-a-uuid" }));
      expect(isApiError(invalid) && [invalid.status, invalid.body]).toEqual([400, { evaluation_id: ["Must be a valid UUID."] }]);
    });

    it("rejects with the abort reason when the signal is already aborted", async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(h.client.listTraces({}, { signal: controller.signal }));
      expect((error as Error).name).toBe("AbortError");
    });
  });
}
