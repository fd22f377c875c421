/**
 * The in-process classification engine: one model, loaded once, run in length-sorted padded
 * batches. It runs inside the Web Worker in browsers and directly in Node; it never touches the DOM.
 */
import { DEFAULT_BATCH_SIZE, DEFAULT_BATCH_TOKENS, padBatch, planBatches, scoreRow, stopIfAborted } from "./engineBatch";
import { loadModel, type LoadedModel } from "./engineLoad";
import { kernelProbe, startKernel } from "./engineKernelLoad";
import { warmUpBatches } from "./engineWarmUp";
import { InferenceError, ModelSignatureError } from "./errors";
import type { ResolvedModel } from "./modelFiles";
import type { TokenEncoder } from "./tokenEncoder";
import { ort } from "./ortRuntime";
import type { LabelScore, ModelInfo, ProgressCallback, WasmPaths } from "./types";

/** Everything the engine needs, as plain data so it can be posted to a worker. */
export interface EngineConfig {
  model: ResolvedModel;
  threads?: number;
  wasmPaths?: WasmPaths;
  /** Most texts per inference call. @default 32 */
  batchSize?: number;
  /** Most padded tokens per inference call. @default 8192 */
  maxBatchTokens?: number;
  /** Keep downloaded files in the Cache API. @default true */
  cache?: boolean;
  /**
   * Rounds of synthetic batches run right after loading, so the first real classification runs at
   * warm speed (see engineWarmUp.ts); 0 turns it off. @default 2
   */
  warmUpRounds?: number;
  /**
   * Run tracelens' own models with the engine's pooling kernel instead of ONNX Runtime once loaded
   * (see engineKernel.ts); false keeps ONNX Runtime for every batch. @default true
   */
  fusedKernel?: boolean;
}

export interface ClassificationEngine {
  /** Loads the model (once; later calls share the first load). */
  load(onProgress?: ProgressCallback): Promise<ModelInfo>;
  /**
   * Label scores per text, highest first, in input order. Loads the model if needed. Once `signal`
   * aborts, no further batch of this call runs and it rejects with the signal's reason.
   */
  classify(texts: readonly string[], signal?: AbortSignal): Promise<LabelScore[][]>;
  dispose(): Promise<void>;
}

const DEFAULT_WARM_UP_ROUNDS = 2;

