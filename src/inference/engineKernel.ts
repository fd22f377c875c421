/**
 * tracelens' own models (see engineKernelGraph.ts) run here instead of through ONNX Runtime once
 * loaded: the window tables ONNX Runtime folded at load are copied into the memory of a small
 * WebAssembly module (engineKernelWasm.ts) that gathers, adds, applies ReLU and pools each text in one
 * pass, and the head (one linear layer over the pooled values) runs in JavaScript. Padding never
 * reaches it: each text is pooled over its own tokens, which is what the graph's -10⁴ padding row and
 * masked mean amount to.
 *
 * Float32 throughout, in the order ONNX Runtime's WebAssembly kernels compute (the adds, ReLU, maxima,
 * the running sums in token order, the mean's division, the head's blocked sums), so the logits are
 * the full graph's bit for bit on the same build of ONNX Runtime; a different order would still only
 * move the last float32 bits.
 */
import { ModelCorruptError } from "./errors";
import { POOL_MODULE, type PoolFunction } from "./engineKernelWasm";

export interface PoolingKernel {
  /** Logits, `labels` per row, of unpadded rows of token ids. */
  logits(rows: ReadonlyArray<readonly number[]>): Float32Array;
  /** Rows in each window table (the ids it accepts are 0 … vocabulary-1). */
  vocabulary: number;
  filters: number;
}

const PAGE = 65536;
const fround = Math.fround;
/** Columns ONNX Runtime's WebAssembly Gemm sums before adding them to its output (MLAS' K stride). */
const HEAD_BLOCK = 256;
const align16 = (bytes: number) => Math.ceil(bytes / 16) * 16;

/**
 * A kernel holding copies of the three `[vocabulary, filters]` window tables (read at positions t-1,
 * t, t+1) and the head's `[labels, 2 × filters]` weights and bias. Throws where WebAssembly SIMD is
 * missing or the memory cannot grow; the engine then keeps ONNX Runtime.
 */
export function createPoolingKernel(
  tables: readonly [Float32Array, Float32Array, Float32Array],
  vocabulary: number,
  weight: Float32Array,
  bias: Float32Array,
): PoolingKernel {
  const labels = bias.length;
  const filters = weight.length / labels / 2;
  if (!Number.isInteger(filters) || filters <= 0 || filters % 4 !== 0) throw new Error(`a head of ${weight.length} weights does not pool whole lanes`);
  for (const table of tables) if (table.length !== vocabulary * filters) throw new Error("the window tables differ in shape from the head");
  const rowBytes = filters * 4;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(POOL_MODULE));
  const memory = instance.exports.memory as WebAssembly.Memory;
  const pool = instance.exports.pool as PoolFunction;

  // Layout: pooled values (maxima, then sums), the three tables, then the ids of one text.
  const out = 0;
  const tableAt = [align16(2 * rowBytes), 0, 0];
  tableAt[1] = tableAt[0]! + vocabulary * rowBytes;
  tableAt[2] = tableAt[1] + vocabulary * rowBytes;
  const idsAt = tableAt[2] + vocabulary * rowBytes;
  let idsCapacity = 0;
  let ids = new Int32Array(0);
  let pooled = new Float32Array(0);
  const reserve = (count: number) => {
    if (count <= idsCapacity) return;
    idsCapacity = Math.max(count, 1024);
    const needed = Math.ceil((idsAt + idsCapacity * 4) / PAGE) - memory.buffer.byteLength / PAGE;
    if (needed > 0) memory.grow(needed);
    // Growing detaches the old views.
    ids = new Int32Array(memory.buffer, idsAt, idsCapacity);
    pooled = new Float32Array(memory.buffer, out, 2 * filters);
  };
  reserve(1024);
  tables.forEach((table, i) => new Float32Array(memory.buffer, tableAt[i], table.length).set(table));

  const width = 2 * filters;
  /**
   * One logit: the bias, then the products of each block of HEAD_BLOCK pooled values summed in
   * float32 in column order and added on. This is the order ONNX Runtime's WebAssembly Gemm adds in,
   * so the logits come out as the full graph's, bit for bit.
   */
  const head = (values: Float32Array, count: number, k: number): number => {
    const w = k * width;
    let logit = bias[k] as number;
    for (let block = 0; block < width; block += HEAD_BLOCK) {
      let sum = 0;
      for (let j = block, end = Math.min(width, block + HEAD_BLOCK); j < end; j++) {
        // Columns past `filters` are the mean-pooled half: the graph divides the sums by the count first.
        const value = j < filters ? (values[j] as number) : fround((values[j] as number) / count);
        sum = fround(sum + fround(value * (weight[w + j] as number)));
      }
      logit = fround(logit + sum);
    }
    return logit;
  };
  return {
    vocabulary,
    filters,
    logits(rows) {
      const result = new Float32Array(rows.length * labels);
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r] as readonly number[];
        const n = row.length;
        reserve(n + 2);
        if (n > 0) {
          // A zero on either side: the graph reads id 0 beside the first and last tokens.
          ids[0] = 0;
          for (let t = 0; t < n; t++) {
            const id = row[t] as number;
            if (!(Number.isInteger(id) && id >= 0 && id < vocabulary)) {
              throw new ModelCorruptError("tokenizer.json", `token id ${id} is outside the graph's embedding table (${vocabulary} rows)`);
            }
            ids[t + 1] = id;
          }
          ids[n + 1] = 0;
          pool(tableAt[0]!, tableAt[1]!, tableAt[2]!, idsAt, n, out, rowBytes);
        } else pooled.fill(0); // no token: every position is padding, which ReLU makes zero
        const count = Math.max(1, n);
        for (let k = 0; k < labels; k++) result[r * labels + k] = head(pooled, count, k);
      }
      return result;
    },
  };
}
