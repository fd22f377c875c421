/**
 * `createTextClassifier`: any sequence-classification model (sentiment, emotion, toxicity) in the
 * transformers.js folder layout, run in a Web Worker in browsers and in-process in Node, or a
 * host's transformers.js pipeline. Loading starts on the first `load()` or `classify()`.
 */
import { createClassificationEngine, type ClassificationEngine, type EngineConfig } from "./engine";
import { InferenceError } from "./errors";
import { resolveModel } from "./modelFiles";
import { createStatusStore } from "./statusStore";
import { createPipelineEngine, type TransformersPipeline } from "./transformersAdapter";
import type { ClassifierStatusSource, ClassifyOptions, LabelScore, ModelInfo, ModelSource, ProgressCallback, WasmPaths } from "./types";
import { createWorkerEngine } from "./workerClient";
import { canStartWorker, startDefaultWorker } from "./workerDefault";
import type { WorkerFactory } from "./workerProtocol";

/** Options shared by every classifier built on the ONNX engine. */
export interface ClassifierEngineOptions {
  /**
   * Graph file inside a model folder.
   * @default "onnx/model_quantized.onnx", then "onnx/model.onnx" if that is missing
   */
  modelFile?: string;
  /**
   * Run in a Web Worker: `true` uses tracelens' own worker file, a function makes the worker
   * itself (write `new Worker(new URL("tracelens/inference/worker", import.meta.url), { type:
   * "module" })` in your code so your bundler emits it), `false` runs on the calling thread.
   * @default true where Web Workers exist (browsers), false in Node
   */
  worker?: boolean | WorkerFactory;
  /**
   * Threads per inference, in cross-origin-isolated pages (COOP `same-origin` + COEP `require-corp`);
   * one thread elsewhere, Node included. @default min(4, cores) when isolated, else 1
   */
  threads?: number;
  /** Where onnxruntime-web's `ort-wasm-simd-threaded.{wasm,mjs}` are served. @default beside onnxruntime-web (your bundler emits them) */
  wasmPaths?: WasmPaths;
  /** Most texts per inference call. @default 32 */
  batchSize?: number;
  /** Most padded tokens per inference call. @default 8192 */
  maxBatchTokens?: number;
  /** Keep downloaded model files in the Cache API. @default true */
  cache?: boolean;
  /**
   * Rounds of synthetic batches run when the model loads, so the first real classification already
   * runs at warm speed (WebAssembly and the tokenizer are optimised while they run). 0 turns it off.
   * @default 2
   */
  warmUpRounds?: number;
  /**
   * Run tracelens' own models (the three it ships, or any exported by its `models/train` scripts)
   * with its fused WebAssembly kernel once loaded, which gives the graph's logits several times
   * faster than ONNX Runtime but keeps a float32 copy of the model's window tables (about 42 MB for
   * sentiment). `false` runs every batch through ONNX Runtime. Other models always use ONNX Runtime.
   * @default true
   */
  fusedKernel?: boolean;
  /** Every loading event (transformers.js `status` vocabulary). */
  onProgress?: ProgressCallback;
  /**
   * Classify with a transformers.js `text-classification` pipeline instead of tracelens' engine;
   * `model`, `worker`, `threads`, `wasmPaths` and `cache` are then unused.
   */
  pipeline?: TransformersPipeline;
}

export interface TextClassifierOptions extends ClassifierEngineOptions {
  /** A model folder (URL, path or `file:` URL) or each file's location. Required unless `pipeline` is given. */
  model?: ModelSource;
  /** Rewrites each text before tokenizing, on the calling thread. */
  preprocess?: (text: string) => string;
}

export interface TextClassifier extends ClassifierStatusSource {
  /** Loads the model (once) and tells what it is. */
  load(): Promise<ModelInfo>;
  /** Every label's score per text, highest first, in input order (a pipeline's `top_k: null` output). */
  classify(texts: readonly string[], options?: ClassifyOptions): Promise<LabelScore[][]>;
  /** Releases the session and stops the worker; later calls reject with a `disposed` error. */
  dispose(): Promise<void>;
}

function pickEngine(options: TextClassifierOptions): ClassificationEngine {
  if (options.pipeline) return createPipelineEngine(options.pipeline, options.batchSize);
  if (options.model === undefined) throw new InferenceError("model-file-missing", "createTextClassifier needs a `model` or a `pipeline`");
  const config: EngineConfig = {
    model: resolveModel(options.model, options.modelFile),
    threads: options.threads,
    wasmPaths: options.wasmPaths,
    batchSize: options.batchSize,
    maxBatchTokens: options.maxBatchTokens,
    cache: options.cache,
    warmUpRounds: options.warmUpRounds,
    fusedKernel: options.fusedKernel,
  };
  const worker = options.worker ?? canStartWorker();
  if (worker === false) return createClassificationEngine(config);
  return createWorkerEngine(worker === true ? startDefaultWorker : worker, config);
}

/** Rejects with the signal's reason as soon as it aborts; otherwise settles as `work` does. */
export function abortable<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * A text classifier over a model folder or a transformers.js pipeline.
 *
 * @example
 * const toxicity = createTextClassifier({ model: "/models/toxic-bert/" });
 * const [scores] = await toxicity.classify(["you are wonderful"]); // [{ label: "toxic", score: 0.01 }, …]
 */
export function createTextClassifier(options: TextClassifierOptions): TextClassifier {
  const store = createStatusStore();
  const engine = pickEngine(options);
  let loading: Promise<ModelInfo> | undefined;

  const load = () => {
    loading ??= (async () => {
      store.loading();
      try {
        const model = await engine.load((info) => {
          store.progress(info);
          options.onProgress?.(info);
        });
        store.ready(model);
        return model;
      } catch (error) {
        loading = undefined;
        store.failed(error as Error);
        throw error;
      }
    })();
    return loading;
  };

  return {
    getStatus: store.getStatus,
    subscribe: store.subscribe,
    load,
    async classify(texts, classifyOptions) {
      const signal = classifyOptions?.signal;
      if (texts.length === 0) {
        await abortable(load(), signal);
        return [];
      }
      const prepared = options.preprocess ? texts.map(options.preprocess) : [...texts];
      // The engine gets the texts while the model still loads, so its load-time warm-up gives way; a
      // call aborted in the same tick never reaches it.
      const loaded = abortable(load(), signal);
      await null;
      if (signal?.aborted) return loaded.then(() => Promise.reject(signal.reason));
      const [, results] = await Promise.all([loaded, abortable(engine.classify(prepared, signal), signal)]);
      return results;
    },
    async dispose() {
      store.disposed();
      await engine.dispose();
    },
  };
}
