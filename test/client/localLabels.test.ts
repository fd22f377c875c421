// @vitest-environment node
/** The local client's emotion/toxicity labels: opt-in classifiers, stored labels winning, caching, bad output. */
import { createLocalClient } from "../../src/client/clientLocal";
import type { LocalLabelClassifier } from "../../src/client/clientLocalLabels";
import type { LLMTrace } from "../../src/core/eventsTrace";
import { isLabelsError, type LabelsResult } from "../../src/core/messageLabels";
import { IDS, allTraces, fixtureTrace } from "./helpers";

function keywordEmotion(): LocalLabelClassifier & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    async classify(texts) {
      calls.push(texts);
      return texts.map((text) => (/thank|love|great/i.test(text) ? { labels: ["gratitude"], scores: { gratitude: 0.9, anger: 0.1 } } : /!|can't|fail|again/i.test(text) ? { labels: ["annoyance", "anger"], scores: { annoyance: 0.8, anger: 0.6 } } : { labels: ["neutral"], scores: { neutral: 0.7 } }));
    },
  };
}

const cleanToxicity: LocalLabelClassifier = { classify: async (texts) => texts.map(() => ({ labels: [], scores: { none: 0.99, hate_speech: 0, offensive_language: 0.01 } })) };

describe("local labels", () => {
  it("offers no labels() without classifiers", () => {
    expect(createLocalClient({ traces: allTraces() }).labels).toBeUndefined();
  });

  it("labels every user message of a trace's generations, in one classifier call per request", async () => {
    const emotion = keywordEmotion();
    const client = createLocalClient({ traces: allTraces(), labelClassifiers: { emotion, toxicity: cleanToxicity } });
    const results = await client.labels!({ ids: [IDS.frustrated, IDS.delighted] });
    expect(emotion.calls).toHaveLength(1);
    const frustrated = results[IDS.frustrated] as LabelsResult;
    expect(frustrated.source).toBe("local");
    expect(frustrated.emotionMessages).toBeGreaterThan(1);
    expect(frustrated.toxic).toBe(false);
    expect(frustrated.toxicityMessages).toBe(frustrated.emotionMessages);
    const generation = Object.values(frustrated.generations)[0]!;
    const [first] = Object.values(generation.messages);
    expect(first!.emotion!.source).toBe("local");
    // Cached: a second ask classifies nothing.
    await client.labels!({ ids: [IDS.frustrated] });
    expect(emotion.calls).toHaveLength(1);
    // A generation id works too.
    const one = (await client.labels!({ ids: [IDS.frustratedLastGeneration], analysis_level: "generation" }))[IDS.frustratedLastGeneration] as LabelsResult;
    expect(Object.keys(one.generations)).toEqual([IDS.frustratedLastGeneration]);
  });

  it("uses labels stored on an event instead of classifying it", async () => {
    const trace = fixtureTrace("frustrated-user");
    const labelled: LLMTrace = { ...trace, events: trace.events.map((event) => ({ ...event, properties: { ...event.properties, user_emotion: "disappointment", user_toxicity: 0 } })) };
    const emotion = keywordEmotion();
    const client = createLocalClient({ traces: [labelled], labelClassifiers: { emotion } });
    const result = (await client.labels!({ ids: [trace.id] }))[trace.id] as LabelsResult;
    expect(emotion.calls).toHaveLength(0);
    expect(result.source).toBe("properties");
    expect(result.emotions[0]!.label).toBe("disappointment");
  });

  it("gives {error} to the id whose texts the classifier cannot read, and labels the others", async () => {
    const picky: LocalLabelClassifier = {
      async classify(texts) {
        return texts.map((text) => (/2FA/.test(text) ? { labels: "<img src=x onerror=alert(1)>" } : { labels: ["neutral"], scores: {} }));
      },
    };
    const client = createLocalClient({ traces: allTraces(), labelClassifiers: { emotion: picky } });
    const results = await client.labels!({ ids: [IDS.frustrated, IDS.delighted, "__proto__"] });
    expect(isLabelsError(results[IDS.frustrated])).toBe(true);
    expect(isLabelsError(results[IDS.delighted])).toBe(false);
    expect(Object.getPrototypeOf(results)).toBeNull();
    expect((results["__proto__"] as LabelsResult).emotionMessages).toBe(0);
  });
});
