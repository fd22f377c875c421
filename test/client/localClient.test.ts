// @vitest-environment node
/** What only the local client does: classifier wiring, caches and their TTLs, caps, trace sources. */
import { createLocalClient } from "../../src/client/clientLocal";
import type { LLMTrace } from "../../src/core/eventsTrace";
import type { GenerationSentiment, TraceSentiment } from "../../src/core/sentiment/types";
import { IDS, allTraces, fakeClassifier, fixtureTrace } from "./helpers";

describe("local sentiment", () => {
  it("without a classifier, answers neutral for ids with nothing to classify and an error for the rest", async () => {
    const client = createLocalClient({ traces: allTraces() });
    const results = await client.sentiment({ ids: [IDS.silent, IDS.frustrated] });
    expect(results[IDS.silent]).toMatchObject({ label: "neutral", message_count: 0 });
    expect(results[IDS.frustrated]).toEqual({ error: "No sentiment classifier configured" });
  });

  it("serves sentiment the traces already carry, without a classifier", async () => {
    const inline: TraceSentiment = { trace_id: IDS.rag, label: "negative", score: 0.9, scores: { positive: 0, neutral: 0.1, negative: 0.9 }, generations: {}, generation_count: 1, message_count: 1 };
    const client = createLocalClient({ traces: [{ ...fixtureTrace("rag-pipeline"), sentiment: inline }] });
    expect((await client.sentiment({ ids: [IDS.rag] }))[IDS.rag]).toEqual(inline);
  });

  it("classifies all texts of a request in one call, caches 24 h, and re-classifies on force_refresh or expiry", async () => {
    let now = Date.UTC(2026, 0, 1);
    const classifier = fakeClassifier();
    const client = createLocalClient({ traces: allTraces(), classifier, now: () => now });
    await client.sentiment({ ids: [IDS.frustrated, IDS.delighted] });
    expect(classifier.calls).toHaveLength(1);
    await client.sentiment({ ids: [IDS.frustrated] });
    expect(classifier.calls).toHaveLength(1);
    // The trace request also cached each generation ("dual write").
    const generation = (await client.sentiment({ ids: [IDS.frustratedLastGeneration], analysis_level: "generation" }))[IDS.frustratedLastGeneration] as GenerationSentiment;
    expect(generation.message_count).toBe(4);
    expect(classifier.calls).toHaveLength(1);
    await client.sentiment({ ids: [IDS.frustrated], force_refresh: true });
    expect(classifier.calls).toHaveLength(2);
    now += 86_400_001;
    await client.sentiment({ ids: [IDS.frustrated] });
    expect(classifier.calls).toHaveLength(3);
  });

  it("stops at 200 classifications per trace, reads only its newest generations, and skips inputs over 300,000 characters", async () => {
    const classifier = fakeClassifier();
    const client = createLocalClient({ traces: allTraces(), classifier });
    const id = "e9f13db5-11a0-5aa0-9e5f-959e7eb15517";
    const long = (await client.sentiment({ ids: [id] }))[id] as TraceSentiment;
    expect(long.message_count).toBe(200);
    expect(classifier.calls[0]).toHaveLength(200);
    // Each generation repeats the history, so the cap is reached within the newest few generations.
    const newest = fixtureTrace("long-conversation-40-turns").events.slice(-long.generation_count).map((e) => e.id);
    expect(Object.keys(long.generations).sort()).toEqual(newest.sort());
    const huge = (await client.sentiment({ ids: [IDS.huge] }))[IDS.huge] as TraceSentiment;
    expect(huge).toMatchObject({ message_count: 0, generation_count: 0 });
    const hugeGeneration = fixtureTrace("huge-300kb-message").events[0]!.id;
    const asGeneration = (await client.sentiment({ ids: [hugeGeneration], analysis_level: "generation" }))[hugeGeneration] as GenerationSentiment;
    expect(asGeneration.message_count).toBe(1);
  });

  it("passes the abort signal to the classifier and rejects with its reason", async () => {
    const controller = new AbortController();
    const client = createLocalClient({
      traces: allTraces(),
      classifier: {
        classify: (_texts, options) =>
          new Promise((_resolve, reject) => options?.signal?.addEventListener("abort", () => reject(options.signal!.reason))),
      },
    });
    const pending = client.sentiment({ ids: [IDS.frustrated] }, { signal: controller.signal });
    controller.abort(new DOMException("stop", "AbortError"));
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("local traces", () => {
  it("reads an async source on every call and completes missing totals from the events", async () => {
    const { inputTokens: _i, totalCost: _c, totalLatency: _l, ...bare } = fixtureTrace("support-chatbot");
    let traces: LLMTrace[] = [bare as LLMTrace];
    const client = createLocalClient({ traces: async () => traces });
    const trace = await client.getTrace({ traceId: IDS.support });
    expect(trace).toMatchObject({ inputTokens: 981, totalCost: 0.0003, totalLatency: 4.16 });
    traces = [];
    expect(await client.getTrace({ traceId: IDS.support })).toBeNull();
  });

  it("lists only a trace's direct children plus metrics and feedback, as TracesQuery does", async () => {
    const client = createLocalClient({ traces: allTraces() });
    const page = await client.listTraces({ traceId: IDS.rag });
    const full = fixtureTrace("rag-pipeline");
    expect(page.results[0]!.events.length).toBeLessThan(full.events.length);
    for (const event of page.results[0]!.events) {
      expect(event.event === "$ai_metric" || event.event === "$ai_feedback" || event.properties.$ai_parent_id === IDS.rag).toBe(true);
    }
  });

  it("refuses filters it cannot evaluate instead of ignoring them", async () => {
    const client = createLocalClient({ traces: allTraces() });
    await expect(client.listTraces({ properties: [{ type: "cohort", key: "id", value: 3 }] })).rejects.toMatchObject({ status: 400 });
  });

  it("searches names, ids and event properties", async () => {
    const client = createLocalClient({ traces: allTraces() });
    const found = await client.listTraces({ searchTerm: "2FA" });
    expect(found.results.map((t) => t.id)).toContain(IDS.frustrated);
  });
});

describe("stored sentiment, locally", () => {
  it("joins $ai_evaluation sentiment results onto traces with includeSentiment, in the shape PostHog returns them", async () => {
    const { createPostHogMockBackend } = await import("../../src/msw/mockBackend");
    const { createPostHogClient } = await import("../../src/client/clientPostHog");
    const { sentimentEvaluationProperties } = await import("../../src/core/sentiment/stored");
    const trace = allTraces().find((t) => t.events.filter((e) => e.event === "$ai_generation").length >= 2)!;
    const [g0, g1] = trace.events.filter((e) => e.event === "$ai_generation");
    const result = (positive: number, negative: number) => ({
      label: (positive > negative ? "positive" : "negative") as "positive" | "negative",
      score: Math.max(positive, negative),
      scores: { positive, neutral: 1 - positive - negative, negative },
      messages: { "0": { label: (positive > negative ? "positive" : "negative") as "positive" | "negative", score: Math.max(positive, negative), scores: { positive, neutral: 1 - positive - negative, negative } } },
      message_count: 1,
    });
    const stored = [
      { id: "s0", event: "$ai_evaluation", createdAt: g0!.createdAt, properties: sentimentEvaluationProperties(trace.id, g0!.id, result(0.8, 0.1)) },
      { id: "s1", event: "$ai_evaluation", createdAt: g1!.createdAt, properties: sentimentEvaluationProperties(trace.id, g1!.id, result(0.1, 0.7)) },
    ];
    const withStored = { ...trace, events: [...trace.events, ...stored] };
    const local = createLocalClient({ traces: [withStored] });
    const fromLocal = await local.getTrace({ traceId: trace.id, includeSentiment: true });
    const backend = createPostHogMockBackend({ traces: [withStored] });
    const remote = createPostHogClient({
      host: "https://posthog.test",
      projectId: 1,
      fetch: async (input, init) => {
        const outcome = await backend.handle(new Request(input, init));
        if (outcome.type !== "response") throw new TypeError("fetch failed");
        return outcome.response;
      },
    });
    const fromPostHog = await remote.getTrace({ traceId: trace.id, dateRange: { date_from: "all" } });
    expect(fromLocal!.sentiment).toMatchObject({ source: "stored", message_count: 2 });
    expect(fromLocal!.sentiment).toEqual(fromPostHog!.sentiment);
    const generation = (t: typeof fromLocal) => t!.events.find((e) => e.id === g1!.id)!.sentiment;
    expect(generation(fromLocal)).toEqual(generation(fromPostHog));
    expect(generation(fromLocal)).toMatchObject({ label: "negative", source: "stored" });
  });
});
