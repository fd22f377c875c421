/**
 * Loads a model folder into a ready ONNX Runtime session: the three JSON files and the graph are
 * read in parallel with progress, then labels, token limit and the graph's signature are checked so
 * a wrong folder fails at load with a message that names what is wrong.
 */
import { castFreeGraph } from "./engineGraph";
import type { PoolingKernel } from "./engineKernel";
import { kernelGraph, type KernelGraph } from "./engineKernelGraph";
import { InferenceError, ModelCorruptError, ModelFileMissingError, ModelSignatureError } from "./errors";
import { parseJsonFile, readModelFile, type FileTotals, type ReadOptions } from "./modelFetch";
import type { ResolvedModel } from "./modelFiles";
import { ort, startRuntime, warmUpGraphNoLongerNeeded, type RuntimeOptions } from "./ortRuntime";
import { createTokenEncoder, type TokenEncoder } from "./tokenEncoder";
import type { ModelInfo, ScoreFunction } from "./types";

/** The graph inputs a sequence classifier may have; anything else cannot be fed. */
export const KNOWN_INPUTS = ["input_ids", "attention_mask", "token_type_ids"] as const;
const OUTPUT = "logits";

export interface LoadedModel {
  name: string;
  session: ort.InferenceSession;
  encoder: TokenEncoder;
  labels: string[];
  scoreFunction: ScoreFunction;
  inputNames: string[];
  /** Whether the graph wants int64 ids (most exports) rather than int32. */
  int64: boolean;
  extras: Pick<ModelInfo, "thresholds" | "groups" | "groupThresholds">;
  /** What the pooling kernel needs, where the graph is tracelens' own network (its session can fetch the tables). */
  kernelGraph?: Omit<KernelGraph, "graph">;
  /** Set once the kernel has taken over from the session (which is then released). */
  kernel?: PoolingKernel;
}

