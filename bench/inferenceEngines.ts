// The three engines `npm run bench:inference` compares, each as "make it, then classify texts":
// tracelens' engine (onnxruntime-web wasm), a transformers.js pipeline on the same folder and the same
// wasm backend, and onnxruntime-node (native) fed by tracelens' tokenizer and batching. Also the
// benchmark's 1,000 messages.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as ortNode from "onnxruntime-node";
import * as ortWeb from "onnxruntime-web/wasm";
import { createSentimentClassifier, prepareSentimentText, type TransformersPipeline } from "../src/inference";
import { DEFAULT_BATCH_SIZE, DEFAULT_BATCH_TOKENS, padBatch, planBatches, scoreRow } from "../src/inference/engineBatch";
import { createTokenEncoder } from "../src/inference/tokenEncoder";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const modelDir = path.resolve(process.env.TRACELENS_MODEL ?? path.join(root, "models/tracelens-sentiment"));
export const THREADS = Number(process.env.BENCH_THREADS ?? 1);
export const COUNT = 1000;
export const ENGINES = ["tracelens", "pipeline", "native"] as const;
export type EngineName = (typeof ENGINES)[number];
export const ENGINE_TITLES: Record<EngineName, string> = {
  tracelens: process.env.BENCH_FUSED_KERNEL === "0" ? "tracelens (onnxruntime-web wasm)" : "tracelens (ort-web + pooling kernel)",
  pipeline: "transformers.js pipeline (same wasm)",
  native: "onnxruntime-node (native)",
};

export interface Engine {
  /** Resolves once the model is loaded and the engine can classify (a no-op where making it loaded it). */
  ready(): Promise<unknown>;
  classify(texts: string[]): Promise<unknown[]>;
  dispose(): Promise<void>;
}

/** A seeded PRNG, so every run (and every engine) sees the same messages. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 1,000 messages of 1 to ~15 sentences, as the sentiment classifier prepares them (last 2,000
 * characters, @user/http): tweets from val.tsv when the shared data is beside the repository (read at
 * run time, never committed), otherwise sentences generated from a small word list.
 */
export function benchMessages(): { texts: string[]; source: string } {
  const random = mulberry32(2024);
  const valFile = path.resolve(process.env.TRACELENS_SENTIMENT_DATA ?? path.join(root, "../shared/data/sentiment"), "val.tsv");
  let pool: string[];
  let source: string;
  if (existsSync(valFile)) {
    pool = readFileSync(valFile, "utf8").split("\n").slice(1).filter(Boolean).map((line) => line.slice(line.indexOf("\t") + 1));
    source = `tweets from ${path.relative(root, valFile)}`;
  } else {
    const words = "the support agent fixed my export quickly thanks great awful slow broken again please why love hate dashboard billing page error today".split(" ");
    pool = Array.from({ length: 2000 }, () => Array.from({ length: 4 + Math.floor(random() * 20) }, () => words[Math.floor(random() * words.length)]).join(" ") + ".");
    source = "generated sentences (../shared/data/sentiment/val.tsv not found)";
  }
  const texts = Array.from({ length: COUNT }, () => {
    // Mostly short chat turns, with a long tail of pasted paragraphs.
    const sentences = random() < 0.7 ? 1 + Math.floor(random() * 2) : 3 + Math.floor(random() * 13);
    return Array.from({ length: sentences }, () => pool[Math.floor(random() * pool.length)]).join(" ");
  });
  return { texts: texts.map(prepareSentimentText), source };
}

async function tracelensEngine(): Promise<Engine> {
  // The public entry as hosts call it; texts here are already prepared, and preparing twice is a no-op.
  const classifier = createSentimentClassifier({
    model: modelDir,
    worker: false,
    threads: THREADS,
    ...(process.env.BENCH_WARM_UP_ROUNDS ? { warmUpRounds: Number(process.env.BENCH_WARM_UP_ROUNDS) } : {}),
    ...(process.env.BENCH_FUSED_KERNEL === "0" ? { fusedKernel: false } : {}),
  });
  return { ready: () => classifier.load(), classify: (texts) => classifier.classify(texts), dispose: () => classifier.dispose() };
}

