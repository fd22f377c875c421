// @vitest-environment node
// A host's transformers.js pipeline as the engine: output shapes of both transformers.js
// generations, and a real @huggingface/transformers pipeline on the same folders tracelens loads.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createSentimentClassifier, createTextClassifier, type TransformersPipeline } from "../../src/inference";
import { readPipelineOutput } from "../../src/inference/transformersAdapter";

const root = fileURLToPath(new URL("../..", import.meta.url));

function fakePipeline(answer: (texts: string[], options?: Record<string, unknown>) => unknown): TransformersPipeline {
  const pipe = (async (texts: string[], options?: Record<string, unknown>) => answer(texts, options)) as TransformersPipeline;
  pipe.model = { config: { id2label: { 0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2" } } };
  return pipe;
}

describe("readPipelineOutput", () => {
  it("accepts nested batches and an unnested single result, sorting highest first", () => {
    const one = [{ label: "a", score: 0.2 }, { label: "b", score: 0.8 }];
    expect(readPipelineOutput(one, 1)).toEqual([[{ label: "b", score: 0.8 }, { label: "a", score: 0.2 }]]);
    expect(readPipelineOutput([one, one], 2)).toHaveLength(2);
  });
  it("refuses wrong counts and unreadable entries", () => {
    expect(() => readPipelineOutput([[{ label: "a", score: 1 }]], 2)).toThrow("The pipeline returned 1 results for 2 texts");
    expect(() => readPipelineOutput([[{ label: "a" }]], 1)).toThrow("unreadable result for text 0");
    expect(() => readPipelineOutput({}, 1)).toThrow("returned no list");
  });
});

describe("a pipeline as the engine", () => {
  it("asks for every label (top_k: null / topk: null), batches, and maps cardiffnlp's LABEL_n names", async () => {
    const calls: Array<{ texts: string[]; options?: Record<string, unknown> }> = [];
    const pipeline = fakePipeline((texts, options) => {
      calls.push({ texts, options });
      return texts.map(() => [{ label: "LABEL_2", score: 0.70004 }, { label: "LABEL_1", score: 0.2 }, { label: "LABEL_0", score: 0.09996 }]);
    });
    const classifier = createSentimentClassifier({ pipeline, batchSize: 2 });
    const results = await classifier.classify(["a", "b", "@bob c http://x"]);
    expect(calls.map((c) => c.texts)).toEqual([["a", "b"], ["@user c http"]]);
    expect(calls[0]!.options).toEqual({ top_k: null, topk: null });
    expect(results[0]).toEqual({ label: "positive", score: 0.7, scores: { positive: 0.7, neutral: 0.2, negative: 0.1 } });
    expect(classifier.getStatus()).toMatchObject({ state: "ready", model: { runtime: "transformers.js" } });
  });

  it("refuses a non-function", () => {
    expect(() => createTextClassifier({ pipeline: {} as TransformersPipeline })).toThrow("`pipeline` must be a transformers.js pipeline");
  });
});

describe("a real @huggingface/transformers pipeline", () => {
  it("gives the same results as tracelens' engine on the embedded model and on the RoBERTa fixture", async () => {
    const { env, pipeline } = await import("@huggingface/transformers");
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    const texts = ["I love this so much!", "This is awful and broken.", "The file is attached."];
    for (const [folder, dtype] of [["models/tracelens-sentiment", "q8"], ["test/fixtures/inference/tiny-roberta", "fp32"]] as const) {
      env.localModelPath = path.join(root, path.dirname(folder));
      const pipe = await pipeline("text-classification", path.basename(folder), { dtype });
      const viaPipeline = await createSentimentClassifier({ pipeline: pipe as unknown as TransformersPipeline }).classify(texts);
      const engine = createSentimentClassifier({ model: path.join(root, folder) });
      const viaEngine = await engine.classify(texts);
      for (let i = 0; i < texts.length; i++) {
        expect(viaPipeline[i]!.label).toBe(viaEngine[i]!.label);
        for (const label of ["negative", "neutral", "positive"] as const) {
          expect(Math.abs(viaPipeline[i]!.scores[label] - viaEngine[i]!.scores[label])).toBeLessThanOrEqual(2e-4);
        }
      }
      await engine.dispose();
      await pipe.dispose();
    }
  }, 60_000);
});
