// @vitest-environment node
// The embedded model in Node, found in the package with no configuration and run in-process.
import { SENTIMENT_LABELS, buildGenerationSentiment } from "../../src/core/sentiment";
import { createSentimentClassifier, type ProgressInfo, type SentimentClassifier } from "../../src/inference";

let classifier: SentimentClassifier;
const events: ProgressInfo[] = [];

beforeAll(() => {
  classifier = createSentimentClassifier({ onProgress: (info) => events.push(info) });
});
afterAll(() => classifier.dispose());

describe("createSentimentClassifier() on the embedded model in Node", () => {
  it("starts idle, then reports loading progress and becomes ready in-process", async () => {
    expect(classifier.getStatus().state).toBe("idle");
    const seen: string[] = [];
    const unsubscribe = classifier.subscribe(() => seen.push(classifier.getStatus().state));
    const info = await classifier.load();
    unsubscribe();
    expect(info).toMatchObject({
      name: "tracelens-sentiment",
      labels: ["negative", "neutral", "positive"],
      scoreFunction: "softmax",
      inputNames: ["input_ids", "attention_mask"],
      runtime: "in-process",
    });
    expect(seen[0]).toBe("loading");
    expect(seen.at(-1)).toBe("ready");
    const files = events.filter((e) => e.status === "done").map((e) => (e as { file: string }).file).sort();
    expect(files).toEqual(["config.json", "onnx/model_quantized.onnx", "tokenizer.json", "tokenizer_config.json"]);
    const status = classifier.getStatus();
    expect(status.progress.progress).toBe(100);
    expect(status.progress.loaded).toBeGreaterThan(1_000_000);
  });

  it.each([
    ["I love this so much, thank you! Best day ever", "positive"],
    ["Thanks a lot, that was really helpful and great", "positive"],
    ["This is terrible, I hate it and it keeps failing", "negative"],
    ["Worst answer ever. Useless and annoying, I'm so angry", "negative"],
    ["The meeting is on Tuesday at 3pm in room 4", "neutral"],
    ["Please convert this CSV file to JSON", "neutral"],
  ])("labels %j as %s", async (text, label) => {
    const [result] = await classifier.classify([text]);
    expect(result!.label).toBe(label);
  });

  it("returns PostHog's message shape: scores rounded to 4 dp, listed highest first, label = first maximum", async () => {
    const results = await classifier.classify(["ok", "I am so happy today!", "", "why is this broken again"]);
    expect(results).toHaveLength(4);
    for (const result of results) {
      expect(Object.keys(result.scores).sort()).toEqual([...SENTIMENT_LABELS].sort());
      const values = Object.values(result.scores);
      for (const value of values) expect(Math.round(value * 10_000) / 10_000).toBe(value);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      expect(result.score).toBe(Math.max(...values));
      expect(result.scores[result.label]).toBe(result.score);
      expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    }
  });

  it("gives a text the same result alone and inside a batch of longer texts (padding is masked)", async () => {
    const text = "not bad at all, quite nice";
    const [alone] = await classifier.classify([text]);
    const batch = await classifier.classify(["x ".repeat(150), text, "a much longer message ".repeat(20)]);
    expect(batch[1]).toEqual(alone);
  });

  it("keeps only the last 2,000 characters, then the token limit", async () => {
    const tail = " Anyway, thank you so much, I love it!";
    const long = "terrible awful broken ".repeat(300) + tail; // 6,600+ characters, the negative part is cut away
    const [cut] = await classifier.classify([long]);
    const [kept] = await classifier.classify([long.slice(-2000)]);
    expect(cut).toEqual(kept);
  });

  it("applies the @user/http preprocessing", async () => {
    const [a] = await classifier.classify(["@alice_99 loved it https://t.co/abc"]);
    const [b] = await classifier.classify(["@user loved it http"]);
    expect(a).toEqual(b);
  });

  it("classifyInput keys user messages by their $ai_input index and keeps the classified text", async () => {
    const input = [
      { role: "system", content: "You are helpful." },
      { role: "user", content: "This is useless, I hate it" },
      { role: "assistant", content: "Sorry!" },
      { role: "user", content: [{ type: "text", text: "Great, thanks a lot!" }] },
      { role: "user", content: [{ type: "tool_result", content: "42" }] },
    ];
    const messages = await classifier.classifyInput(input);
    expect(Object.keys(messages)).toEqual(["1", "3"]);
    expect(messages["1"]).toMatchObject({ label: "negative", text: "This is useless, I hate it" });
    expect(messages["3"]).toMatchObject({ label: "positive", text: "Great, thanks a lot!" });
    const generation = buildGenerationSentiment(
      Object.entries(messages).map(([index, m]) => ({ index: Number(index), output: Object.entries(m.scores).map(([label, score]) => ({ label, score })) })),
    );
    expect(generation.message_count).toBe(2);
    expect(await classifier.classifyInput("plain string input")).toHaveProperty("0");
    expect(await classifier.classifyInput(null)).toEqual({});
  });

  it("rejects with the signal's reason when aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(classifier.classify(["hello"], { signal: controller.signal })).rejects.toThrow("stop");
  });

  it("works as the local client's classifier seam (classify(texts, { signal }))", async () => {
    const seam: { classify(texts: string[], options?: { signal?: AbortSignal }): Promise<ReadonlyArray<unknown>> } = classifier;
    const out = await seam.classify(["fine"], {});
    expect(out).toHaveLength(1);
  });
});
