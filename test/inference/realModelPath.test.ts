// @vitest-environment node
// The path PostHog's cardiffnlp/twitter-roberta-base-sentiment-latest takes, on a RoBERTa-shaped
// fixture (random weights, byte-level BPE tokenizer, input_ids + attention_mask → logits, only
// onnx/model.onnx present): folder lookup, tokenizer, padding with <pad>=1, 512-token truncation,
// and logits equal to a native onnxruntime-node run on the same ids.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Tokenizer } from "@huggingface/tokenizers";
import * as ortNode from "onnxruntime-node";
import { createSentimentClassifier, createTextClassifier, prepareSentimentText, type ProgressInfo } from "../../src/inference";

const folder = fileURLToPath(new URL("../fixtures/inference/tiny-roberta/", import.meta.url));
const read = (file: string) => JSON.parse(readFileSync(path.join(folder, file), "utf8")) as Record<string, unknown>;
const tokenizer = new Tokenizer(read("tokenizer.json"), read("tokenizer_config.json"));

async function nativeLogits(ids: number[]): Promise<number[]> {
  const session = await ortNode.InferenceSession.create(path.join(folder, "onnx/model.onnx"));
  const dims = [1, ids.length];
  const feeds = {
    input_ids: new ortNode.Tensor("int64", BigInt64Array.from(ids.map(BigInt)), dims),
    attention_mask: new ortNode.Tensor("int64", BigInt64Array.from(ids.map(() => 1n)), dims),
  };
  const { logits } = await session.run(feeds);
  return Array.from(logits!.data as Float32Array);
}

function softmax(logits: number[]): number[] {
  const max = Math.max(...logits);
  const exp = logits.map((x) => Math.exp(x - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((x) => x / sum);
}

describe("a RoBERTa-architecture model folder (the real model's code path)", () => {
  it("tokenizes the RoBERTa way: <s> … </s>, byte-level pieces", () => {
    const { ids, tokens } = tokenizer.encode("Thanks, it works!");
    expect(ids[0]).toBe(0);
    expect(ids.at(-1)).toBe(2);
    expect(tokens).toContain("Ġit"); // a learnt merge; Ġ is byte-level BPE's mark for a leading space
    expect(tokenizer.decode(ids, { skip_special_tokens: true })).toBe("Thanks, it works!");
  });

  it("falls back from the missing quantized graph to onnx/model.onnx and matches native ONNX Runtime", async () => {
    const events: ProgressInfo[] = [];
    const classifier = createTextClassifier({ model: folder, onProgress: (e) => events.push(e) });
    const info = await classifier.load();
    expect(info).toMatchObject({ labels: ["negative", "neutral", "positive"], maxTokens: 512, inputNames: ["input_ids", "attention_mask"] });
    expect(events.some((e) => e.status === "done" && e.file === "onnx/model.onnx")).toBe(true);
    expect(events.some((e) => e.status === "done" && e.file === "onnx/model_quantized.onnx")).toBe(false);

    const text = "Thanks, that worked perfectly!";
    const [scores] = await classifier.classify([text]);
    const expected = softmax(await nativeLogits(tokenizer.encode(text).ids));
    for (const { label, score } of scores!) {
      expect(score).toBeCloseTo(expected[info.labels.indexOf(label)]!, 5);
    }
    await classifier.dispose();
  });

  it("pads with <pad> (id 1) so a batched text scores as it does alone", async () => {
    const classifier = createSentimentClassifier({ model: pathToFileURL(folder) });
    const [alone] = await classifier.classify(["short one"]);
    const [batched] = await classifier.classify(["short one", "a considerably longer message with many more tokens in it ".repeat(4)]);
    expect(batched).toEqual(alone);
    await classifier.dispose();
  });

  it("cuts to the last 2,000 characters and then to 512 tokens, keeping </s>", async () => {
    const classifier = createTextClassifier({ model: folder, preprocess: prepareSentimentText });
    const long = "é€ 漢字 ".repeat(700); // 4,200 characters, far more than 512 byte-level tokens
    const cut = prepareSentimentText(long);
    expect([...cut].length).toBe(2000);
    const ids = tokenizer.encode(cut).ids;
    expect(ids.length).toBeGreaterThan(512);
    const truncated = [...ids.slice(0, 511), 2];
    const [scores] = await classifier.classify([long]);
    const expected = softmax(await nativeLogits(truncated));
    const labels = ["negative", "neutral", "positive"];
    for (const { label, score } of scores!) expect(score).toBeCloseTo(expected[labels.indexOf(label)]!, 5);
    await classifier.dispose();
  });

  it("accepts each file's own location (how bundlers hand over emitted files)", async () => {
    const at = (file: string) => pathToFileURL(path.join(folder, file));
    const classifier = createSentimentClassifier({
      model: { config: at("config.json"), tokenizer: at("tokenizer.json"), tokenizerConfig: at("tokenizer_config.json"), model: at("onnx/model.onnx"), name: "roberta" },
    });
    expect((await classifier.load()).name).toBe("roberta");
    expect(await classifier.classify(["ok"])).toHaveLength(1);
    await classifier.dispose();
  });
});
