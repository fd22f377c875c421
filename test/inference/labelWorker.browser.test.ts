// The emotion and toxicity classifiers in real Chromium: the default Web Worker, each embedded model
// found through `new URL(…, import.meta.url)`, progress, and typed errors crossing the worker.
import { ModelFileMissingError, createEmotionClassifier, createToxicityClassifier, type ProgressInfo } from "../../src/inference";

describe("emotion and toxicity inside a Web Worker in Chromium", () => {
  it("loads the embedded emotion model with no configuration and reports progress", async () => {
    const events: ProgressInfo[] = [];
    const emotion = createEmotionClassifier({ onProgress: (info) => events.push(info) });
    const [thanks, question] = await emotion.classify(["Thank you so much, this helped me a lot!", "Can you convert this table to CSV?"]);
    expect(thanks!.labels[0]).toBe("gratitude");
    expect(question!.labels[0]).toBe("neutral");
    expect(Object.keys(thanks!.scores)).toHaveLength(28);
    const status = emotion.getStatus();
    expect(status.state === "ready" && status.model.runtime).toBe("worker");
    expect(status.state === "ready" && Object.keys(status.model.groups?.ekman ?? {})).toHaveLength(7);
    expect(events.at(-1)).toEqual({ status: "ready", task: "text-classification", model: "tracelens-emotion" });
    await emotion.dispose();
  });

  it("groups emotions by Ekman's seven in the worker", async () => {
    const ekman = createEmotionClassifier({ grouping: "ekman" });
    const [result] = await ekman.classify(["I'm really scared I'm going to fail this exam tomorrow"]);
    expect(result!.labels[0]).toBe("fear");
    expect(Object.keys(result!.scores).sort()).toEqual(["anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise"]);
    await ekman.dispose();
  });

  it("loads the embedded toxicity model and leaves ordinary requests unlabelled", async () => {
    const toxicity = createToxicityClassifier();
    const results = await toxicity.classify(["Could you resend the invoice for March?", "My flight got cancelled. What are my options?"]);
    expect(results.map((r) => r.labels)).toEqual([[], []]);
    expect(Object.keys(results[0]!.scores).sort()).toEqual(["hate_speech", "none", "offensive_language"]);
    await toxicity.dispose();
  });

  it("rejects with a typed error that crossed the worker for a missing model", async () => {
    const toxicity = createToxicityClassifier({ model: new URL("/no-such-model/", location.origin).href, cache: false });
    await expect(toxicity.classify(["hello"])).rejects.toBeInstanceOf(ModelFileMissingError);
    await toxicity.dispose();
  });
});
