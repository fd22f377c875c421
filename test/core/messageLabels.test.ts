import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  TOXICITY_CLASSES,
  dominantEmotion,
  eventLabelsResult,
  generationLabelsFromEvent,
  labelBreakdown,
  matchesLabelFilter,
  messageLabelsFromClassifications,
  readLabelClassification,
  summarizeLabels,
  toxicityClass,
  traceLabelsFromProperties,
  type GenerationLabels,
  type LabelsResult,
  type MessageLabels,
} from "../../src/core";

const RUNS = { numRuns: 150 };
const EMOTIONS = ["anger", "joy", "gratitude", "neutral", "annoyance", "sadness"];
const TOXIC = ["hate_speech", "offensive_language"];

const classification = (labels: readonly string[]) => fc.record({ labels: fc.subarray([...labels]), scores: fc.dictionary(fc.constantFrom(...labels), fc.double({ min: 0, max: 1, noNaN: true })) });
const messageLabels: fc.Arbitrary<MessageLabels> = fc
  .tuple(fc.option(classification(EMOTIONS)), fc.option(classification([...TOXIC, "none"])))
  .map(([emotion, toxicity]) => messageLabelsFromClassifications(emotion, toxicity));
const generation: fc.Arbitrary<GenerationLabels> = fc.dictionary(fc.integer({ min: 0, max: 9 }).map(String), messageLabels, { maxKeys: 4 }).map((messages) => ({ messages }));
const result: fc.Arbitrary<LabelsResult> = fc.dictionary(fc.uuid(), generation, { maxKeys: 3 }).map((generations) => summarizeLabels(generations, "local"));
const entry = fc.oneof(result, fc.constant(null), fc.constant(undefined), fc.constant({ error: "boom" }));

describe("summarizeLabels", () => {
  it("counts each label at most once per message, never more than the messages judged", () => {
    fc.assert(
      fc.property(result, (summary) => {
        for (const count of summary.emotions) expect(count.messages).toBeLessThanOrEqual(summary.emotionMessages);
        for (const count of summary.toxicity) expect(count.messages).toBeLessThanOrEqual(summary.toxicityMessages);
        expect(summary.toxicity.map((c) => c.label)).not.toContain("none");
        expect(summary.toxic).toBe(summary.toxicity.length > 0);
        expect(summary.severe).toBe(summary.toxicity.some((c) => c.label === "hate_speech"));
        // neutral is listed last, whatever its count.
        const neutral = summary.emotions.findIndex((c) => c.label === "neutral");
        if (neutral >= 0) expect(neutral).toBe(summary.emotions.length - 1);
      }),
      RUNS,
    );
  });
});

describe("labelBreakdown", () => {
  it("files every entry once per breakdown, whatever the order", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 25 }), (entries) => {
        const b = labelBreakdown(entries);
        expect(b.total).toBe(entries.length);
        expect(b.emotions.reduce((n, e) => n + e.traces, 0)).toBe(b.emotionLabelled);
        expect(b.toxicity.reduce((n, e) => n + e.traces, 0)).toBe(b.toxicityLabelled);
        expect(b.toxicity.map((e) => e.label)).toEqual(TOXICITY_CLASSES);
        expect(b.pending + b.failed + b.unlabelled + Math.max(b.emotionLabelled, b.toxicityLabelled)).toBeLessThanOrEqual(b.total);
        const labelled = entries.filter((e) => e && !("error" in e) && (dominantEmotion(e) !== null || toxicityClass(e) !== null)).length;
        expect(b.pending + b.failed + b.unlabelled + labelled).toBe(b.total);
        expect(labelBreakdown([...entries].reverse())).toEqual(b);
      }),
      RUNS,
    );
  });

  it("agrees with the filter: an emotion's bucket never outnumbers the rows the filter keeps for it", () => {
    fc.assert(
      fc.property(fc.array(result, { maxLength: 20 }), fc.constantFrom(...EMOTIONS), fc.constantFrom(...TOXICITY_CLASSES), (results, emotion, cls) => {
        const b = labelBreakdown(results);
        const kept = results.filter((r) => matchesLabelFilter(r, { emotions: [emotion] }) === true).length;
        expect(b.emotions.find((e) => e.label === emotion)?.traces ?? 0).toBeLessThanOrEqual(kept);
        const keptClass = results.filter((r) => matchesLabelFilter(r, { toxicity: [cls] }) === true).length;
        expect(b.toxicity.find((e) => e.label === cls)!.traces).toBe(keptClass);
      }),
      RUNS,
    );
  });

  it("keeps a judged trace with no emotion over its threshold under the neutral filter, where its bucket files it", () => {
    // fast-check's counterexample (seed 2010166532): one message judged, no label passed the threshold.
    const judged = summarizeLabels({ g1: { messages: { 0: messageLabelsFromClassifications({ labels: [], scores: {} }, null) } } }, "local");
    expect(judged.emotionMessages).toBe(1);
    expect(dominantEmotion(judged)).toBe("neutral");
    expect(matchesLabelFilter(judged, { emotions: ["neutral"] })).toBe(true);
    expect(matchesLabelFilter(judged, { emotions: ["joy"] })).toBe(false);
  });

  it("reports rows the filter cannot judge as null, and keeps everything with no filter", () => {
    expect(matchesLabelFilter(null, { emotions: ["joy"] })).toBeNull();
    expect(matchesLabelFilter(null, {})).toBe(true);
    expect(matchesLabelFilter(null, { emotions: [], toxicity: [] })).toBe(true);
  });
});

