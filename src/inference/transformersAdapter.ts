/**
 * transformers.js as the engine: a host that already runs a `text-classification` pipeline (from
 * `@huggingface/transformers`, or its former name `@xenova/transformers`) passes it, and tracelens
 * only shapes what it returns. Nothing here imports transformers.js; the host owns that dependency,
 * where its ONNX Runtime copy and wasm location are configured.
 */
import type { ClassificationEngine } from "./engine";
import { DEFAULT_BATCH_SIZE, stopIfAborted } from "./engineBatch";
import { readLabelExtras, readLabels, readScoreFunction } from "./engineLoad";
import { InferenceError } from "./errors";
import type { LabelScore, ModelInfo, ProgressCallback } from "./types";

/**
 * The part of a transformers.js text-classification pipeline tracelens calls: `pipeline(texts,
 * options)` and, when present, its model's config. The host owns the pipeline and disposes it.
 */
export interface TransformersPipeline {
  (texts: string[], options?: Record<string, unknown>): Promise<unknown>;
  model?: { config?: unknown };
  tokenizer?: { model_max_length?: unknown };
}

function isLabelScore(value: unknown): value is LabelScore {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as LabelScore).label === "string" &&
    typeof (value as LabelScore).score === "number"
  );
}

/** One text's output: a `[{label, score}]` list, sorted highest first. */
function readOne(value: unknown, index: number): LabelScore[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every(isLabelScore)) {
    throw new InferenceError("model-signature", `The pipeline returned an unreadable result for text ${index}`);
  }
  return list.map(({ label, score }) => ({ label, score })).sort((a, b) => b.score - a.score);
}

/** Batch output → one list per text (a one-text batch may come back unnested). */
export function readPipelineOutput(output: unknown, count: number): LabelScore[][] {
  if (!Array.isArray(output)) throw new InferenceError("model-signature", "The pipeline returned no list");
  const nested = output.length > 0 && Array.isArray(output[0]);
  const perText = nested || count !== 1 ? output : [output];
  if (perText.length !== count) {
    throw new InferenceError("model-signature", `The pipeline returned ${perText.length} results for ${count} texts`);
  }
  return perText.map(readOne);
}

function pipelineInfo(pipeline: TransformersPipeline): ModelInfo {
  const config = (pipeline.model?.config ?? {}) as Record<string, unknown>;
  let labels: string[] = [];
  try {
    labels = readLabels(config);
  } catch {
    // Labels are then learnt from the first result; a pipeline without a readable config still works.
  }
  const limit = pipeline.tokenizer?.model_max_length;
  return {
    name: typeof config._name_or_path === "string" ? config._name_or_path : "transformers.js pipeline",
    labels,
    scoreFunction: readScoreFunction(config),
    maxTokens: typeof limit === "number" && limit < 1_000_000 ? limit : 512,
    inputNames: [],
    runtime: "transformers.js",
    ...readLabelExtras(config, labels),
  };
}

/** An engine over a host's pipeline; texts go in chunks of `batchSize` with every label's score. */
export function createPipelineEngine(pipeline: TransformersPipeline, batchSize = DEFAULT_BATCH_SIZE): ClassificationEngine {
  if (typeof pipeline !== "function") throw new InferenceError("model-signature", "`pipeline` must be a transformers.js pipeline");
  let disposed = false;
  const info = pipelineInfo(pipeline);
  const check = () => {
    if (disposed) throw new InferenceError("disposed", "The classifier was disposed");
  };
  return {
    async load(onProgress?: ProgressCallback) {
      check();
      onProgress?.({ status: "ready", task: "text-classification", model: info.name });
      return info;
    },
    async classify(texts, signal) {
      check();
      const results: LabelScore[][] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        stopIfAborted(signal);
        const chunk = texts.slice(start, start + batchSize);
        // `top_k: null` (v3+) and `topk: null` (v2) both mean "every label", as PostHog's pipeline runs.
        const output = await pipeline(chunk, { top_k: null, topk: null });
        results.push(...readPipelineOutput(output, chunk.length));
      }
      return results;
    },
    async dispose() {
      disposed = true;
    },
  };
}
