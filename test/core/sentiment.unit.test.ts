import {
  SENTIMENT_NEUTRAL_MARGIN,
  buildGenerationSentiment,
  buildTraceSentiment,
  collectSentimentInputs,
  extractSentimentEvalMessages,
  extractUserMessages,
  isSentimentError,
  messageSentiment,
  sentimentContentText,
  sentimentExtremes,
  truncateSentimentEvalText,
} from "../../src/core/sentiment";
import * as sentimentModule from "../../src/core/sentiment";

const out = (positive: number, neutral: number, negative: number) => [
  { label: "positive", score: positive },
  { label: "neutral", score: neutral },
  { label: "negative", score: negative },
];

describe("extraction details", () => {
  it("keeps str() of numbers, booleans and nested values in blocks", () => {
    expect(sentimentContentText([{ text: 0.5 }, { text: true }, { content: [1, "a"] }, 7, null])).toBe(
      "0.5 True [1, 'a']",
    );
    expect(sentimentContentText(42)).toBe("42");
    expect(sentimentContentText({ a: "b" })).toBe("{'a': 'b'}");
  });

  it("does not skip a tool_result list that also holds a non-dict item", () => {
    const input = [{ role: "user", content: [{ type: "tool_result", content: "r" }, "typed"] }];
    expect(extractUserMessages(input)).toEqual([{ index: 0, text: "r typed" }]);
  });

  it("cuts eval texts of 1001 code points head 300 + marker + tail 695 (inferred rule)", () => {
    const text = "a".repeat(300) + "b".repeat(6) + "c".repeat(695);
    expect(truncateSentimentEvalText(text)).toBe(`${"a".repeat(300)}\n...\n${"c".repeat(695)}`);
    expect(extractSentimentEvalMessages([{ role: "user", content: text }, { role: "assistant" }])).toEqual([
      { index: 0, text: truncateSentimentEvalText(text) },
    ]);
  });
});

describe("collectSentimentInputs", () => {
  const generations = [
    { id: "new", input: [{ role: "user", content: "a" }, { role: "user", content: "b" }] },
    { id: "old", input: [{ role: "user", content: "a" }] },
  ];

  it("walks newest first, keeps duplicates and stops at the cap", () => {
    expect(collectSentimentInputs(generations)).toEqual([
      { generationId: "new", index: 0, text: "a" },
      { generationId: "new", index: 1, text: "b" },
      { generationId: "old", index: 0, text: "a" },
    ]);
    expect(collectSentimentInputs(generations, 2)).toHaveLength(2);
    expect(collectSentimentInputs(generations, 0)).toEqual([]);
    expect(collectSentimentInputs(generations, Number.NaN)).toHaveLength(3);
  });

  it("skips malformed generations", () => {
    const malformed = [null, { input: "no id" }, { id: {}, input: "bad id" }, { id: 7, input: "ok" }];
    expect(collectSentimentInputs(malformed as never)).toEqual([{ generationId: "7", index: 0, text: "ok" }]);
  });
});

describe("message and generation scoring", () => {
  it("ignores unknown labels and clamps malformed scores", () => {
    const result = messageSentiment([
      { label: "joy", score: 0.9 },
      { label: "positive", score: 1.7 },
      { label: "neutral", score: "0.5" },
      { label: "negative", score: -1 },
    ]);
    expect(result).toEqual({ label: "positive", score: 1, scores: { positive: 1, negative: 0, neutral: 0 } });
    expect(messageSentiment("nonsense").label).toBe("negative"); // empty output, like PostHog
  });

  it("applies the 0.10 margin by default and accepts an override", () => {
    expect(SENTIMENT_NEUTRAL_MARGIN).toBe(0.1);
    const messages = [{ index: 0, output: out(0.5, 0.4, 0.1) }];
    expect(buildGenerationSentiment(messages).label).toBe("neutral");
    expect(buildGenerationSentiment(messages).score).toBe(0.4);
    expect(buildGenerationSentiment(messages, { neutralMargin: 0 }).label).toBe("positive");
    expect(buildGenerationSentiment(messages, { neutralMargin: 0.05 }).label).toBe("positive");
  });

  it("omits text when none is given and skips invalid indexes", () => {
    const result = buildGenerationSentiment([
      { index: 3, output: out(0.9, 0.05, 0.05) },
      { index: -1, output: out(0, 0, 1) },
      { index: 1.5, output: out(0, 0, 1) },
    ]);
    expect(result.message_count).toBe(1);
    expect(result.messages["3"]).toEqual({
      label: "positive",
      score: 0.9,
      scores: { positive: 0.9, neutral: 0.05, negative: 0.05 },
    });
  });
});