async function pipelineEngine(): Promise<Engine> {
  // transformers.js uses the ONNX Runtime registered under this symbol instead of its own
  // onnxruntime-node, so the pipeline runs on the very same wasm backend as tracelens. In Node it
  // hands ONNX Runtime a file path, which only onnxruntime-node reads; read it for the wasm build.
  const create: typeof ortWeb.InferenceSession.create = (async (model: unknown, options?: ortWeb.InferenceSession.SessionOptions) =>
    ortWeb.InferenceSession.create(typeof model === "string" ? new Uint8Array(readFileSync(model)) : (model as Uint8Array), options)) as never;
  (globalThis as Record<symbol, unknown>)[Symbol.for("onnxruntime")] = { ...ortWeb, InferenceSession: { create } };
  // The same runtime settings tracelens applies (one thread, no proxy worker); left unset, ONNX Runtime
  // probes the core count with a require() its ES module build cannot make in a fresh Node process.
  ortWeb.env.wasm.numThreads = THREADS;
  ortWeb.env.wasm.proxy = false;
  const { env, pipeline } = await import("@huggingface/transformers");
  env.allowRemoteModels = false;
  env.useWasmCache = false; // its wasm pre-load would reach for a CDN; ONNX Runtime is already running here
  env.localModelPath = path.dirname(modelDir);
  // transformers.js points ONNX Runtime at a CDN for its .wasm; use the installed file, as tracelens does.
  ortWeb.env.wasm.wasmPaths = undefined;
  const pipe = (await pipeline("text-classification", path.basename(modelDir), { dtype: "q8", device: "auto" })) as unknown as TransformersPipeline;
  return {
    ready: async () => undefined,
    async classify(texts) {
      const out: unknown[] = [];
      // The pipeline's own batching: fixed chunks in the order given, each padded to its longest text.
      for (let i = 0; i < texts.length; i += DEFAULT_BATCH_SIZE) {
        out.push(...((await pipe(texts.slice(i, i + DEFAULT_BATCH_SIZE), { top_k: null })) as unknown[]));
      }
      return out;
    },
    dispose: async () => undefined,
  };
}

async function nativeEngine(): Promise<Engine> {
  const json = (file: string) => JSON.parse(readFileSync(path.join(modelDir, file), "utf8")) as Record<string, unknown>;
  const config = json("config.json");
  const encoder = createTokenEncoder(json("tokenizer.json"), json("tokenizer_config.json"), config);
  const labels = Object.values(config.id2label as Record<string, string>);
  const session = await ortNode.InferenceSession.create(path.join(modelDir, "onnx/model_quantized.onnx"), {
    intraOpNumThreads: THREADS,
    interOpNumThreads: 1,
    graphOptimizationLevel: "all",
  });
  return {
    ready: async () => undefined,
    async classify(texts) {
      const encoded = texts.map((text) => encoder.encode(text));
      const results: unknown[] = new Array(texts.length);
      for (const rows of planBatches(encoded.map((ids) => ids.length), DEFAULT_BATCH_SIZE, DEFAULT_BATCH_TOKENS)) {
        const { ids, mask, width } = padBatch(rows.map((i) => encoded[i]!), encoder.padId, true);
        const dims = [rows.length, width];
        const { logits } = await session.run({ input_ids: new ortNode.Tensor("int64", ids, dims), attention_mask: new ortNode.Tensor("int64", mask, dims) });
        const data = logits!.data as Float32Array;
        rows.forEach((index, r) => (results[index] = scoreRow(data, r * labels.length, labels, "softmax")));
      }
      return results;
    },
    dispose: () => session.release(),
  };
}

export function makeEngine(name: EngineName): Promise<Engine> {
  return name === "tracelens" ? tracelensEngine() : name === "pipeline" ? pipelineEngine() : nativeEngine();
}
