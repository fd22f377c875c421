// @vitest-environment node
// Dynamic batching, padding and score functions: the pure parts of the engine.
import { padBatch, planBatches, scoreRow } from "../../src/inference/engineBatch";
import { resolveThreads } from "../../src/inference/ortRuntime";
import { preprocessTwitterText } from "../../src/inference/preprocess";
import { tokenLimit } from "../../src/inference/tokenEncoder";

describe("planBatches", () => {
  it("sorts by length and never exceeds the batch size", () => {
    const lengths = [50, 3, 20, 4, 3, 49, 21];
    const batches = planBatches(lengths, 3, 10_000);
    expect(batches).toEqual([[1, 4, 3], [2, 6, 5], [0]]);
    expect(batches.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("starts a new batch before the padded size passes the token budget", () => {
    const batches = planBatches([10, 10, 10, 40, 40, 200], 32, 100);
    // 3×10 = 30 fits; adding a 40 would pad four rows to 40 = 160 > 100
    expect(batches).toEqual([[0, 1, 2], [3, 4], [5]]);
    for (const batch of batches.slice(0, 2)) {
      const width = Math.max(...batch.map((i) => [10, 10, 10, 40, 40, 200][i]!));
      expect(batch.length * width).toBeLessThanOrEqual(100);
    }
  });

  it("handles no texts", () => expect(planBatches([], 8, 100)).toEqual([]));
});

describe("padBatch", () => {
  it("pads with the pad id and masks padding, as int64 or int32", () => {
    const wide = padBatch([[2, 7, 3], [2, 3]], 1, true);
    expect(wide.width).toBe(3);
    expect(Array.from(wide.ids as BigInt64Array)).toEqual([2n, 7n, 3n, 2n, 3n, 1n]);
    expect(Array.from(wide.mask as BigInt64Array)).toEqual([1n, 1n, 1n, 1n, 1n, 0n]);
    const narrow = padBatch([[5], [5, 6]], 0, false);
    expect(narrow.ids).toBeInstanceOf(Int32Array);
    expect(Array.from(narrow.ids as Int32Array)).toEqual([5, 0, 5, 6]);
    expect(Array.from(narrow.mask as Int32Array)).toEqual([1, 0, 1, 1]);
  });

  it("writes int64 ids of any size, large and negative ones included", () => {
    const { ids } = padBatch([[2 ** 31, 7], [-1]], 5, true);
    expect(Array.from(ids as BigInt64Array)).toEqual([2n ** 31n, 7n, -1n, 5n]);
  });
});

describe("scoreRow", () => {
  const labels = ["negative", "neutral", "positive"];
  it("softmaxes and lists labels highest first", () => {
    const scores = scoreRow([0, 1, 3, 9, 9], 1, labels, "softmax");
    expect(scores.map((s) => s.label)).toEqual(["positive", "neutral", "negative"]);
    expect(scores.reduce((sum, s) => sum + s.score, 0)).toBeCloseTo(1, 12);
    expect(scores[0]!.score).toBeCloseTo(Math.exp(9) / (Math.exp(1) + Math.exp(3) + Math.exp(9)), 12);
  });

  it("is stable for huge logits and keeps the model's order on ties", () => {
    const scores = scoreRow([1000, 1000, -1000], 0, labels, "softmax");
    expect(scores.map((s) => [s.label, s.score])).toEqual([["negative", 0.5], ["neutral", 0.5], ["positive", 0]]);
  });

  it("applies an independent sigmoid per label for multi-label models", () => {
    const scores = scoreRow([4, 4, -4], 0, ["toxic", "insult", "threat"], "sigmoid");
    expect(scores[0]!.score).toBeCloseTo(1 / (1 + Math.exp(-4)), 12);
    expect(scores.reduce((sum, s) => sum + s.score, 0)).toBeGreaterThan(1.9);
  });
});

describe("token limit", () => {
  it("reads model_max_length, else positions (minus RoBERTa's offset), else 512", () => {
    expect(tokenLimit({}, { model_max_length: 128 })).toBe(128);
    expect(tokenLimit({ model_type: "roberta", max_position_embeddings: 514 }, { model_max_length: 1e30 })).toBe(512);
    expect(tokenLimit({ model_type: "bert", max_position_embeddings: 512 }, {})).toBe(512);
    expect(tokenLimit({}, {})).toBe(512);
  });
});

describe("threads", () => {
  afterEach(() => vi.unstubAllGlobals());
  it("uses one thread on a page that is not cross-origin isolated, and in Node", () => {
    expect(resolveThreads(4)).toBe(1); // Node: no crossOriginIsolated global
    vi.stubGlobal("crossOriginIsolated", false);
    expect(resolveThreads(4)).toBe(1);
    expect(resolveThreads(undefined)).toBe(1);
  });
  it("honours the requested count where threads work", () => {
    vi.stubGlobal("crossOriginIsolated", true);
    expect(resolveThreads(3)).toBe(3);
    expect(resolveThreads(0)).toBe(1);
  });
});

describe("cardiffnlp preprocessing", () => {
  it("replaces mentions and links, keeps everything else", () => {
    expect(preprocessTwitterText("@bob hi @ http://x.co\n@sue https://y")).toBe("@user hi @ http\n@user http");
    expect(preprocessTwitterText("email me@home.com or httpd")).toBe("email me@home.com or http");
  });
});
