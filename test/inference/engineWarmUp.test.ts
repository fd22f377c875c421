// @vitest-environment node
import { warmUpBatches } from "../../src/inference/engineWarmUp";
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