function positive(value: number | undefined, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

/** Runs the model's session on one batch of unpadded rows, padded to the batch's longest. */
async function runSession(model: LoadedModel, rows: number[][], fetches: string[]): Promise<Record<string, ort.Tensor>> {
  const { ids, mask, width } = padBatch(rows, model.encoder.padId, model.int64);
  const type = model.int64 ? "int64" : "int32";
  const dims = [rows.length, width];
  const feeds: Record<string, ort.Tensor> = {};
  for (const name of model.inputNames) {
    const data = name === "input_ids" ? ids : name === "attention_mask" ? mask : model.int64 ? new BigInt64Array(ids.length) : new Int32Array(ids.length);
    feeds[name] = new ort.Tensor(type, data, dims);
  }
  return model.session.run(feeds, fetches);
}

async function batchLogits(model: LoadedModel, rows: number[][]): Promise<ArrayLike<number>> {
  if (model.kernel) return model.kernel.logits(rows);
  const outputs = await runSession(model, rows, ["logits"]);
  const logits = outputs.logits;
  const columns = model.labels.length;
  if (!logits || logits.dims.length !== 2 || logits.dims[0] !== rows.length || logits.dims[1] !== columns) {
    throw new ModelSignatureError(
      `output logits came back as [${logits?.dims.join(", ") ?? ""}], expected [${rows.length}, ${columns}] (one column per id2label entry)`,
      model.session.inputNames,
      model.session.outputNames,
    );
  }
  const data = logits.data as Float32Array;
  for (const tensor of Object.values(outputs)) tensor.dispose();
  return data;
}

async function runBatch(model: LoadedModel, rows: number[][]): Promise<LabelScore[][]> {
  const data = await batchLogits(model, rows);
  const columns = model.labels.length;
  return rows.map((_, r) => scoreRow(data, r * columns, model.labels, model.scoreFunction));
}

/**
 * Hands a tracelens model to the pooling kernel when it gives the session's logits on a probe (see
 * engineKernelLoad.ts); the session, no longer needed, is released so ONNX Runtime can reuse its memory.
 */
async function useKernel(model: LoadedModel): Promise<void> {
  if (!model.kernelGraph) return;
  const kernel = await startKernel(model.kernelGraph, kernelProbe(model.encoder), (rows, fetches) => runSession(model, rows, fetches));
  if (!kernel) return;
  model.kernel = kernel;
  await model.session.release().catch(() => undefined);
}

export function createClassificationEngine(config: EngineConfig): ClassificationEngine {
  const batchSize = positive(config.batchSize, DEFAULT_BATCH_SIZE);
  const maxBatchTokens = positive(config.maxBatchTokens, DEFAULT_BATCH_TOKENS);
  let loading: Promise<LoadedModel> | undefined;
  let disposed = false;
  // ONNX Runtime web runs one inference per session at a time; calls queue here.
  let queue: Promise<unknown> = Promise.resolve();

  const rounds = config.warmUpRounds === 0 ? 0 : positive(config.warmUpRounds, DEFAULT_WARM_UP_ROUNDS);
  // classify() calls not yet finished. Real texts warm the engine as well as synthetic ones, so the
  // warm-up stops at its next batch when one is waiting rather than delay the first result.
  let waiting = 0;

  const loaded = (onProgress?: ProgressCallback) => {
    if (disposed) return Promise.reject(new InferenceError("disposed", "The classifier was disposed"));
    // Built (the tokenizer warmed on the way) as soon as the tokenizer exists, while the graph is still arriving.
    let warmUp: number[][][] = [];
    const buildWarmUp = (encoder: TokenEncoder) => (warmUp = warmUpBatches(encoder, rounds));
    loading ??= loadModel(config.model, { cache: config.cache, onProgress }, { ...config, warm: rounds > 0 }, buildWarmUp).then(
      async (model) => {
        await useKernel(model);
        for (const rows of warmUp) {
          if (waiting > 0) break;
          await runBatch(model, rows);
        }
        warmUp = [];
        onProgress?.({ status: "ready", task: "text-classification", model: model.name });
        return model;
      },
      (error: unknown) => {
        loading = undefined; // a failed load (offline, 404) may be retried by the next call
        throw error;
      },
    );
    return loading;
  };

  const info = (model: LoadedModel): ModelInfo => ({
    name: model.name,
    labels: [...model.labels],
    scoreFunction: model.scoreFunction,
    maxTokens: model.encoder.maxTokens,
    inputNames: [...model.inputNames],
    runtime: "in-process",
    ...(model.kernel ? { fusedKernel: true } : {}),
    ...model.extras,
  });

  return {
    load: (onProgress) => loaded(onProgress).then(info),
    async classify(texts, signal) {
      waiting++;
      try {
        const model = await loaded();
        stopIfAborted(signal);
        const encoded = texts.map((text) => model.encoder.encode(text));
        const results = new Array<LabelScore[]>(texts.length);
        const run = queue.then(async () => {
          for (const batch of planBatches(encoded.map((ids) => ids.length), batchSize, maxBatchTokens)) {
            if (disposed) throw new InferenceError("disposed", "The classifier was disposed");
            // Checked per batch, so a view that gave up on a long list frees the queue for the next call.
            stopIfAborted(signal);
            const scored = await runBatch(model, batch.map((i) => encoded[i] as number[]));
            batch.forEach((index, row) => (results[index] = scored[row] as LabelScore[]));
          }
        });
        queue = run.catch(() => undefined);
        await run;
        return results;
      } finally {
        waiting--;
      }
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      const pending = loading;
      await queue;
      const model = await pending?.catch(() => undefined);
      if (model && !model.kernel) await model.session.release().catch(() => undefined);
    },
  };
}
