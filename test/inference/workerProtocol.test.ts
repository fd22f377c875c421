// @vitest-environment node
// The worker protocol end to end without a browser: the page-side client and the worker-side host
// joined by a fake Worker that structured-clones every message, as postMessage does.
import { fileURLToPath } from "node:url";
import { InferenceError, ModelSignatureError, createSentimentClassifier, createTextClassifier, type ProgressInfo } from "../../src/inference";
import { createWorkerHost } from "../../src/inference/workerHost";
import type { WorkerLike, WorkerRequest, WorkerResponse } from "../../src/inference/workerProtocol";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/inference/${name}/`, import.meta.url));

/** A Worker look-alike running the real host on this thread, with async, cloned messages. */
class FakeWorker implements WorkerLike {
  readonly sent: WorkerRequest[] = [];
  terminated = false;
  closed = false;
  private readonly listeners: Record<string, Array<(event: never) => void>> = {};
  private readonly host = createWorkerHost(
    (response) => setTimeout(() => this.emit("message", { data: structuredClone(response) })),
    () => (this.closed = true),
  );

  postMessage(message: WorkerRequest): void {
    this.sent.push(message);
    const copy = structuredClone(message);
    setTimeout(() => void this.host.handle(copy));
  }
  addEventListener(type: string, listener: (event: never) => void): void {
    (this.listeners[type] ??= []).push(listener);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(type: string, event: unknown): void {
    for (const listener of this.listeners[type] ?? []) listener(event as never);
  }
}

describe("worker client ↔ worker host", () => {
  it("loads with forwarded progress and answers overlapping calls by id", async () => {
    const worker = new FakeWorker();
    const events: ProgressInfo[] = [];
    const classifier = createTextClassifier({ model: fixture("tiny-toxicity"), worker: () => worker, onProgress: (e) => events.push(e) });
    const [a, b] = await Promise.all([classifier.classify(["you idiot"]), classifier.classify(["lovely day", "i will destroy this"])]);
    expect(a![0]![0]!.label).toMatch(/^(toxic|insult)$/);
    expect(b!.map((scores) => scores[0]!.score > 0.5)).toEqual([false, true]);
    expect(b![1]![0]!.label).toBe("threat");
    expect(worker.sent.map((m) => m.type)).toEqual(["load", "classify", "classify"]);
    expect(new Set(worker.sent.map((m) => m.id)).size).toBe(3);
    expect(events.some((e) => e.status === "progress_total")).toBe(true);
    expect(classifier.getStatus()).toMatchObject({ state: "ready", model: { runtime: "worker" } });
    await classifier.dispose();
    expect(worker.sent.at(-1)!.type).toBe("dispose");
    expect(worker.closed).toBe(true);
    expect(worker.terminated).toBe(true);
    await expect(classifier.classify(["again"])).rejects.toMatchObject({ code: "disposed" });
  });

  it("turns the worker's plain error objects back into typed errors", async () => {
    const classifier = createTextClassifier({ model: fixture("wrong-io"), worker: () => new FakeWorker() });
    const error = await classifier.load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelSignatureError);
    expect(error).toMatchObject({ inputs: ["pixel_values"], outputs: ["probabilities"] });
    expect((error as Error).message).toMatch(/^The model's graph does not fit a text classifier: it has no input named input_ids/);
  });

  it("rejects everything pending, and everything after, once the worker fails", async () => {
    const worker = new FakeWorker();
    worker.postMessage = (message) => worker.sent.push(message); // a worker that never answers
    const classifier = createTextClassifier({ model: fixture("tiny-toxicity"), worker: () => worker });
    const pending = classifier.classify(["hello"]);
    await new Promise((resolve) => setTimeout(resolve));
    worker.emit("error", { message: "Uncaught SyntaxError: bad worker" });
    await expect(pending).rejects.toThrow("The inference worker failed: Uncaught SyntaxError: bad worker");
    const postedBefore = worker.sent.length; // the load and the classification sent beside it
    const later = await classifier.classify(["hello"]).catch((e: unknown) => e);
    expect(later).toBeInstanceOf(InferenceError);
    expect(later).toMatchObject({ code: "worker-failed" });
    expect(worker.terminated).toBe(true);
    expect(worker.sent).toHaveLength(postedBefore); // nothing is posted to a failed worker
  });

  it("rejects a classification at once when its signal aborts while the model is still loading", async () => {
    const worker = new FakeWorker();
    worker.postMessage = (message) => worker.sent.push(message); // the load never finishes
    const classifier = createSentimentClassifier({ worker: () => worker });
    const controller = new AbortController();
    const pending = classifier.classify(["hello"], { signal: controller.signal });
    controller.abort(new Error("user left the page"));
    await expect(pending).rejects.toThrow("user left the page");
    expect(worker.sent.map((m) => m.type)).toEqual(["load"]);
  });

  it("tells the worker when a running classification is aborted, and ignores its late answer", async () => {
    const worker = new FakeWorker();
    const classifier = createTextClassifier({ model: fixture("tiny-toxicity"), worker: () => worker, warmUpRounds: 0 });
    await classifier.load();
    const controller = new AbortController();
    const pending = classifier.classify(["hello", "you idiot"], { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve));
    controller.abort(new Error("user left the page"));
    await expect(pending).rejects.toThrow("user left the page");
    const classify = worker.sent.find((m) => m.type === "classify")!;
    expect(worker.sent.at(-1)).toEqual({ type: "abort", id: classify.id });
    const [later] = await classifier.classify(["lovely day"]);
    expect(later![0]!.score).toBeGreaterThan(0);
    await classifier.dispose();
  });

  it("reports a worker factory that throws", async () => {
    const classifier = createTextClassifier({
      model: fixture("tiny-toxicity"),
      worker: () => {
        throw new Error("Workers are blocked by CSP");
      },
    });
    await expect(classifier.load()).rejects.toThrow(/could not be created \(Workers are blocked by CSP\); pass a worker factory/);
  });

  it("answers classify-before-load with an error instead of hanging", async () => {
    const responses: WorkerResponse[] = [];
    const host = createWorkerHost((r) => responses.push(r));
    await host.handle({ type: "classify", id: 7, texts: ["x"] });
    expect(responses).toEqual([{ type: "error", id: 7, error: { name: "Error", message: "The worker got classify before load" } }]);
  });
});
