// @vitest-environment node
// The embedded emotion and toxicity models in Node, found in the package with no configuration.
import { createEmotionClassifier, createToxicityClassifier, toLabelResult, type LabelClassifier, type ModelInfo } from "../../src/inference";

let emotion: LabelClassifier;
let ekman: LabelClassifier;
let toxicity: LabelClassifier;

beforeAll(() => {
  emotion = createEmotionClassifier();
  ekman = createEmotionClassifier({ grouping: "ekman" });
  toxicity = createToxicityClassifier();
});
afterAll(() => Promise.all([emotion.dispose(), ekman.dispose(), toxicity.dispose()]));

function expectWellFormed(result: { labels: string[]; scores: Record<string, number> }, labelCount: number) {
  expect(Object.keys(result.scores)).toHaveLength(labelCount);
  const values = Object.values(result.scores);
  for (const value of values) {
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
    expect(Math.round(value * 10_000) / 10_000).toBe(value);
  }
  // Labels are a subset of the scored labels, top score first.
  const labelScores = result.labels.map((label) => result.scores[label] as number);
  expect(labelScores).toEqual([...labelScores].sort((a, b) => b - a));
}

describe("createEmotionClassifier() on the embedded model", () => {
  it("loads GoEmotions' 28 labels, sigmoid scores, thresholds chosen on dev and the Ekman grouping", async () => {
    const info = await emotion.load();
    expect(info).toMatchObject({ name: "tracelens-emotion", scoreFunction: "sigmoid", runtime: "in-process" });
    expect(info.labels).toHaveLength(28);
    expect(info.labels).toContain("gratitude");
    expect(Object.keys(info.thresholds ?? {})).toHaveLength(28);
    expect(Object.keys(info.groups?.ekman ?? {}).sort()).toEqual(["anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise"]);
  });

  it.each([
    ["Thank you so much, this helped me a lot!", "gratitude", "joy"],
    ["I'm really scared I'm going to fail this exam tomorrow", "fear", "fear"],
    ["Can you convert this table to CSV?", "neutral", "neutral"],
  ])("labels %j with %s (Ekman %s)", async (text, label, group) => {
    const [fine] = await emotion.classify([text]);
    const [coarse] = await ekman.classify([text]);
    expectWellFormed(fine!, 28);
    expectWellFormed(coarse!, 7);
    expect(fine!.labels[0]).toBe(label);
    expect(coarse!.labels[0]).toBe(group);
  });

  it("applies a host's threshold over the model's", async () => {
    const strict = createEmotionClassifier({ threshold: 1 });
    const [none] = await strict.classify(["Thank you so much!"]);
    expect(none!.labels).toEqual([]);
    await strict.dispose();
  });
});

describe("createToxicityClassifier() on the embedded model", () => {
  it("has hate_speech, offensive_language and none, with thresholds", async () => {
    const info = await toxicity.load();
    expect(info.labels.sort()).toEqual(["hate_speech", "none", "offensive_language"]);
    expect(info.thresholds).toBeDefined();
  });

  it.each([
    "Could you resend the invoice for March?",
    "My flight got cancelled. What are my options?",
    "Thanks, that fixed it!",
    "I'm really scared I'll fail this exam",
  ])("gives no label to the ordinary request %j", async (text) => {
    const [result] = await toxicity.classify([text]);
    expectWellFormed(result!, 3);
    expect(result!.labels).toEqual([]);
  });

  it("labels an insult and never lists none", async () => {
    const [result] = await toxicity.classify(["shut up you stupid bitch"]);
    expect(result!.labels.length).toBeGreaterThan(0);
    expect(result!.labels).not.toContain("none");
  });
});

describe("toLabelResult", () => {
  const model: ModelInfo = {
    name: "m", labels: ["a", "b", "c"], scoreFunction: "sigmoid", maxTokens: 8, inputNames: [], runtime: "in-process",
    thresholds: { a: 0.9, b: 0.2 }, groups: { g: { x: ["a", "b"], y: ["c"] } },
  };
  const scores = [{ label: "a", score: 0.8 }, { label: "b", score: 0.3 }, { label: "c", score: 0.55555 }];

  it("keeps labels over their own threshold (default 0.5), top score first", () => {
    expect(toLabelResult(scores, model, {})).toEqual({ labels: ["c", "b"], scores: { a: 0.8, c: 0.5556, b: 0.3 } });
  });

  it("scores a group by its best member and applies it when any member applies", () => {
    expect(toLabelResult(scores, model, { groups: model.groups!.g })).toEqual({ labels: ["x", "y"], scores: { x: 0.8, y: 0.5556 } });
  });

  it("leaves excluded labels out of labels but keeps their scores", () => {
    expect(toLabelResult(scores, model, { threshold: 0.1, excluded: ["a"] }).labels).toEqual(["c", "b"]);
  });
});
