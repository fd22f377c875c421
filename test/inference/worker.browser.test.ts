// tracelens/inference in real Chromium: the default Web Worker, the embedded model found through
// `new URL(…, import.meta.url)`, byte progress, the Cache API, and typed errors crossing the worker.
import {
  InferenceError,
  MODEL_CACHE_NAME,
  ModelCorruptError,
  ModelFileMissingError,
  ModelSignatureError,
  createSentimentClassifier,
  createTextClassifier,
  type ProgressInfo,
  type TotalProgressInfo,
} from "../../src/inference";

// Served from the project root by Vite (a folder is no asset, so `new URL(…, import.meta.url)` does not apply).
const fixture = (name: string) => new URL(`/test/fixtures/inference/${name}/`, location.origin).href;

const CLEAR = [
  "I absolutely love this, thank you so much! Best support ever :)",
  "This is awful. I hate it, it keeps crashing and nobody helps.",
  "The meeting is scheduled for Tuesday at 3pm in room 4.",
];

describe("sentiment classification inside a Web Worker in Chromium", () => {
  beforeAll(async () => {
    await caches.delete(MODEL_CACHE_NAME);
  });

  it("loads the embedded model with no configuration and labels clear sentences", async () => {
    const events: ProgressInfo[] = [];
    const classifier = createSentimentClassifier({ onProgress: (info) => events.push(info) });
    const results = await classifier.classify(CLEAR);
    expect(results.map((r) => r.label)).toEqual(["positive", "negative", "neutral"]);
    const status = classifier.getStatus();
    expect(status.state).toBe("ready");
    expect(status.state === "ready" && status.model.runtime).toBe("worker");
    // The pooling kernel's WebAssembly (SIMD) runs in the browser's worker too.
    expect(status.state === "ready" && status.model.fusedKernel).toBe(true);
    expect(crossOriginIsolated).toBe(false); // so the worker ran ORT single-threaded

    const totals = events.filter((e): e is TotalProgressInfo => e.status === "progress_total");
    const last = totals.at(-1)!;
    const graph = await fetch(new URL("../../models/tracelens-sentiment/onnx/model_quantized.onnx", import.meta.url));
    const graphBytes = (await graph.arrayBuffer()).byteLength;
    expect(last.files["onnx/model_quantized.onnx"]).toEqual({ loaded: graphBytes, total: graphBytes });
    expect(Object.keys(last.files).sort()).toEqual(["config.json", "onnx/model_quantized.onnx", "tokenizer.json", "tokenizer_config.json"]);
    expect(last.progress).toBe(100);
    // Bytes arrive in more than one step for the 2 MB graph, each step counted.
    expect(events.filter((e) => e.status === "progress" && e.file === "onnx/model_quantized.onnx").length).toBeGreaterThan(1);
    expect(events.at(-1)).toEqual({ status: "ready", task: "text-classification", model: "tracelens-sentiment" });
    await classifier.dispose();
  });

  it("reads a second load from the Cache API", async () => {
    const cache = await caches.open(MODEL_CACHE_NAME);
    const keys = (await cache.keys()).map((request) => new URL(request.url).pathname);
    expect(keys).toEqual(expect.arrayContaining([expect.stringMatching(/onnx\/model_quantized\.onnx$/)]));
    // Rewrite the cached config: a new worker that reports the rewritten labels read it from the cache.
    // "/config.json", not "config.json": files load in parallel, so tokenizer_config.json may come first.
    const configKeys = (await cache.keys()).filter((request) => new URL(request.url).pathname.endsWith("/config.json"));
    expect(configKeys.length).toBeGreaterThan(0);
    for (const configKey of configKeys) {
      const config = (await (await cache.match(configKey))!.json()) as Record<string, unknown>;
      config.id2label = { 0: "NEGATIVE", 1: "NEUTRAL", 2: "POSITIVE" };
      await cache.put(configKey, new Response(JSON.stringify(config)));
    }
    const classifier = createSentimentClassifier();
    const info = await classifier.load();
    expect(info.labels).toEqual(["NEGATIVE", "NEUTRAL", "POSITIVE"]);
    const [result] = await classifier.classify(["I love it"]);
    expect(result!.label).toBe("positive"); // upper-case labels still map to PostHog's
    await classifier.dispose();
    await caches.delete(MODEL_CACHE_NAME);
  });

  it("keeps the page responsive while a large batch is classified", async () => {
    const classifier = createSentimentClassifier();
    await classifier.load();
    const texts = Array.from({ length: 2000 }, (_, i) => `${CLEAR[i % 3]} ${"and more words ".repeat(i % 40)}`);
    // Ordering, not timing: while the worker classifies, the page keeps taking turns of its event
    // loop. Work on the main thread (tokenizing, running the graph) would hold them all back.
    let done = false;
    const pending = classifier.classify(texts).then((results) => ((done = true), results));
    let turns = 0;
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      turns++;
    }
    expect(await pending).toHaveLength(2000);
    expect(turns).toBeGreaterThan(3);
    await classifier.dispose();
  });

  it("runs the RoBERTa-shaped fixture and a multi-label model in the worker", async () => {
    const roberta = createSentimentClassifier({ model: fixture("tiny-roberta") });
    const [one, two] = await roberta.classify(["Thanks, that worked!", "@someone see http://example.com"]);
    for (const result of [one!, two!]) {
      const { negative, neutral, positive } = result.scores;
      expect(negative + neutral + positive).toBeCloseTo(1, 3);
    }
    await roberta.dispose();
    const toxicity = createTextClassifier({ model: fixture("tiny-toxicity") });
    const [scores] = await toxicity.classify(["You are an idiot"]);
    expect(scores!.filter((s) => s.score > 0.5).map((s) => s.label).sort()).toEqual(["insult", "toxic"]);
    await toxicity.dispose();
  });

  it("rebuilds typed errors on the page", async () => {
    const wrong = createTextClassifier({ model: fixture("wrong-io") });
    const signature = await wrong.load().catch((e: unknown) => e);
    expect(signature).toBeInstanceOf(ModelSignatureError);
    expect((signature as ModelSignatureError).inputs).toEqual(["pixel_values"]);
    expect((signature as Error).message).toMatch(/no input named input_ids.*pixel_values.*probabilities/);

    const missing = createTextClassifier({ model: fixture("does-not-exist"), cache: false });
    const notFound = await missing.load().catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(ModelFileMissingError);
    expect((notFound as ModelFileMissingError).status).toBe(404);

    const corrupt = createTextClassifier({ model: fixture("tiny-toxicity"), modelFile: "config.json", cache: false });
    const broken = await corrupt.load().catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(ModelCorruptError);
    expect((broken as ModelCorruptError).file).toBe("config.json");
    await Promise.all([wrong.dispose(), missing.dispose(), corrupt.dispose()]);
  });

  it("reports a runtime that cannot start (wasm not where wasmPaths points) as such, not as a bad model", async () => {
    // Each classifier has its own worker, so this page-wide ONNX Runtime setting stays in that worker.
    const classifier = createSentimentClassifier({ wasmPaths: `${location.origin}/no-such-ort/`, cache: false });
    const error = await classifier.load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InferenceError);
    expect(error).toMatchObject({ code: "runtime-unavailable" });
    expect((error as Error).message).toMatch(/WebAssembly backend did not start; check that ort-wasm-simd-threaded\.wasm/);
    await classifier.dispose();
  });

  it("fails fast when the worker script cannot start", async () => {
    const classifier = createSentimentClassifier({
      worker: () => new Worker(new URL("/no-such-inference-worker.js", location.href), { type: "module" }),
    });
    const error = await classifier.classify(["hello"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InferenceError);
    expect((error as InferenceError).code).toBe("worker-failed");
    expect(classifier.getStatus().state).toBe("error");
  });
});
