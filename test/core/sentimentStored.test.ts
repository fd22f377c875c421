import {
  aggregateStoredTraceSentiment,
  isStoredSentimentEvent,
  sentimentEvaluationProperties,
  storedGenerationSentiment,
  storedSentimentLookup,
  storedSentimentLookupIds,
} from "../../src/core/sentiment/stored";
import type { GenerationSentiment } from "../../src/core/sentiment/types";

// Rules from posthog/hogql_queries/ai/sentiment_evaluations.py (normalize_sentiment_result,
// _aggregate_trace_sentiment); the expected figures are worked out by hand from those rules.
const message = (positive: number, neutral: number, negative: number, label = "positive") => ({ label, score: Math.max(positive, neutral, negative), scores: { positive, neutral, negative } });

describe("stored sentiment ($ai_evaluation, runtime sentiment)", () => {
  it("round-trips a generation result through the stored properties, JSON text included", () => {
    const result: GenerationSentiment = { label: "negative", score: 0.7, scores: { positive: 0.1, neutral: 0.2, negative: 0.7 }, messages: { "3": message(0.1, 0.2, 0.7, "negative") as never }, message_count: 1 };
    const props = sentimentEvaluationProperties("t1", "g1", result);
    expect(storedGenerationSentiment(props)).toEqual({ ...result });
    const asText = { ...props, $ai_sentiment_scores: JSON.stringify(props.$ai_sentiment_scores), $ai_sentiment_messages: JSON.stringify(props.$ai_sentiment_messages), $ai_sentiment_score: "0.7", $ai_sentiment_message_count: "1" };
    expect(storedGenerationSentiment(asText)).toEqual({ ...result });
  });

  it("normalizes what it cannot read: unknown labels are neutral, a missing score is the label's, a zero count is the messages'", () => {
    expect(storedGenerationSentiment({ $ai_sentiment_label: "ecstatic", $ai_sentiment_scores: { neutral: "0.4" }, $ai_sentiment_messages: { "0": message(0, 1, 0), "1": "junk" } })).toEqual({
      label: "neutral",
      score: 0.4,
      scores: { positive: 0, neutral: 0.4, negative: 0 },
      messages: { "0": message(0, 1, 0) },
      message_count: 1,
    });
  });

  it("aggregates a trace as the flat mean of every message, argmax positive → neutral → negative, neutral without signal", () => {
    const a: GenerationSentiment = { label: "positive", score: 0.9, scores: { positive: 0.9, neutral: 0.1, negative: 0 }, messages: { "0": message(0.9, 0.1, 0) as never, "2": message(0.3, 0.3, 0.4, "negative") as never }, message_count: 2 };
    // No messages: its own scores count once.
    const b: GenerationSentiment = { label: "negative", score: 0.6, scores: { positive: 0.2, neutral: 0.2, negative: 0.6 }, messages: {}, message_count: 1 };
    expect(aggregateStoredTraceSentiment([["ga", a], ["gb", b]])).toEqual({
      label: "positive",
      score: 0.4667,
      scores: { positive: 0.4667, neutral: 0.2, negative: 0.3333 },
      messages: { "ga:0": a.messages["0"], "ga:2": a.messages["2"] },
      message_count: 2,
    });
    const tie = aggregateStoredTraceSentiment([["g", { ...b, messages: { "0": message(0.5, 0, 0.5) as never } }]]);
    expect(tie.label).toBe("positive");
    expect(aggregateStoredTraceSentiment([["g", { ...b, scores: { positive: 0, neutral: 0, negative: 0 }, score: 0, messages: {} }]])).toMatchObject({ label: "neutral", score: 0, message_count: 0 });
  });

  it("reads only sentiment evaluations with a target and a non-zero count, newest per generation", () => {
    const stored = (id: string, at: string, label: string, extra: Record<string, unknown> = {}) => ({
      id,
      event: "$ai_evaluation",
      createdAt: at,
      properties: { ...sentimentEvaluationProperties("t", "g", { label: label as "positive", score: 1, scores: { positive: label === "positive" ? 1 : 0, neutral: 0, negative: label === "negative" ? 1 : 0 }, messages: {}, message_count: 1 }), ...extra },
    });
    const events = [
      stored("e1", "2025-06-01T00:00:00Z", "negative"),
      stored("e2", "2025-06-02T00:00:00Z", "positive"),
      stored("e3", "2025-06-03T00:00:00Z", "negative", { $ai_sentiment_message_count: 0 }),
      stored("e4", "2025-06-04T00:00:00Z", "negative", { $ai_evaluation_runtime: "llm_judge" }),
      stored("e5", "2025-06-05T00:00:00Z", "negative", { $ai_target_event_id: "" }),
    ];
    expect(events.map(isStoredSentimentEvent)).toEqual([true, true, false, false, false]);
    const lookup = storedSentimentLookup(events);
    expect(lookup.byGenerationId.get("g")?.label).toBe("positive");
    expect(lookup.byTraceId.get("t")?.label).toBe("positive");
    expect(storedSentimentLookupIds({ id: "uuid-1", event: "$ai_generation", properties: { $ai_generation_id: "own-id" } })).toEqual(["uuid-1", "own-id"]);
    expect(storedSentimentLookupIds({ id: "uuid-1", event: "$ai_span", properties: { $ai_generation_id: "own-id" } })).toEqual(["uuid-1"]);
  });
});
