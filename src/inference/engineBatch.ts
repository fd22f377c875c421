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

/** Checked before each batch: a call whose caller gave up runs no further batch. */
export function stopIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason;
}

/** Whether this platform stores the low 32-bit word of an int64 first (every current JS engine does). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The padded `[rows, width]` input matrices of one batch, in the integer type the graph declares.
 * int64 matrices are written through a 32-bit view of their buffer: token ids are small
 * non-negative integers, so each value is its low word beside a zero high word, and no token pays
 * for a BigInt conversion. Ids outside 0…2³¹-1 (no real vocabulary has them) are written as BigInts.
 */
export function padBatch(
  rows: ReadonlyArray<readonly number[]>,
  padId: number,
  int64: boolean,
): { ids: BigInt64Array | Int32Array; mask: BigInt64Array | Int32Array; width: number } {
  let width = 1;
  for (const row of rows) width = Math.max(width, row.length);
  const size = rows.length * width;
  const step = int64 ? 2 : 1;
  const low = int64 && !LITTLE_ENDIAN ? 1 : 0;
  const idWords = new Int32Array(size * step);
  const maskWords = new Int32Array(size * step);
  const wide = int64 ? new BigInt64Array(idWords.buffer) : undefined;
  const write = (at: number, id: number) => {
    if (id >= 0 && id <= 0x7fffffff && Number.isInteger(id)) idWords[at * step + low] = id;
    else if (wide) wide[at] = BigInt(id);
    else idWords[at] = id;
  };
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as readonly number[];
    const offset = r * width;
    for (let c = 0; c < row.length; c++) {
      write(offset + c, row[c] as number);
      maskWords[(offset + c) * step + low] = 1;
    }
    for (let c = row.length; c < width; c++) write(offset + c, padId);
  }
  return int64
    ? { ids: wide as BigInt64Array, mask: new BigInt64Array(maskWords.buffer), width }
    : { ids: idWords, mask: maskWords, width };
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
