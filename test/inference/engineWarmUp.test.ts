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
