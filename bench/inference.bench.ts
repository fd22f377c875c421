// `npm run bench:inference`: messages per second on the embedded model in Node, one timed run of the
// same 1,000 user messages of mixed length through (1) tracelens' engine on onnxruntime-web's wasm
// backend, (2) a transformers.js `pipeline` on the same folder and the same wasm backend, and
// (3) onnxruntime-node (native, the ceiling) fed by the same tokenizer and batching. Every engine
// gets the same preprocessed texts, the same thread count and one untimed warm-up pass.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as ortNode from "onnxruntime-node";
import * as ortWeb from "onnxruntime-web/wasm";
import { createTextClassifier, prepareSentimentText, type TransformersPipeline } from "../src/inference";
import { DEFAULT_BATCH_SIZE, DEFAULT_BATCH_TOKENS, padBatch, planBatches, scoreRow } from "../src/inference/engineBatch";
import { createTokenEncoder } from "../src/inference/tokenEncoder";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const modelDir = path.resolve(process.env.TRACELENS_MODEL ?? path.join(root, "models/tracelens-sentiment"));
const THREADS = Number(process.env.BENCH_THREADS ?? 1);
const COUNT = 1000;

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
 * 1,000 messages from 1 to ~15 sentences (a few words to ~2,000 characters): tweets from val.tsv
 * when the shared data is beside the repository (read at run time, never committed), otherwise
 * sentences generated from a small word list.
 */
function messages(): { texts: string[]; source: string } {
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
  return { texts, source };
}

/**
 * One untimed pass over all the messages (JIT, ONNX Runtime's per-shape plans and memory arenas
 * warm up the same way for every engine), then the one timed run.
 */
async function timed(name: string, run: () => Promise<unknown[]>) {
  await run();
  const started = performance.now();
  const out = await run();
  const seconds = (performance.now() - started) / 1000;
  if (out.length !== COUNT) throw new Error(`${name} returned ${out.length} results`);
  return { name, perSecond: COUNT / seconds, seconds };
}

async function tracelensEngine(texts: string[]) {
  const classifier = createTextClassifier({ model: modelDir, worker: false, threads: THREADS });
  const result = await timed("tracelens (onnxruntime-web wasm)", () => classifier.classify(texts));
  await classifier.dispose();
  return result;
}

async function transformersPipeline(texts: string[]) {
  // transformers.js uses the ONNX Runtime registered under this symbol instead of its own
  // onnxruntime-node, so the pipeline runs on the very same wasm backend as tracelens. It then
  // knows no device names; "auto" lets ONNX Runtime pick its only backend, wasm.
  // In Node it hands ONNX Runtime a file path, which only onnxruntime-node reads; read it for the wasm build.
  const create: typeof ortWeb.InferenceSession.create = (async (model: unknown, options?: ortWeb.InferenceSession.SessionOptions) =>
    ortWeb.InferenceSession.create(typeof model === "string" ? new Uint8Array(readFileSync(model)) : (model as Uint8Array), options)) as never;
  (globalThis as Record<symbol, unknown>)[Symbol.for("onnxruntime")] = { ...ortWeb, InferenceSession: { create } };
  const { env, pipeline } = await import("@huggingface/transformers");
  env.allowRemoteModels = false;
  env.useWasmCache = false; // its wasm pre-load would reach for a CDN; ONNX Runtime is already running here
  env.localModelPath = path.dirname(modelDir);
  const pipe = (await pipeline("text-classification", path.basename(modelDir), { dtype: "q8", device: "auto" })) as unknown as TransformersPipeline;
  const run = async () => {
    const out: unknown[] = [];
    // The pipeline's own batching: fixed chunks in arrival order, each padded to its longest text.
    for (let i = 0; i < texts.length; i += DEFAULT_BATCH_SIZE) {
      out.push(...((await pipe(texts.slice(i, i + DEFAULT_BATCH_SIZE), { top_k: null })) as unknown[]));
    }
    return out;
  };
  return timed("transformers.js pipeline (same wasm)", run);
}

async function nativeRuntime(texts: string[]) {
  const json = (file: string) => JSON.parse(readFileSync(path.join(modelDir, file), "utf8")) as Record<string, unknown>;
  const config = json("config.json");
  const encoder = createTokenEncoder(json("tokenizer.json"), json("tokenizer_config.json"), config);
  const labels = Object.values(config.id2label as Record<string, string>);
  const session = await ortNode.InferenceSession.create(path.join(modelDir, "onnx/model_quantized.onnx"), {
    intraOpNumThreads: THREADS,
    interOpNumThreads: 1,
    graphOptimizationLevel: "all",
  });
  const run = async () => {
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
  };
  const result = await timed("onnxruntime-node (native)", run);
  await session.release();
  return result;
}

const { texts: raw, source } = messages();
// Every engine classifies exactly what the sentiment classifier would: last 2,000 characters, @user/http.
const texts = raw.map(prepareSentimentText);
const chars = texts.map((t) => t.length).sort((a, b) => a - b);
console.log(`${COUNT} messages (${source}); characters min ${chars[0]}, median ${chars[COUNT >> 1]}, max ${chars[COUNT - 1]}`);
console.log(`model ${path.relative(root, modelDir)}, ${THREADS} thread(s) each, Node ${process.version}\n`);

const ours = await tracelensEngine(texts);
const pipe = await transformersPipeline(texts);
const native = await nativeRuntime(texts);
for (const r of [ours, pipe, native]) {
  console.log(`${r.name.padEnd(40)} ${r.perSecond.toFixed(0).padStart(7)} messages/s  (${r.seconds.toFixed(2)} s)`);
}
const vsPipeline = ours.perSecond / pipe.perSecond;
const vsNative = ours.perSecond / native.perSecond;
console.log(`\ntracelens / transformers.js pipeline: ${vsPipeline.toFixed(2)}×  (target ≥ 1.5×) ${vsPipeline >= 1.5 ? "ok" : "MISSED"}`);
console.log(`tracelens / onnxruntime-node native:  ${vsNative.toFixed(2)}×  (target ≥ 0.5×) ${vsNative >= 0.5 ? "ok" : "MISSED"}`);
