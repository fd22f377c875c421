// @vitest-environment node
// The pooling kernel against ONNX Runtime running the full graph it replaces: random token rows of
// every length (empty, one token, the model's limit, padded beside each other), the shipped models'
// three graphs, and graphs that only look alike.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { padBatch } from "../../src/inference/engineBatch";
import { castFreeGraph } from "../../src/inference/engineGraph";
import type { PoolingKernel } from "../../src/inference/engineKernel";
import { kernelGraph, type KernelGraph } from "../../src/inference/engineKernelGraph";
import { kernelProbe, startKernel, type SessionRun } from "../../src/inference/engineKernelLoad";
import { ModelCorruptError } from "../../src/inference/errors";
import { configureRuntime, ort } from "../../src/inference/ortRuntime";
import { createTokenEncoder } from "../../src/inference/tokenEncoder";
import { WARM_UP_GRAPH } from "../../src/inference/warmUpGraph";

const root = path.resolve(__dirname, "../..");
const folder = (task: string) => path.join(root, `models/tracelens-${task}`);
const json = (task: string, file: string) => JSON.parse(readFileSync(path.join(folder(task), file), "utf8")) as Record<string, unknown>;
const graphOf = (task: string) => castFreeGraph(new Uint8Array(readFileSync(path.join(folder(task), "onnx/model_quantized.onnx"))));

interface Loaded {
  form: KernelGraph;
  session: ort.InferenceSession;
  run: SessionRun;
  kernel: PoolingKernel;
  probe: number[][][];
}

async function load(task: string): Promise<Loaded> {
  configureRuntime({ threads: 1 });
  const form = kernelGraph(graphOf(task))!;
  const session = await ort.InferenceSession.create(form.graph);
  const run: SessionRun = (rows, fetches) => {
    const { ids, mask, width } = padBatch(rows, 0, true);
    const dims = [rows.length, width];
    return session.run({ input_ids: new ort.Tensor("int64", ids, dims), attention_mask: new ort.Tensor("int64", mask, dims) }, fetches);
  };
  const encoder = createTokenEncoder(json(task, "tokenizer.json"), json(task, "tokenizer_config.json"), json(task, "config.json"));
  const probe = kernelProbe(encoder);
  const kernel = await startKernel(form, probe, run);
  if (!kernel) throw new Error(`no kernel for ${task}`);
  return { form, session, run, kernel, probe };
}

async function sessionLogits(loaded: Loaded, rows: number[][]): Promise<Float32Array> {
  const out = await loaded.run(rows, ["logits"]);
  return out.logits!.data as Float32Array;
}

const models: Record<string, Loaded> = {};
beforeAll(async () => {
  for (const task of ["sentiment", "emotion", "toxicity"]) models[task] = await load(task);
}, 60_000);
afterAll(async () => {
  for (const loaded of Object.values(models)) await loaded.session.release();
});

describe("kernelGraph", () => {
  it("recognises the shipped graphs: tables at t-1, t, t+1 and a [labels, 2 × filters] head", () => {
    for (const [task, labels] of [["sentiment", 3], ["emotion", 28], ["toxicity", 3]] as const) {
      const form = kernelGraph(graphOf(task))!;
      expect(form.labels).toBe(labels);
      expect(form.weight).toHaveLength(labels * 2 * models[task]!.kernel.filters);
      expect(new Set(form.tables).size).toBe(3);
    }
  });

  it("leaves other graphs alone: a RoBERTa classifier, unreadable bytes", () => {
    expect(kernelGraph(new Uint8Array(readFileSync(path.join(root, "test/fixtures/inference/tiny-roberta/onnx/model.onnx"))))).toBeUndefined();
    expect(kernelGraph(Uint8Array.from([0x3a, 0xff, 0xff, 0xff, 0x7f, 1, 2]))).toBeUndefined();
    expect(kernelGraph(new Uint8Array(0))).toBeUndefined();
  });

  it("recognises the warm-up miniature too (same export), which the engine never loads as a model", () => {
    expect(kernelGraph(castFreeGraph(Uint8Array.from(atob(WARM_UP_GRAPH), (c) => c.charCodeAt(0))))?.labels).toBe(3);
  });
});

describe("the pooling kernel", () => {
  const row = (vocabulary: number, maxLength: number) => fc.array(fc.integer({ min: 0, max: vocabulary - 1 }), { minLength: 0, maxLength });

  it.each(["sentiment", "emotion", "toxicity"])("gives %s's full-graph logits on random padded batches (empty rows, one token, the 256-token limit)", async (task) => {
    const loaded = models[task]!;
    const vocabulary = loaded.kernel.vocabulary;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(row(vocabulary, 4), row(vocabulary, 40), row(vocabulary, 256)), { minLength: 1, maxLength: 6 }), async (rows) => {
        const want = await sessionLogits(loaded, rows);
        const got = loaded.kernel.logits(rows);
        expect(got).toHaveLength(want.length);
        for (let i = 0; i < want.length; i++) expect(Math.abs(got[i]! - want[i]!)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(want[i]!)));
      }),
      { numRuns: task === "sentiment" ? 40 : 15 },
    );
  });

  it("rejects a token id outside the embedding table as the graph does, naming the tokenizer", async () => {
    const { kernel } = models.sentiment!;
    expect(() => kernel.logits([[101, kernel.vocabulary]])).toThrow(ModelCorruptError);
    expect(() => kernel.logits([[-1]])).toThrow(/outside the graph's embedding table/);
    expect(() => kernel.logits([[1.5]])).toThrow(ModelCorruptError);
  });

  it("is refused at load when it does not give the graph's logits (tables read at the wrong positions, a wrong head)", async () => {
    const { form, probe, run } = models.sentiment!;
    const [left, centre, right] = form.tables;
    expect(await startKernel({ ...form, tables: [right, centre, left] }, probe, run)).toBeUndefined();
    const bias = Float32Array.from(form.bias, (b, i) => (i === 1 ? b + 0.01 : b));
    expect(await startKernel({ ...form, bias }, probe, run)).toBeUndefined();
    expect(await startKernel(form, [], run)).toBeUndefined();
    expect(await startKernel(form, probe, run)).toBeDefined();
  });
});