/** Labels in output order from `id2label` (keys 0…n-1, as strings or numbers). */
export function readLabels(config: Record<string, unknown>): string[] {
  const map = config.id2label;
  if (typeof map !== "object" || map === null || Array.isArray(map)) {
    throw new ModelCorruptError("config.json", "it has no id2label map");
  }
  const entries = Object.entries(map as Record<string, unknown>);
  const labels = new Array<string>(entries.length);
  for (const [key, label] of entries) {
    const id = Number(key);
    if (!Number.isInteger(id) || id < 0 || id >= entries.length || typeof label !== "string" || labels[id] !== undefined) {
      throw new ModelCorruptError("config.json", `id2label must map 0…${entries.length - 1} to label names`);
    }
    labels[id] = label;
  }
  if (labels.length === 0) throw new ModelCorruptError("config.json", "id2label is empty");
  return labels;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * What a tracelens-trained config adds under `tracelens`: per-label thresholds and label groupings.
 * Entries that are not well formed (unknown labels, non-numbers) are left out rather than trusted.
 */
export function readLabelExtras(config: Record<string, unknown>, labels: readonly string[]): Pick<ModelInfo, "thresholds" | "groups" | "groupThresholds"> {
  const extras: Pick<ModelInfo, "thresholds" | "groups" | "groupThresholds"> = {};
  const own = config.tracelens;
  if (!isRecord(own)) return extras;
  if (isRecord(own.thresholds)) {
    const thresholds: Record<string, number> = {};
    for (const [label, value] of Object.entries(own.thresholds)) {
      if (labels.includes(label) && typeof value === "number" && value >= 0 && value <= 1) thresholds[label] = value;
    }
    if (Object.keys(thresholds).length > 0) extras.thresholds = thresholds;
  }
  if (isRecord(own.groups)) {
    const groups: Record<string, Record<string, string[]>> = {};
    for (const [name, grouping] of Object.entries(own.groups)) {
      if (!isRecord(grouping)) continue;
      const members: Record<string, string[]> = {};
      for (const [group, list] of Object.entries(grouping)) {
        if (Array.isArray(list)) members[group] = list.filter((label): label is string => typeof label === "string" && labels.includes(label));
      }
      groups[name] = members;
    }
    if (Object.keys(groups).length > 0) extras.groups = groups;
  }
  if (isRecord(own.group_thresholds) && extras.groups) {
    const byGrouping: Record<string, Record<string, number>> = {};
    for (const [name, values] of Object.entries(own.group_thresholds)) {
      const grouping = extras.groups[name];
      if (!grouping || !isRecord(values)) continue;
      const thresholds: Record<string, number> = {};
      for (const [group, value] of Object.entries(values)) {
        if (group in grouping && typeof value === "number" && value >= 0 && value <= 1) thresholds[group] = value;
      }
      byGrouping[name] = thresholds;
    }
    if (Object.keys(byGrouping).length > 0) extras.groupThresholds = byGrouping;
  }
  return extras;
}

/** Sigmoid for multi-label models (emotion, toxicity), softmax otherwise, as transformers does. */
export function readScoreFunction(config: Record<string, unknown>): ScoreFunction {
  return config.problem_type === "multi_label_classification" ? "sigmoid" : "softmax";
}

/** Throws a ModelSignatureError unless the session can be fed ids and yields `[batch, labels]` logits. */
export function checkSignature(session: ort.InferenceSession, labelCount: number): { inputNames: string[]; int64: boolean } {
  const inputs = session.inputNames;
  const outputs = session.outputNames;
  const fail = (detail: string) => new ModelSignatureError(detail, inputs, outputs);
  if (!inputs.includes("input_ids")) throw fail("it has no input named input_ids");
  const unknown = inputs.filter((name) => !(KNOWN_INPUTS as readonly string[]).includes(name));
  if (unknown.length > 0) throw fail(`it needs inputs a text classifier cannot feed: ${unknown.join(", ")}`);
  if (!outputs.includes(OUTPUT)) throw fail(`it has no output named ${OUTPUT}`);
  let int64 = true;
  for (const meta of session.inputMetadata) {
    if (!meta.isTensor) throw fail(`input ${meta.name} is not a tensor`);
    if (meta.type !== "int64" && meta.type !== "int32") throw fail(`input ${meta.name} is ${meta.type}, not int64 or int32`);
    if (meta.name === "input_ids") int64 = meta.type === "int64";
  }
  const logits = session.outputMetadata.find((meta) => meta.name === OUTPUT);
  if (logits?.isTensor) {
    const width = logits.shape[logits.shape.length - 1];
    if (logits.shape.length !== 2) throw fail(`output ${OUTPUT} has ${logits.shape.length} dimensions, not 2 (batch, labels)`);
    if (typeof width === "number" && width !== labelCount) {
      throw fail(`output ${OUTPUT} has ${width} columns but config.json's id2label lists ${labelCount} labels`);
    }
  }
  return { inputNames: [...inputs], int64 };
}

async function createSession(graph: Uint8Array, file: string): Promise<ort.InferenceSession> {
  try {
    return await ort.InferenceSession.create(graph, { graphOptimizationLevel: "all" });
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    // The runtime itself did not start (its .wasm/.mjs were not found): no fault of the model.
    if (/no available backend/i.test(detail)) {
      throw new InferenceError(
        "runtime-unavailable",
        `ONNX Runtime's WebAssembly backend did not start; check that ort-wasm-simd-threaded.wasm and .mjs are served where wasmPaths points (${detail})`,
        { cause },
      );
    }
    throw new ModelCorruptError(file, `ONNX Runtime cannot load it (${detail})`, { cause });
  }
}

/** The first graph file that exists; a missing quantized graph falls back to the full one. */
async function readGraph(model: ResolvedModel, totals: FileTotals, options: ReadOptions) {
  let firstMissing: ModelFileMissingError | undefined;
  for (const where of model.graphs) {
    try {
      return { file: where.file, bytes: await readModelFile(where, totals, options) };
    } catch (error) {
      if (!(error instanceof ModelFileMissingError)) throw error;
      totals.delete(where.file);
      firstMissing ??= error;
    }
  }
  if (model.graphs.length > 1 && firstMissing) {
    const tried = model.graphs.map((g) => g.file).join(" or ");
    const urls = model.graphs.map((g) => g.location).join(" and ");
    throw new ModelFileMissingError(tried, urls, firstMissing.status, { cause: firstMissing });
  }
  throw firstMissing ?? new ModelFileMissingError("onnx/model.onnx", model.name);
}

function settledValue<T>(result: PromiseSettledResult<T>): T {
  if (result.status === "rejected") throw result.reason;
  return result.value;
}

/**
 * Loads one model folder. `onEncoder` runs as soon as the tokenizer is built, before the graph has
 * necessarily arrived: the engine warms the tokenizer there, while the graph still downloads and the
 * runtime's WebAssembly compiles off the main thread.
 */
export async function loadModel(
  model: ResolvedModel,
  read: Omit<ReadOptions, "name">,
  runtime: RuntimeOptions & { fusedKernel?: boolean },
  onEncoder?: (encoder: TokenEncoder) => void,
): Promise<LoadedModel> {
  // The runtime's WebAssembly compiles while the files below download.
  const runtimeStarted = startRuntime(runtime);
  const options: ReadOptions = { ...read, name: model.name };
  const totals: FileTotals = new Map();
  const json = (where: ResolvedModel["config"]) => readModelFile(where, totals, options).then((b) => parseJsonFile(b, where.file));
  const configRead = json(model.config);
  const tokenizerRead = json(model.tokenizer);
  const tokenizerConfigRead = json(model.tokenizerConfig);
  const encoderBuilt = Promise.all([configRead, tokenizerRead, tokenizerConfigRead]).then(([config, tokenizerJson, tokenizerConfig]) => {
    const encoder = createTokenEncoder(tokenizerJson, tokenizerConfig, config);
    onEncoder?.(encoder);
    return encoder;
  });
  // Read in parallel, but report failures in a fixed order (config, tokenizer, tokenizer config,
  // graph, then what is wrong inside them): with Promise.all the error would name whichever missing
  // file happened to fail first.
  const settled = await Promise.allSettled([configRead, tokenizerRead, tokenizerConfigRead, readGraph(model, totals, options), encoderBuilt]);
  const config = settledValue(settled[0]);
  settledValue(settled[1]);
  settledValue(settled[2]);
  const graph = settledValue(settled[3]);
  warmUpGraphNoLongerNeeded();
  const labels = readLabels(config);
  const encoder = settledValue(settled[4]);
  await runtimeStarted;
  const castFree = castFreeGraph(graph.bytes);
  const kernelForm = runtime.fusedKernel === false ? undefined : kernelGraph(castFree);
  const session = await createSession(kernelForm?.graph ?? castFree, graph.file);
  try {
    const { inputNames, int64 } = checkSignature(session, labels.length);
    const loaded: LoadedModel = { name: model.name, session, encoder, labels, scoreFunction: readScoreFunction(config), inputNames, int64, extras: readLabelExtras(config, labels) };
    if (kernelForm && kernelForm.labels === labels.length) loaded.kernelGraph = { tables: kernelForm.tables, weight: kernelForm.weight, bias: kernelForm.bias, labels: kernelForm.labels };
    return loaded;
  } catch (error) {
    await session.release().catch(() => undefined);
    throw error;
  }
}
