// @vitest-environment node
// A classification whose caller gave up runs no further batch, in process and through the worker.
import { fileURLToPath } from "node:url";
import { createClassificationEngine } from "../../src/inference/engine";
import { resolveModel } from "../../src/inference/modelFiles";
import { ort } from "../../src/inference/ortRuntime";
import { createPipelineEngine } from "../../src/inference/transformersAdapter";
import { createWorkerHost } from "../../src/inference/workerHost";
import type { WorkerResponse } from "../../src/inference/workerProtocol";

const model = resolveModel(fileURLToPath(new URL("../fixtures/inference/tiny-toxicity/", import.meta.url)));
const config = { model, batchSize: 1, warmUpRounds: 0, fusedKernel: false, cache: false };
const texts = Array.from({ length: 30 }, (_, i) => `message number ${i} ${"word ".repeat(i % 7)}`);

afterEach(() => vi.restoreAllMocks());

describe("aborting a classification", () => {
  it("stops the in-process engine at the next batch and leaves it usable", async () => {
    const engine = createClassificationEngine(config);
    await engine.load();
    const controller = new AbortController();
    // Sessions are instances of one class, so its prototype's run sees every batch.
    const sessions = (ort.InferenceSession as unknown as { prototype: { run(...args: unknown[]): Promise<unknown> } }).prototype;
    const run = sessions.run;
    let batches = 0;
    vi.spyOn(sessions, "run").mockImplementation(function (this: unknown, ...args: unknown[]) {
      if (++batches === 2) controller.abort(new Error("the view was closed"));
      return run.apply(this, args);
    });
    await expect(engine.classify(texts, controller.signal)).rejects.toThrow("the view was closed");
    expect(batches).toBe(2);
    vi.restoreAllMocks();
    const [scores] = await engine.classify(["you idiot"]);
    expect(scores!.length).toBeGreaterThan(0);
    await engine.dispose();
  });

  it("stops a host's pipeline between chunks", async () => {
    const controller = new AbortController();
    let calls = 0;
    const pipeline = async (chunk: string[]) => {
      if (++calls === 1) controller.abort(new Error("gone"));
      return chunk.map(() => [{ label: "positive", score: 0.9 }]);
    };
    const engine = createPipelineEngine(pipeline as never, 4);
    await expect(engine.classify(texts, controller.signal)).rejects.toThrow("gone");
    expect(calls).toBe(1);
  });

  it("lets the worker host skip a classification the page gave up on", async () => {
    const responses: WorkerResponse[] = [];
    const host = createWorkerHost((response) => responses.push(response));
    await host.handle({ type: "load", id: 1, config });
    const classified = host.handle({ type: "classify", id: 2, texts });
    await host.handle({ type: "abort", id: 2 });
    await classified;
    await host.handle({ type: "classify", id: 3, texts: ["lovely day"] });
    const answers = responses.filter((r) => r.type !== "progress").map((r) => [r.type, r.id]);
    expect(answers).toEqual([
      ["loaded", 1],
      ["error", 2],
      ["classified", 3],
    ]);
    await host.handle({ type: "abort", id: 99 }); // an id that is not running is ignored
    expect(responses.filter((r) => r.type !== "progress")).toHaveLength(3);
  });
});
