/**
 * Public types of `tracelens/inference`. The progress union mirrors transformers.js' `ProgressInfo`
 * (`status` discriminant, same field names), so hosts can feed the same UI from either engine.
 */

/** A file of a model folder started loading. */
export interface InitiateProgressInfo {
  status: "initiate";
  /** The model's name (its folder URL or path). */
  name: string;
  /** The file, relative to the model folder (for example `onnx/model_quantized.onnx`). */
  file: string;
}

/** A file's bytes started arriving (from the network, the Cache API or the file system). */
export interface DownloadProgressInfo {
  status: "download";
  name: string;
  file: string;
}

/** Bytes of one file so far. `total` is 0 when the server sent no length. */
export interface ProgressStatusInfo {
  status: "progress";
  name: string;
  file: string;
  /** 0–100. */
  progress: number;
  loaded: number;
  total: number;
}

/** A file finished loading. */
export interface DoneProgressInfo {
  status: "done";
  name: string;
  file: string;
}

/** Bytes of all files so far, with each file's own count. */
export interface TotalProgressInfo {
  status: "progress_total";
  name: string;
  /** 0–100 over the files whose sizes are known. */
  progress: number;
  loaded: number;
  total: number;
  files: Record<string, { loaded: number; total: number }>;
}

/** The model is loaded and its session is ready to classify. */
export interface ReadyProgressInfo {
  status: "ready";
  task: "text-classification";
  model: string;
}

/** One loading event, in transformers.js' `status` vocabulary. */
export type ProgressInfo =
  | InitiateProgressInfo
  | DownloadProgressInfo
  | ProgressStatusInfo
  | DoneProgressInfo
  | TotalProgressInfo
  | ReadyProgressInfo;

/** Receives every loading event. */
export type ProgressCallback = (info: ProgressInfo) => void;

/**
 * Explicit URLs (or Node paths) for each file of a model, for hosts (and bundlers) that emit the
 * files under their own names rather than as one folder.
 */
export interface ModelFileUrls {
  config: string | URL;
  tokenizer: string | URL;
  tokenizerConfig: string | URL;
  /** The ONNX graph. */
  model: string | URL;
  /** The name progress events and `ModelInfo` carry. @default the graph's location */
  name?: string;
}

/**
 * Where a model is: a folder in the transformers.js layout (`config.json`, `tokenizer.json`,
 * `tokenizer_config.json`, `onnx/model_quantized.onnx` or `onnx/model.onnx`) as a URL, a Node path
 * or a `file:` URL; or each file's own location.
 */
export type ModelSource = string | URL | ModelFileUrls;

/** Where onnxruntime-web finds its `.wasm`/`.mjs`: a folder URL, or each file's URL. */
export type WasmPaths = string | { wasm?: string; mjs?: string };

/** How a model turns logits into scores. */
export type ScoreFunction = "softmax" | "sigmoid";

/** What a loaded model reports about itself. */
export interface ModelInfo {
  /** The model's name (its folder or graph URL/path). */
  name: string;
  /** Labels in the model's output order, from `config.json`'s `id2label`. */
  labels: string[];
  /** Softmax for single-label models; sigmoid when `problem_type` is `multi_label_classification`. */
  scoreFunction: ScoreFunction;
  /** The token limit texts are cut to. */
  maxTokens: number;
  /** The graph's inputs as fed (`input_ids`, and `attention_mask`/`token_type_ids` when it has them). */
  inputNames: string[];
  /** Where inference runs. */
  runtime: "worker" | "in-process" | "transformers.js";
  /**
   * True where tracelens' own pooling kernel runs the model once loaded instead of ONNX Runtime (the
   * three shipped models; see models/README.md "Speed"). It gives the graph's logits and was checked
   * against ONNX Runtime on a probe at load.
   */
  fusedKernel?: boolean;
  /**
   * Per-label decision thresholds the model's training chose on its dev set
   * (`config.json` → `tracelens.thresholds`); absent for models that state none.
   */
  thresholds?: Record<string, number>;
  /** Named groupings of the labels (`config.json` → `tracelens.groups`), e.g. `ekman`: group → labels. */
  groups?: Record<string, Record<string, string[]>>;
  /** Per-group thresholds on a group's score (its best member's), per grouping (`tracelens.group_thresholds`). */
  groupThresholds?: Record<string, Record<string, number>>;
}

/** One label's score for one text: what a transformers.js pipeline returns with `top_k: null`. */
export interface LabelScore {
  label: string;
  score: number;
}

/** Per-file byte counts, for progress bars. */
export interface LoadProgress {
  loaded: number;
  total: number;
  /** 0–100 over the files whose sizes are known so far. */
  progress: number;
  files: Record<string, { loaded: number; total: number }>;
}

/**
 * What a classifier is doing, as an immutable snapshot (a new object on every change), for
 * `useSyncExternalStore`.
 */
export type ClassifierStatus =
  | { state: "idle"; progress: LoadProgress }
  | { state: "loading"; progress: LoadProgress }
  | { state: "ready"; progress: LoadProgress; model: ModelInfo }
  | { state: "error"; progress: LoadProgress; error: Error }
  | { state: "disposed"; progress: LoadProgress };

/** Options for one classify call. */
export interface ClassifyOptions {
  /** Aborting rejects the call with the signal's reason at once; the batch already running finishes, no further one runs. */
  signal?: AbortSignal;
}

/** The status store every classifier exposes (the React hook subscribes to it). */
export interface ClassifierStatusSource {
  /** The current snapshot; the same object until something changes. */
  getStatus(): ClassifierStatus;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}
