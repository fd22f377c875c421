/**
 * Dynamic batching: texts are sorted by token count and cut into batches whose padded size stays
 * under a token budget, so a short message never pays for a long one's padding and a batch of long
 * messages never grows past what a page can hold in memory.
 */
import type { LabelScore, ScoreFunction } from "./types";

/** Most texts per batch unless the host says otherwise (PostHog's own batch size). */
export const DEFAULT_BATCH_SIZE = 32;
/** Most padded tokens per batch: 32 texts of 256 tokens, or 16 of the 512-token limit. */
export const DEFAULT_BATCH_TOKENS = 8192;

/**
 * Batches of indices into `lengths`, shortest texts first. Each batch has at most `batchSize`
 * texts and at most `maxTokens` padded tokens (a single text longer than that gets its own batch).
 */
export function planBatches(lengths: readonly number[], batchSize: number, maxTokens: number): number[][] {
  const order = lengths.map((_, i) => i).sort((a, b) => (lengths[a] ?? 0) - (lengths[b] ?? 0) || a - b);
  const batches: number[][] = [];
  let current: number[] = [];
  for (const index of order) {
    const width = lengths[index] ?? 0;
    // Sorted ascending, so this text sets the padded width of the batch it joins.
    if (current.length > 0 && (current.length >= batchSize || (current.length + 1) * width > maxTokens)) {
      batches.push(current);
      current = [];
    }
    current.push(index);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** The padded `[rows, width]` input matrices of one batch, in the integer type the graph declares. */
export function padBatch(
  rows: ReadonlyArray<readonly number[]>,
  padId: number,
  int64: boolean,
): { ids: BigInt64Array | Int32Array; mask: BigInt64Array | Int32Array; width: number } {
  const width = Math.max(1, ...rows.map((row) => row.length));
  const size = rows.length * width;
  const ids = int64 ? new BigInt64Array(size) : new Int32Array(size);
  const mask = int64 ? new BigInt64Array(size) : new Int32Array(size);
  rows.forEach((row, r) => {
    const offset = r * width;
    for (let c = 0; c < width; c++) {
      const present = c < row.length;
      const id = present ? (row[c] as number) : padId;
      if (int64) {
        (ids as BigInt64Array)[offset + c] = BigInt(id);
        (mask as BigInt64Array)[offset + c] = present ? 1n : 0n;
      } else {
        (ids as Int32Array)[offset + c] = id;
        (mask as Int32Array)[offset + c] = present ? 1 : 0;
      }
    }
  });
  return { ids, mask, width };
}

/** One row of logits → label scores, highest first (ties keep the model's label order). */
export function scoreRow(logits: ArrayLike<number>, offset: number, labels: readonly string[], fn: ScoreFunction): LabelScore[] {
  const n = labels.length;
  const scores = new Array<number>(n);
  if (fn === "sigmoid") {
    for (let i = 0; i < n; i++) scores[i] = 1 / (1 + Math.exp(-(logits[offset + i] as number)));
  } else {
    let max = -Infinity;
    for (let i = 0; i < n; i++) max = Math.max(max, logits[offset + i] as number);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += scores[i] = Math.exp((logits[offset + i] as number) - max);
    for (let i = 0; i < n; i++) scores[i] = (scores[i] as number) / sum;
  }
  return labels
    .map((label, i) => ({ label, score: scores[i] as number, i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ label, score }) => ({ label, score }));
}
