import fc from "fast-check";
import {
  SENTIMENT_LABELS,
  buildGenerationSentiment,
  buildTraceSentiment,
  collectSentimentInputs,
  extractClassifiedUserMessages,
  extractSentimentEvalMessages,
  extractUserMessages,
  isSentimentError,
  messageSentiment,
  sentimentContentText,
  sentimentExtremes,
} from "../../src/core/sentiment";
import type { MessageSentiment, SentimentScores } from "../../src/core/sentiment";
import { pyLen } from "../../src/core/python/pyText";

const RUNS = { numRuns: 300 };

const label = fc.oneof(fc.constantFrom("positive", "neutral", "negative"), fc.string());
const score = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.double(), fc.jsonValue());
const pipelineOutput = fc.oneof(
  fc.array(fc.record({ label, score }), { maxLength: 5 }),
  fc.jsonValue(),
);
const block = fc.oneof(
  fc.string(),
  fc.record({ type: fc.constantFrom("text", "tool_result", "image"), text: fc.jsonValue() }, { requiredKeys: ["type"] }),
  fc.record({ type: fc.constantFrom("tool_result", "image_url"), content: fc.jsonValue() }, { requiredKeys: [] }),
  fc.jsonValue(),
);
const turn = fc.record(
  {
    role: fc.constantFrom("user", "assistant", "system", "tool", "User"),
    content: fc.oneof(fc.string(), fc.array(block, { maxLength: 4 }), fc.jsonValue()),
  },
  { requiredKeys: ["role"] },
);
const aiInput = fc.oneof(fc.jsonValue(), fc.string(), turn, fc.array(fc.oneof(turn, fc.jsonValue()), { maxLength: 70 }));
const index = fc.oneof(fc.nat(300), fc.jsonValue());

function expectScores(scores: SentimentScores): void {
  expect(Object.keys(scores).sort()).toEqual([...SENTIMENT_LABELS].sort());
  for (const value of Object.values(scores)) {
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
  }
}

function expectResult(result: Pick<MessageSentiment, "label" | "score" | "scores">): void {
  expect(SENTIMENT_LABELS).toContain(result.label);
  expectScores(result.scores);
  expect(result.score).toBe(result.scores[result.label]);
}

function expectMessageMap(messages: Record<string, MessageSentiment>): void {
  for (const [key, message] of Object.entries(messages)) {
    expect(key).toMatch(/^(0|[1-9]\d*)$/);
    expectResult(message);
    expect(message.score).toBe(Math.max(...Object.values(message.scores)));
  }
}

describe("properties: extraction", () => {
  it("returns valid, ordered indexes and non-empty texts for any input", () => {
    fc.assert(
      fc.property(aiInput, (input) => {
        const found = extractUserMessages(input);
        expect(found.length).toBeLessThanOrEqual(50);
        const limit = Array.isArray(input) ? input.length : 1;
        found.forEach((m, i) => {
          expect(Number.isInteger(m.index) && m.index >= 0 && m.index < limit).toBe(true);
          if (i > 0) expect(m.index).toBeGreaterThan(found[i - 1]!.index);
          expect(typeof m.text === "string" && m.text.length > 0).toBe(true);
        });
        const classified = extractClassifiedUserMessages(input);
        expect(classified.map((m) => m.index)).toEqual(found.map((m) => m.index));
        classified.forEach((m, i) => {
          expect(pyLen(m.text)).toBeLessThanOrEqual(2000);
          expect(found[i]!.text.endsWith(m.text)).toBe(true);
        });
        const evalMessages = extractSentimentEvalMessages(input);
        expect(evalMessages.length).toBe(found.length > 0 ? 1 : 0);
        if (evalMessages[0]) {
          expect(evalMessages[0].index).toBe(found.at(-1)!.index);
          expect(pyLen(evalMessages[0].text)).toBeLessThanOrEqual(1000);
        }
        expect(typeof sentimentContentText(input)).toBe("string");
      }),
      RUNS,
    );
  });

  it("collects at most cap texts from any generations", () => {
    const generations = fc.oneof(
      fc.array(fc.record({ id: fc.oneof(fc.uuid(), fc.jsonValue()), input: aiInput }), { maxLength: 6 }),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(generations, fc.oneof(fc.integer({ min: -5, max: 300 }), fc.double()), (gens, cap) => {
        const pending = collectSentimentInputs(gens as never, cap);
        if (Number.isFinite(cap)) expect(pending.length).toBeLessThanOrEqual(Math.max(0, Math.ceil(cap)));
        for (const p of pending) {
          expect(typeof p.generationId).toBe("string");
          expect(Number.isInteger(p.index) && p.index >= 0).toBe(true);
          expect(pyLen(p.text)).toBeLessThanOrEqual(2000);
        }
      }),
      RUNS,
    );
  });
});

describe("properties: scoring", () => {
  it("message level is well formed for any output", () => {
    fc.assert(
      fc.property(pipelineOutput, (output) => {
        const result = messageSentiment(output);
        expectResult(result);
        expect(result.score).toBe(Math.max(...Object.values(result.scores)));
      }),
      RUNS,
    );
  });

  it("generation level is well formed for any messages and margin", () => {
    const messages = fc.oneof(
      fc.array(fc.record({ index, text: fc.oneof(fc.string(), fc.jsonValue()), output: pipelineOutput }), {
        maxLength: 8,
      }),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(messages, fc.option(fc.double()), (input, margin) => {
        const result = buildGenerationSentiment(input as never, { neutralMargin: margin ?? undefined });
        expectResult(result);
        expectMessageMap(result.messages);
        expect(result.message_count).toBeGreaterThanOrEqual(Object.keys(result.messages).length);
        const extremes = sentimentExtremes(result);
        for (const v of Object.values(extremes)) expect(v >= 0 && v <= 1).toBe(true);
        expect(isSentimentError(result)).toBe(false);
      }),
      RUNS,
    );
  });

  it("trace level is well formed for any messages", () => {
    const messages = fc.oneof(
      fc.array(
        fc.record({ generationId: fc.oneof(fc.constantFrom("a", "b", "__proto__"), fc.jsonValue()), index, output: pipelineOutput }),
        { maxLength: 10 },
      ),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(fc.string(), messages, (traceId, input) => {
        const result = buildTraceSentiment(traceId, input as never);
        expectResult(result);
        expect(result.trace_id).toBe(traceId);
        const generations = Object.values(result.generations);
        expect(result.generation_count).toBe(generations.length);
        let counted = 0;
        for (const generation of generations) {
          expectResult(generation);
          expectMessageMap(generation.messages);
          counted += Object.keys(generation.messages).length;
        }
        expect(result.message_count).toBeGreaterThanOrEqual(counted);
        if (result.message_count === 0) expect(result.label).toBe("neutral");
      }),
      RUNS,
    );
  });

  it("extremes and the error guard accept anything", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const { maxPositive, maxNegative } = sentimentExtremes(value);
        expect(maxPositive >= 0 && maxPositive <= 1 && maxNegative >= 0 && maxNegative <= 1).toBe(true);
        expect(typeof isSentimentError(value)).toBe("boolean");
      }),
      RUNS,
    );
  });
});
