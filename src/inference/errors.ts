/**
 * Typed errors of `tracelens/inference`. Each has a stable `code` so hosts can branch without
 * parsing messages, and each survives the trip from the Worker (see `serializeInferenceError`).
 */

export type InferenceErrorCode =
  | "model-file-missing"
  | "model-corrupt"
  | "model-signature"
  | "runtime-unavailable"
  | "worker-failed"
  | "disposed";

/** Base class: every error this entry throws on purpose is one of these. */
export class InferenceError extends Error {
  readonly code: InferenceErrorCode;
  constructor(code: InferenceErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "InferenceError";
    this.code = code;
  }
}

/** A model file could not be read: a 404, a missing path, a network failure. */
export class ModelFileMissingError extends InferenceError {
  /** The file, relative to the model folder. */
  readonly file: string;
  /** The URL or path that was tried. */
  readonly url: string;
  /** The HTTP status, when there was a response. */
  readonly status: number | undefined;
  constructor(file: string, url: string, status?: number, options?: { cause?: unknown }) {
    const why = status === undefined ? "could not be read" : `answered HTTP ${status}`;
    super("model-file-missing", `Model file ${file} is missing: ${url} ${why}`, options);
    this.name = "ModelFileMissingError";
    this.file = file;
    this.url = url;
    this.status = status;
  }
}

/** A model file was read but is not what it must be: broken JSON, a graph ONNX Runtime rejects. */
export class ModelCorruptError extends InferenceError {
  readonly file: string;
  constructor(file: string, detail: string, options?: { cause?: unknown }) {
    super("model-corrupt", `Model file ${file} is corrupt: ${detail}`, options);
    this.name = "ModelCorruptError";
    this.file = file;
  }
}

/** The graph loaded but its inputs or outputs do not fit a sequence classifier. */
export class ModelSignatureError extends InferenceError {
  /** The graph's input names. */
  readonly inputs: string[];
  /** The graph's output names. */
  readonly outputs: string[];
  constructor(detail: string, inputs: readonly string[], outputs: readonly string[]) {
    super(
      "model-signature",
      `The model's graph does not fit a text classifier: ${detail} ` +
        `(graph inputs: ${inputs.join(", ") || "none"}; outputs: ${outputs.join(", ") || "none"})`,
    );
    this.name = "ModelSignatureError";
    this.inputs = [...inputs];
    this.outputs = [...outputs];
  }
}

/** A plain-object form of an error, for `postMessage`. */
export interface SerializedInferenceError {
  name: string;
  message: string;
  code?: InferenceErrorCode;
  file?: string;
  url?: string;
  status?: number;
  inputs?: string[];
  outputs?: string[];
}

export function serializeInferenceError(error: unknown): SerializedInferenceError {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const plain: SerializedInferenceError = { name: error.name, message: error.message };
  if (error instanceof InferenceError) plain.code = error.code;
  if (error instanceof ModelFileMissingError) Object.assign(plain, { file: error.file, url: error.url, status: error.status });
  if (error instanceof ModelCorruptError) plain.file = error.file;
  if (error instanceof ModelSignatureError) Object.assign(plain, { inputs: error.inputs, outputs: error.outputs });
  return plain;
}

/** Rebuilds the typed error on the main thread, so `instanceof` and `code` work as in-process. */
export function deserializeInferenceError(plain: SerializedInferenceError): Error {
  let error: Error;
  switch (plain.code) {
    case "model-file-missing":
      error = new ModelFileMissingError(plain.file ?? "", plain.url ?? "", plain.status);
      break;
    case "model-corrupt":
      error = new ModelCorruptError(plain.file ?? "", "");
      break;
    case "model-signature":
      error = new ModelSignatureError("", plain.inputs ?? [], plain.outputs ?? []);
      break;
    case undefined:
      error = new Error();
      error.name = plain.name;
      break;
    default:
      error = new InferenceError(plain.code, "");
  }
  // The worker's own message is the authoritative text (it already names files and graph values).
  error.message = plain.message;
  return error;
}
