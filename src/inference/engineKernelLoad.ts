/**
 * Moves a freshly loaded tracelens model onto the pooling kernel (engineKernel.ts), or leaves it on
 * ONNX Runtime. The kernel is only trusted after it has given the graph's own logits on a probe of
 * real token rows (lengths 1 to the model's limit, padded beside each other), so a graph that merely
 * looks like tracelens' network keeps being run by ONNX Runtime.
 */
import { createPoolingKernel, type PoolingKernel } from "./engineKernel";
import type { KernelGraph } from "./engineKernelGraph";
import { warmUpCorpus } from "./engineWarmUp";
import type { ort } from "./ortRuntime";
import type { TokenEncoder } from "./tokenEncoder";

/** Largest difference from ONNX Runtime's logits the kernel may show, relative to the logit (at least 1). */
const TOLERANCE = 1e-4;

/** Runs the model's session on unpadded rows (padded as the engine pads them), fetching `fetches`. */
export type SessionRun = (rows: number[][], fetches: string[]) => Promise<Record<string, ort.Tensor>>;

/** Rows of real token ids: every length from 1 to 8, longer ones up to the limit, in two padded batches. */
export function kernelProbe(encoder: TokenEncoder): number[][][] {
  const pieces: number[] = [];
  for (const text of warmUpCorpus(24)) pieces.push(...encoder.encode(text));
  while (pieces.length < encoder.maxTokens + 64) pieces.push(...pieces);
  const limit = encoder.maxTokens;
  const row = (length: number, from: number) => pieces.slice(from, from + Math.max(1, Math.min(length, limit)));
  return [
    [1, 2, 3, 4, 5, 6, 7, 8, 13, 31].map((length, i) => row(length, i * 17)),
    [limit, limit - 1, 64, 9].map((length, i) => row(length, i * 29)),
  ];
}

/** The kernel for `graph`'s model, checked against the session on `probe`, or undefined. */
export async function startKernel(graph: Omit<KernelGraph, "graph">, probe: number[][][], run: SessionRun): Promise<PoolingKernel | undefined> {
  try {
    const [first, ...rest] = probe;
    if (!first) return undefined;
    const fetched = await run(first, ["logits", ...new Set(graph.tables)]);
    const tables = graph.tables.map((name) => fetched[name]) as [ort.Tensor, ort.Tensor, ort.Tensor];
    const [vocabulary, filters] = tables[0].dims;
    if (tables.some((t) => t.type !== "float32" || t.dims.length !== 2 || t.dims[0] !== vocabulary || t.dims[1] !== filters)) return undefined;
    const kernel = createPoolingKernel(
      tables.map((t) => t.data as Float32Array) as [Float32Array, Float32Array, Float32Array],
      vocabulary as number,
      graph.weight,
      graph.bias,
    );
    const expected = [fetched.logits?.data as Float32Array];
    for (const tensor of Object.values(fetched)) tensor.dispose();
    for (const rows of rest) {
      const outputs = await run(rows, ["logits"]);
      expected.push(outputs.logits?.data as Float32Array);
      for (const tensor of Object.values(outputs)) tensor.dispose();
    }
    const agrees = probe.every((rows, i) => {
      const want = expected[i];
      const got = kernel.logits(rows);
      return want !== undefined && want.length === got.length && got.every((value, j) => Math.abs(value - want[j]!) <= TOLERANCE * Math.max(1, Math.abs(want[j]!)));
    });
    return agrees ? kernel : undefined;
  } catch {
    return undefined; // no SIMD, no memory, or a graph that fails on the probe: ONNX Runtime stays
  }
}
