// @vitest-environment node
import { createSentimentClassifier } from "../../src/inference";
import { warmUpBatches } from "../../src/inference/engineWarmUp";
import { ort } from "../../src/inference/ortRuntime";
import type { TokenEncoder } from "../../src/inference/tokenEncoder";

const encoder = (maxTokens: number): TokenEncoder => ({
  padId: 0,
  maxTokens,
  // One id per character code, so rows are long enough for every shape.
  encode: (text) => [2, ...[...text].map((ch) => 5 + (ch.charCodeAt(0) % 50)), 3],
});

describe("warmUpBatches", () => {
  it("makes batches of the real widths, each row within the model's token limit, rows of different lengths", () => {
    const batches = warmUpBatches(encoder(64), 2);
    expect(batches).toHaveLength(12);
    for (const rows of batches) {
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows) {
        expect(row.length).toBeGreaterThanOrEqual(2);
        expect(row.length).toBeLessThanOrEqual(64);
      }
      expect(new Set(rows.map((row) => row.length)).size).toBeGreaterThan(1);
    }
  });

  it("makes nothing for zero rounds", () => {
    expect(warmUpBatches(encoder(256), 0)).toEqual([]);
  });
});

describe("the warm-up graph", () => {
  // startRuntime swallows the warm-up graph's failures (the real model's load names them), so a graph
  // that no longer loads or runs would only show as a slower first pass: check it here.
  it("loads in the wasm runtime and gives one row of three logits per input row, padding included", async () => {
    const { ort, configureRuntime } = await import("../../src/inference/ortRuntime");
    const { WARM_UP_GRAPH, WARM_UP_VOCAB } = await import("../../src/inference/warmUpGraph");
    configureRuntime({ threads: 1 });
    const session = await ort.InferenceSession.create(Uint8Array.from(atob(WARM_UP_GRAPH), (c) => c.charCodeAt(0)));
    try {
      const [rows, width] = [3, 5];
      const ids = BigInt64Array.from({ length: rows * width }, (_, i) => BigInt(1 + (i % (WARM_UP_VOCAB - 1))));
      const mask = BigInt64Array.from({ length: rows * width }, (_, i) => (i % width < width - (i / width | 0) ? 1n : 0n));
      const dims = [rows, width];
      const { logits } = await session.run({ input_ids: new ort.Tensor("int64", ids, dims), attention_mask: new ort.Tensor("int64", mask, dims) });
      expect(logits!.dims).toEqual([rows, 3]);
      expect(Array.from(logits!.data as Float32Array).every(Number.isFinite)).toBe(true);
    } finally {
      await session.release();
    }
  });
});

describe("the load-time warm-up", () => {
  /** Runs of the session that classified `text`, counted per session (the warm-up graph has its own). */
  async function runsOfRealSession(start: (classifier: ReturnType<typeof createSentimentClassifier>) => Promise<unknown>) {
    const sessions = new Map<object, number>();
    let real: object | undefined;
    // The session class behind ort.InferenceSession (its typing shows only the factory).
    const prototype = (ort.InferenceSession as unknown as { prototype: { run: (...args: never[]) => unknown } }).prototype;
    const original = prototype.run;
    const spy = vi.spyOn(prototype, "run").mockImplementation(function (this: object, feeds: never, ...rest: never[]) {
      sessions.set(this, (sessions.get(this) ?? 0) + 1);
      if ((feeds as Record<string, { dims: readonly number[] }>).input_ids?.dims[0] === 1) real = this;
      return original.call(this, feeds, ...rest);
    });
    // ONNX Runtime for every batch, so each batch is a session run to count (the pooling kernel,
    // which otherwise takes over the embedded model, is warmed by the same loop).
    const classifier = createSentimentClassifier({ worker: false, warmUpRounds: 1, fusedKernel: false });
    try {
      await start(classifier);
      await classifier.classify(["the export works now, thanks"]);
    } finally {
      spy.mockRestore();
      await classifier.dispose();
    }
    return sessions.get(real!);
  }

  it("runs its batches when the model is loaded ahead of use", async () => {
    // One round: one batch per warm-up shape, then the text's own batch.
    expect(await runsOfRealSession((classifier) => classifier.load())).toBe(7);
  });

  it("gives way to a classification that is already waiting, so the first result is not delayed", async () => {
    expect(await runsOfRealSession(async () => undefined)).toBe(1);
  });
});