describe("trace scoring options", () => {
  const messages = [{ generationId: "g", index: 0, text: "meh", output: out(0.5, 0.4, 0.1) }];

  it("uses plain argmax and stores no text by default", () => {
    const result = buildTraceSentiment("t", messages);
    expect(result.label).toBe("positive");
    expect(result.generations.g?.messages["0"]).not.toHaveProperty("text");
  });

  it("can apply a margin and keep texts", () => {
    const result = buildTraceSentiment("t", messages, { neutralMargin: 0.1, includeMessageText: true });
    expect(result.label).toBe("neutral");
    expect(result.generations.g?.label).toBe("neutral");
    expect(result.generations.g?.messages["0"]?.text).toBe("meh");
  });

  it("keeps a generation id like __proto__ as a plain own key", () => {
    const result = buildTraceSentiment("t", [{ generationId: "__proto__", index: 0, output: out(1, 0, 0) }]);
    expect(Object.keys(result.generations)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(result.generations)).toBe(Object.prototype);
  });
});

describe("sentimentExtremes", () => {
  it("reads a generation result", () => {
    const result = buildGenerationSentiment([
      { index: 0, output: out(0.8, 0.1, 0.1) },
      { index: 1, output: out(0.6, 0.3, 0.1) },
      { index: 2, output: out(0.1, 0.2, 0.7) },
      { index: 3, output: out(0.45, 0.1, 0.45) }, // labelled positive (listed first)
    ]);
    expect(sentimentExtremes(result)).toEqual({ maxPositive: 0.8, maxNegative: 0.7 });
  });

  it("reads a trace result's generations", () => {
    const result = buildTraceSentiment("t", [
      { generationId: "a", index: 0, output: out(0.3, 0.6, 0.1) },
      { generationId: "b", index: 0, output: out(0.05, 0.05, 0.9) },
    ]);
    expect(sentimentExtremes(result)).toEqual({ maxPositive: 0, maxNegative: 0.9 });
  });

  it("tolerates malformed input", () => {
    expect(sentimentExtremes(null)).toEqual({ maxPositive: 0, maxNegative: 0 });
    expect(sentimentExtremes({ messages: { a: { label: "positive", score: 7 } } })).toEqual({
      maxPositive: 1,
      maxNegative: 0,
    });
    expect(sentimentExtremes({ generations: { g: { messages: [null, { label: "negative" }] } } })).toEqual({
      maxPositive: 0,
      maxNegative: 0,
    });
  });
});

describe("isSentimentError and exports", () => {
  it("recognises the endpoint's error object", () => {
    expect(isSentimentError({ error: "Failed to compute sentiment" })).toBe(true);
    expect(isSentimentError({ error: 1 })).toBe(false);
    expect(isSentimentError(null)).toBe(false);
    expect(isSentimentError(buildGenerationSentiment([]))).toBe(false);
  });

  it("exports the public API without the internal Python helpers", () => {
    for (const name of ["extractUserMessages", "buildTraceSentiment", "sentimentExtremes", "SENTIMENT_LABELS"]) {
      expect(sentimentModule).toHaveProperty(name);
    }
    expect(sentimentModule).not.toHaveProperty("pyRepr");
  });
});