describe("labels stored on events", () => {
  const event = (properties: Record<string, unknown>) => ({ id: "g1", event: "$ai_generation", createdAt: "2025-01-01T00:00:00Z", properties });
  const input = [
    { role: "user", content: "first" },
    { role: "assistant", content: "ok" },
    { role: "user", content: "this is the third time it fails" },
  ];

  it("places PostHog-LLM's labels on the last user message of the input", () => {
    const labels = generationLabelsFromEvent(event({ $ai_input: input, user_emotion: "annoyance", user_toxicity: 1, user_severe_toxicity: 0 }));
    expect(Object.keys(labels!.messages)).toEqual(["2"]);
    expect(labels!.messages["2"]!.emotion).toMatchObject({ primary: "annoyance", source: "posthog-llm" });
    expect(labels!.messages["2"]!.toxicity).toMatchObject({ toxic: true, severe: false });
  });

  it("reads tracelens' own names with scores, and sums a trace's generations", () => {
    const trace = {
      events: [
        event({ $ai_input: input, tracelens_user_emotions: ["anger", "neutral"], tracelens_user_emotion_scores: { anger: 0.8, neutral: 0.6 }, tracelens_user_toxicity: [] }),
        { ...event({ $ai_input: "plain", tracelens_user_emotions: ["anger"], tracelens_user_toxicity: ["hate_speech"] }), id: "g2" },
        { ...event({ $ai_input: "nothing stored" }), id: "g3" },
      ],
    };
    const summary = traceLabelsFromProperties(trace)!;
    expect(summary.source).toBe("properties");
    expect(Object.keys(summary.generations)).toEqual(["g1", "g2"]);
    expect(summary.emotions[0]).toEqual({ label: "anger", messages: 2, score: 0.8 });
    expect(summary.emotions.at(-1)!.label).toBe("neutral");
    expect(summary.severe).toBe(true);
    expect(dominantEmotion(summary)).toBe("anger");
    expect(toxicityClass(summary)).toBe("severe");
    expect(traceLabelsFromProperties(trace)).toBe(summary);
  });

  it("returns null for events without labels and never throws on hostile input", () => {
    expect(traceLabelsFromProperties({ events: [event({ $ai_input: "hi" })] })).toBeNull();
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (properties, events) => {
        expect(() => eventLabelsResult({ id: "x", properties } as never)).not.toThrow();
        expect(() => traceLabelsFromProperties({ events } as never)).not.toThrow();
      }),
      RUNS,
    );
  });
});

describe("local classifier output", () => {
  it("refuses output that is not label names and 0-1 scores", () => {
    expect(readLabelClassification({ labels: ["joy"], scores: { joy: 0.9 } })).toEqual({ labels: ["joy"], scores: { joy: 0.9 } });
    expect(readLabelClassification({ labels: [1] })).toBeNull();
    expect(readLabelClassification({ labels: ["x".repeat(500)] })).toBeNull();
    expect(readLabelClassification("joy")).toBeNull();
    expect(readLabelClassification({ labels: ["joy"], scores: { joy: 7, anger: 0.2 } })!.scores).toEqual({ anger: 0.2 });
  });

  it("never counts the clean class as toxic", () => {
    const labels = messageLabelsFromClassifications(null, { labels: ["none"], scores: { none: 0.9 } });
    expect(labels.toxicity).toMatchObject({ labels: [], toxic: false, severe: false, source: "local" });
  });
});
